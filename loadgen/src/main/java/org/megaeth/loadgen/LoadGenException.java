package org.megaeth.loadgen;

/**
 * The run cannot go on, for a reason the user can act on: the endpoint is unreachable, refused the
 * setup, the funder has too little ETH. The message is one line and names what to do.
 */
public final class LoadGenException extends Exception {
  public LoadGenException(String message) {
    super(message);
  }

  public LoadGenException(String message, Throwable cause) {
    super(message, cause);
  }
}
