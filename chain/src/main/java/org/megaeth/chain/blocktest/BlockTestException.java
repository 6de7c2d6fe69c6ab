package org.megaeth.chain.blocktest;

/** A blockchain test file cannot be read: missing, not JSON, or not in the expected layout. */
public final class BlockTestException extends Exception {
  public BlockTestException(String message) {
    super(message);
  }

  public BlockTestException(String message, Throwable cause) {
    super(message, cause);
  }
}
