package org.megaeth.core.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPReader;

/**
 * Our in-place reader against Tuweni's strict reader, which the node used before: on random valid
 * encodings, the same tree; on random and corrupted bytes, the same verdict (both refuse, or both
 * read the same tree).
 */
class RlpReaderOracleTest {
  /** A decoded item: a byte string or a list of items. */
  private static Object ours(RlpReader r) {
    if (r.nextIsList()) {
      return r.readListOf(RlpReaderOracleTest::ours);
    }
    return r.readBytes();
  }

  private static Object theirs(RLPReader r) {
    if (r.nextIsList()) {
      return r.readList(
          inner -> {
            List<Object> items = new ArrayList<>();
            while (!inner.isComplete()) {
              items.add(theirs(inner));
            }
            return items;
          });
    }
    return r.readValue(false);
  }

  /** The tree, or null when the bytes are refused. */
  private static Object decodeOurs(Bytes input) {
    try {
      return Rlp.decode(input, RlpReaderOracleTest::ours);
    } catch (RlpException e) {
      return null;
    }
  }

  private static Object decodeTheirs(Bytes input) {
    try {
      return RLP.decode(
          input,
          false,
          r -> {
            Object tree = theirs(r);
            if (!r.isComplete()) {
              throw new RLPException("trailing data");
            }
            return tree;
          });
    } catch (RLPException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  @Property(tries = 3_000)
  void shouldJudgeRandomBytesAsTuweniDoes(@ForAll @Size(max = 80) byte[] bytes) {
    Bytes input = Bytes.wrap(bytes);
    assertThat(decodeOurs(input)).isEqualTo(decodeTheirs(input));
  }

  @Property(tries = 2_000)
  void shouldReadValidAndCorruptedEncodingsAsTuweniDoes(@ForAll long seed) {
    Random random = new Random(seed);
    Bytes valid = Rlp.encode(w -> writeRandom(w, random, 3));
    assertThat(decodeOurs(valid)).isNotNull().isEqualTo(decodeTheirs(valid));
    // Flip a byte, cut the end or add a byte: the two readers must still agree.
    byte[] corrupt = valid.toArray();
    switch (random.nextInt(3)) {
      case 0 -> corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
      case 1 -> corrupt = java.util.Arrays.copyOf(corrupt, random.nextInt(corrupt.length));
      default -> {
        corrupt = java.util.Arrays.copyOf(corrupt, corrupt.length + 1);
        corrupt[corrupt.length - 1] = (byte) random.nextInt(256);
      }
    }
    Bytes input = Bytes.wrap(corrupt);
    assertThat(decodeOurs(input)).isEqualTo(decodeTheirs(input));
  }

  private static void writeRandom(RlpWriter w, Random random, int depth) {
    if (depth > 0 && random.nextInt(3) == 0) {
      int n = random.nextInt(6);
      w.writeList(
          inner -> {
            for (int i = 0; i < n; i++) {
              writeRandom(inner, random, depth - 1);
            }
          });
      return;
    }
    int length = random.nextInt(4) == 0 ? 56 + random.nextInt(200) : random.nextInt(8);
    byte[] value = new byte[length];
    random.nextBytes(value);
    w.writeBytes(value);
  }
}
