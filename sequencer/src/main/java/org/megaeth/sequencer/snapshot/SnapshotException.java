package org.megaeth.sequencer.snapshot;

import java.nio.file.Path;

/**
 * A snapshot file cannot be used: damaged (checksum, format), from another format version, or its
 * content does not give the state root it claims. Checked: the caller falls back to an older
 * snapshot.
 */
public final class SnapshotException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public SnapshotException(Path file, String message) {
    super("snapshot " + file + ": " + message);
    this.file = file;
  }

  public SnapshotException(Path file, String message, Throwable cause) {
    super("snapshot " + file + ": " + message + ": " + cause.getMessage(), cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
