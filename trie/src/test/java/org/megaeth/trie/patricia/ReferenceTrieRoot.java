package org.megaeth.trie.patricia;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Hash;

/**
 * Test oracle: the root of a key-value map computed from scratch by the textbook recursive
 * definition (Yellow Paper appendix D), with the general-purpose {@code core.rlp} encoder instead
 * of the trie's own. Slow and obviously correct; shares no code with the production trie except the
 * nibble conversion.
 */
final class ReferenceTrieRoot {
  private ReferenceTrieRoot() {}

  static Hash root(Map<Bytes, Bytes> entries) {
    List<byte[][]> items = new ArrayList<>();
    entries.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            items.add(new byte[][] {Nibbles.fromBytes(k.toArrayUnsafe()), v.toArrayUnsafe()});
          }
        });
    if (items.isEmpty()) {
      return MerklePatriciaTrie.EMPTY_TRIE_ROOT;
    }
    items.sort((a, b) -> Arrays.compare(a[0], b[0]));
    return Keccak.hash(encode(items, 0));
  }

  private static Bytes encode(List<byte[][]> items, int depth) {
    if (items.size() == 1) {
      byte[] key = items.get(0)[0];
      Bytes path = hexPrefix(Arrays.copyOfRange(key, depth, key.length), true);
      Bytes value = Bytes.wrap(items.get(0)[1]);
      return Rlp.encodeList(
          w -> {
            w.writeBytes(path);
            w.writeBytes(value);
          });
    }
    int common = Integer.MAX_VALUE;
    byte[] first = items.get(0)[0];
    for (byte[][] item : items) {
      int c = 0;
      while (depth + c < first.length
          && depth + c < item[0].length
          && first[depth + c] == item[0][depth + c]) {
        c++;
      }
      common = Math.min(common, c);
    }
    if (common > 0) {
      Bytes path = hexPrefix(Arrays.copyOfRange(first, depth, depth + common), false);
      Bytes child = encode(items, depth + common);
      return Rlp.encodeList(
          w -> {
            w.writeBytes(path);
            writeRef(w, child);
          });
    }
    List<List<byte[][]>> groups = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      groups.add(new ArrayList<>());
    }
    byte[] value = null;
    for (byte[][] item : items) {
      if (item[0].length == depth) {
        value = item[1];
      } else {
        groups.get(item[0][depth]).add(item);
      }
    }
    byte[] branchValue = value;
    return Rlp.encodeList(
        w -> {
          for (List<byte[][]> group : groups) {
            if (group.isEmpty()) {
              w.writeEmpty();
            } else {
              writeRef(w, encode(group, depth + 1));
            }
          }
          if (branchValue == null) {
            w.writeEmpty();
          } else {
            w.writeBytes(branchValue);
          }
        });
  }

  private static void writeRef(org.megaeth.core.rlp.RlpWriter w, Bytes encoded) {
    if (encoded.size() < 32) {
      w.writeRaw(encoded);
    } else {
      w.writeBytes(Keccak.hash(encoded).bytes());
    }
  }

  private static Bytes hexPrefix(byte[] nibbles, boolean leaf) {
    int flag = (leaf ? 2 : 0) + (nibbles.length & 1);
    byte[] out = new byte[nibbles.length / 2 + 1];
    int i = 0;
    if ((nibbles.length & 1) == 1) {
      out[0] = (byte) ((flag << 4) | nibbles[0]);
      i = 1;
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int o = 1; o < out.length; o++, i += 2) {
      out[o] = (byte) ((nibbles[i] << 4) | nibbles[i + 1]);
    }
    return Bytes.wrap(out);
  }
}
