package org.megaeth.chain.store;

/** A chain file is not a sequence of RLP blocks; the message starts with the byte offset. */
public final class InvalidChainFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long offset;

  public InvalidChainFileException(long offset, String problem) {
    super("byte offset " + offset + ": " + problem);
    this.offset = offset;
  }

  /** Where in the file the bad block starts. */
  public long offset() {
    return offset;
  }
}
