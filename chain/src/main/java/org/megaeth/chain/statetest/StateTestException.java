package org.megaeth.chain.statetest;

/** A state-test file that cannot be read or is not a GeneralStateTests file; names the file. */
public final class StateTestException extends Exception {
  private static final long serialVersionUID = 1L;

  public StateTestException(String message) {
    super(message);
  }

  public StateTestException(String message, Throwable cause) {
    super(message, cause);
  }
}
