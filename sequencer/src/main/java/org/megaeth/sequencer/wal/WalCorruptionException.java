package org.megaeth.sequencer.wal;

import java.nio.file.Path;

/**
 * The log holds bytes it did not write where a valid record must be: a checksum mismatch, a bad
 * length or header, a gap in the sequence, found anywhere but in the torn tail that a crash can
 * leave (which is truncated silently, since no record in it was acknowledged). Acknowledged records
 * may be lost, so nothing is skipped: an operator must look at {@link #segment()} at {@link
 * #offset()}.
 *
 * <p>Unchecked, like the chain store's read failures: it surfaces from replay iteration, and a
 * caller cannot do anything per record but stop.
 */
public final class WalCorruptionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path segment;
  private final long offset;
  private final long sequence;

  public WalCorruptionException(Path segment, long offset, long sequence, String detail) {
    super(
        "write-ahead log corrupt in "
            + segment
            + " at byte offset "
            + offset
            + " (record sequence "
            + sequence
            + "): "
            + detail);
    this.segment = segment;
    this.offset = offset;
    this.sequence = sequence;
  }

  /** The segment file. */
  public Path segment() {
    return segment;
  }

  /** The byte offset in the segment where the bad record (or header) starts. */
  public long offset() {
    return offset;
  }

  /** The sequence the record at {@link #offset()} would have. */
  public long sequence() {
    return sequence;
  }
}
