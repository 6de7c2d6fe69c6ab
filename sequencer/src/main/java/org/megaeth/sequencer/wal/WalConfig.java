package org.megaeth.sequencer.wal;

/**
 * Sizes of a {@link WriteAheadLog}.
 *
 * @param segmentBytes a segment is closed and a new one started when the next record would take it
 *     past this size (a record larger than this gets a segment of its own)
 * @param maxRecordBytes the largest payload accepted; on read, a length field above it is
 *     corruption
 * @param maxQueuedBytes payload bytes that may wait for the log thread; {@link
 *     WriteAheadLog#append} blocks beyond that, so a slow disk slows the producer instead of
 *     filling the heap
 */
public record WalConfig(long segmentBytes, int maxRecordBytes, long maxQueuedBytes) {
  /** 64 MiB segments, records up to 128 MiB, 256 MiB queued. */
  public static final WalConfig DEFAULT = new WalConfig(64L << 20, 128 << 20, 256L << 20);

  public WalConfig {
    if (segmentBytes < 4096) {
      throw new IllegalArgumentException("segmentBytes must be at least 4096: " + segmentBytes);
    }
    if (maxRecordBytes < 1 || maxRecordBytes > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("maxRecordBytes out of range: " + maxRecordBytes);
    }
    if (maxQueuedBytes < maxRecordBytes) {
      throw new IllegalArgumentException(
          "maxQueuedBytes (" + maxQueuedBytes + ") below maxRecordBytes (" + maxRecordBytes + ")");
    }
  }

  public WalConfig withSegmentBytes(long bytes) {
    return new WalConfig(bytes, maxRecordBytes, maxQueuedBytes);
  }
}
