package org.megaeth.trie.state;

/**
 * State handed to {@link WorldStateBuilder} (from a snapshot, say) is not consistent: an account
 * given twice, slots of an account that does not exist, a storage root or code that does not match
 * its hash. Checked: the caller rejects its input (the snapshot) and tries another.
 */
public final class InvalidStateException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidStateException(String message) {
    super(message);
  }
}
