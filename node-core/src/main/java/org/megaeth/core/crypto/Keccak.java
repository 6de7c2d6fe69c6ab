package org.megaeth.core.crypto;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.megaeth.core.types.Hash;

/**
 * Keccak-256, the one hashing helper of the node (never call a digest directly elsewhere).
 *
 * <p>Benchmark before refactoring: {@code benchmarks/.../KeccakBenchmark}.
 */
public final class Keccak {
  /** Digests are stateful; one per thread avoids both allocation and locking. */
  private static final ThreadLocal<KeccakDigest> DIGEST =
      ThreadLocal.withInitial(() -> new KeccakDigest(256));

  /** keccak256 of the empty string. */
  public static final Hash EMPTY = Hash.wrap(keccak256(new byte[0]));

  /** keccak256(rlp([])), the hash of an empty list: the ommers hash after the merge. */
  public static final Hash EMPTY_LIST = Hash.wrap(keccak256(new byte[] {(byte) 0xc0}));

  private Keccak() {}

  public static Hash hash(byte[] input) {
    return Hash.wrap(keccak256(input, 0, input.length));
  }

  public static Hash hash(Bytes input) {
    return Hash.wrap(keccak256(input.toArrayUnsafe()));
  }

  public static byte[] keccak256(byte[] input) {
    return keccak256(input, 0, input.length);
  }

  public static byte[] keccak256(byte[] input, int offset, int length) {
    byte[] out = new byte[32];
    keccak256(input, offset, length, out, 0);
    return out;
  }

  /** keccak256 of {@code parts} one after another, without joining them into one array. */
  public static Hash hashOfParts(List<Bytes> parts) {
    KeccakDigest digest = DIGEST.get();
    for (Bytes part : parts) {
      byte[] array = part.toArrayUnsafe();
      digest.update(array, 0, array.length);
    }
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Hash.wrap(out);
  }

  /** Hashes into a caller-provided buffer: no allocation on hot paths. */
  public static void keccak256(byte[] input, int offset, int length, byte[] out, int outOffset) {
    KeccakDigest digest = DIGEST.get();
    digest.update(input, offset, length);
    digest.doFinal(out, outOffset);
  }
}
