package org.megaeth.sequencer.log;

/** The write-ahead log holds something the sequencer did not write; the message says what. */
public final class CorruptLogException extends Exception {
  public CorruptLogException(String message) {
    super(message);
  }
}
