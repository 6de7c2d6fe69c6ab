package org.megaeth.core.diff;

/** A state diff's bytes do not decode: truncated, a wrong version, or inconsistent content. */
public final class InvalidStateDiffException extends Exception {
  public InvalidStateDiffException(String message) {
    super(message);
  }
}
