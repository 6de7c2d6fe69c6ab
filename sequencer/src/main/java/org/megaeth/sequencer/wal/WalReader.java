package org.megaeth.sequencer.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;

/**
 * Iterates the records of a {@link WriteAheadLog} from a sequence up to an end fixed when it was
 * made, across segments, checking each record's checksum and that consecutive segments continue the
 * sequence without gap or overlap.
 *
 * <p>Failures are unchecked, since {@link Iterator} declares nothing: {@link
 * WalCorruptionException} for a bad record (with its segment and offset), {@link
 * UncheckedIOException} for a read error. Not thread-safe. Close it to release the open segment.
 */
public final class WalReader implements Iterator<WalRecord>, AutoCloseable {
  private final NavigableMap<Long, Path> segments;
  private final long end;
  private final WalConfig config;
  private long nextSequence;
  private SegmentFormat.Reader current;
  private Map.Entry<Long, Path> currentEntry;
  private WalRecord next;

  WalReader(NavigableMap<Long, Path> segments, long from, long end, WalConfig config) {
    this.segments = segments;
    this.end = end;
    this.config = config;
    this.nextSequence = from;
    this.currentEntry = segments.firstEntry();
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null && nextSequence < end) {
        if (current == null) {
          current =
              new SegmentFormat.Reader(
                  currentEntry.getValue(), currentEntry.getKey(), config.maxRecordBytes(), -1);
        }
        switch (current.next()) {
          case SegmentFormat.Ok ok -> {
            if (ok.record().sequence() >= nextSequence) {
              next = ok.record();
              nextSequence++;
            }
          }
          case SegmentFormat.End e -> nextSegment();
          case SegmentFormat.Bad bad ->
              throw new WalCorruptionException(
                  current.path, bad.offset(), current.sequence(), bad.reason());
        }
      }
      return next != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void nextSegment() throws IOException {
    Map.Entry<Long, Path> following = segments.higherEntry(currentEntry.getKey());
    long reached = current.sequence();
    if (following == null) {
      throw new WalCorruptionException(
          current.path,
          current.offset(),
          reached,
          "the log ends at sequence " + reached + " but " + end + " records were written");
    }
    if (following.getKey() != reached) {
      throw new WalCorruptionException(
          current.path,
          current.offset(),
          reached,
          "the segment ends at sequence "
              + reached
              + " but the next starts at "
              + following.getKey());
    }
    current.close();
    current = null;
    currentEntry = following;
  }

  @Override
  public WalRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    WalRecord record = next;
    next = null;
    return record;
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
