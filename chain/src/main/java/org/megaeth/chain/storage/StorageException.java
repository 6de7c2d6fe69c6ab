package org.megaeth.chain.storage;

/**
 * The database could not be opened or used: a wrong path, a disk error, a database another process
 * holds. Checked where the caller can react (opening); {@link Unchecked} inside interfaces that
 * cannot declare it, such as the trie's node store.
 */
public class StorageException extends Exception {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }

  /** A storage failure raised through an interface that cannot throw checked exceptions. */
  public static final class Unchecked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unchecked(String message) {
      super(message);
    }

    public Unchecked(String message, Throwable cause) {
      super(message + ": " + cause.getMessage(), cause);
    }
  }
}
