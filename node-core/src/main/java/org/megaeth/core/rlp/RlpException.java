package org.megaeth.core.rlp;

/**
 * Input that is not valid, canonical RLP, or not the structure the caller expected. Unchecked
 * because decoders are lambdas; the boundaries that take outside input (RPC, p2p, fixtures, files)
 * catch it and report its message.
 */
public final class RlpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RlpException(String message) {
    super(message);
  }

  public RlpException(String message, Throwable cause) {
    super(message, cause);
  }
}
