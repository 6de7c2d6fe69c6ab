package org.megaeth.loadgen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.types.UInt256;

/**
 * The senders' keys, derived from a seed: key i is {@code keccak256(utf8(seed) || uint32(i))}, so
 * the same seed gives the same accounts on every run and every machine. These keys are as public as
 * the seed: they are for benchmarks on dev chains only.
 */
public final class SenderKeys {
  private SenderKeys() {}

  public static List<KeyPair> derive(String seed, int count) {
    byte[] prefix = seed.getBytes(StandardCharsets.UTF_8);
    List<KeyPair> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] material = ByteBuffer.allocate(prefix.length + 4).put(prefix).putInt(i).array();
      byte[] key = Keccak.keccak256(material);
      // Outside [1, n-1] with probability ~2^-128; hash again rather than fail.
      while (UInt256.fromBytes(key).isZero()
          || UInt256.fromBytes(key).compareTo(Secp256k1.CURVE_ORDER) >= 0) {
        key = Keccak.keccak256(key);
      }
      keys.add(KeyPair.of(SecretKey.of(key)));
    }
    return List.copyOf(keys);
  }
}
