package org.megaeth.sequencer.wal;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * A record read back from the log.
 *
 * @param sequence its position: records are numbered 0, 1, 2, ... in append order
 * @param type the caller's record type
 */
public record WalRecord(long sequence, byte type, Bytes payload) {
  public WalRecord {
    Objects.requireNonNull(payload, "payload");
  }
}
