package org.megaeth.sequencer.wal;

import java.util.SplittableRandom;
import org.apache.tuweni.bytes.Bytes;

/** Deterministic record contents, so a reader can check a record from its sequence alone. */
final class WalTestData {
  private WalTestData() {}

  static Bytes payload(long sequence, int maxLength) {
    SplittableRandom random = new SplittableRandom(sequence * 0x9E3779B97F4A7C15L + 17);
    byte[] bytes = new byte[random.nextInt(maxLength + 1)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return Bytes.wrap(bytes);
  }

  static byte type(long sequence) {
    return (byte) (sequence % 7);
  }
}
