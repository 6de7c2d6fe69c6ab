package org.megaeth.core.util;

/** A hex string that could not be parsed; the message names the string and what is wrong. */
public final class HexFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public HexFormatException(String message) {
    super(message);
  }
}
