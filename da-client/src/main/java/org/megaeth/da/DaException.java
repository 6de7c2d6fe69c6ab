package org.megaeth.da;

/**
 * A DA operation failed or DA data is bad: a stored blob that does not hash to its commitment, an
 * encoding that does not decode, a commitment for another backend, an I/O error. The message says
 * which. Checked: callers (sync from DA, the sequencer's publisher) react per blob.
 */
public class DaException extends Exception {
  private static final long serialVersionUID = 1L;

  public DaException(String message) {
    super(message);
  }

  public DaException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
