package org.megaeth.trie.patricia;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.types.Hash;

/**
 * The root of a block's ordered trie (transactions, receipts, withdrawals: item {@code i} under the
 * key {@code rlp(i)}), computed in one pass without building a trie.
 *
 * <p>Why not {@link MerklePatriciaTrie}: the sequencer seals a block of up to tens of thousands of
 * transactions every second, and building a general trie for two roots that are thrown away (a key
 * map, nodes, then hashing) cost about as much as hashing itself. Here the keys come already in
 * trie order, so each node is encoded once, from its sorted range of keys, and only its reference
 * (the encoding when shorter than 32 bytes, else its hash) is kept for the parent. The result is
 * the same root; {@code OrderedTrieRootTest} checks it against the general trie.
 *
 * <p>Key order: {@code rlp(i)} is the byte {@code i} for 1 to 127, {@code 0x80} for 0, and {@code
 * 0x81..} followed by {@code i} big-endian from 128 on, so sorted keys are the items 1..127, then
 * 0, then 128 onwards in order. No key is a prefix of another.
 */
public final class OrderedTrieRoot {
  private OrderedTrieRoot() {}

  /** The root of the items in their consensus encoding, item {@code i} under {@code rlp(i)}. */
  public static Hash of(List<Bytes> encodedItems) {
    int n = encodedItems.size();
    if (n == 0) {
      return MerklePatriciaTrie.EMPTY_TRIE_ROOT;
    }
    int[] order = new int[n];
    byte[][] keys = new byte[n][];
    int position = 0;
    for (int i = 1; i < Math.min(n, 128); i++) {
      order[position++] = i;
    }
    order[position++] = 0;
    for (int i = 128; i < n; i++) {
      order[position++] = i;
    }
    for (int i = 0; i < n; i++) {
      long index = order[i];
      keys[i] = Nibbles.fromBytes(Rlp.encode(w -> w.writeUInt64(index)).toArrayUnsafe());
    }
    Builder builder = new Builder(encodedItems, order, keys);
    byte[] root = builder.encode(0, n, 0);
    return Keccak.hash(root);
  }

  private record Builder(List<Bytes> items, int[] order, byte[][] keys) {

    /** The encoding of the node holding the keys {@code [from, to)} below {@code depth} nibbles. */
    byte[] encode(int from, int to, int depth) {
      if (to - from == 1) {
        byte[] key = keys[from];
        Bytes value = items.get(order[from]);
        return Rlp.encodeList(
                w -> {
                  w.writeBytes(hexPrefix(key, depth, true));
                  w.writeBytes(value);
                })
            .toArrayUnsafe();
      }
      // Sorted keys: what the first and the last share, all in between share.
      int shared = Nibbles.commonPrefix(keys[from], depth, keys[to - 1], depth);
      if (shared > 0) {
        byte[] child = encode(from, to, depth + shared);
        byte[] path = hexPrefixRange(keys[from], depth, depth + shared);
        return Rlp.encodeList(
                w -> {
                  w.writeBytes(path);
                  writeReference(w, child);
                })
            .toArrayUnsafe();
      }
      byte[][] children = new byte[16][];
      int start = from;
      while (start < to) {
        // No key ends here: rlp(i) keys are prefix-free, so every key has a nibble at depth.
        int nibble = keys[start][depth];
        int end = start + 1;
        while (end < to && keys[end][depth] == nibble) {
          end++;
        }
        children[nibble] = encode(start, end, depth + 1);
        start = end;
      }
      return Rlp.encodeList(
              w -> {
                for (byte[] child : children) {
                  if (child == null) {
                    w.writeEmpty();
                  } else {
                    writeReference(w, child);
                  }
                }
                w.writeEmpty(); // a branch of this trie never holds a value itself
              })
          .toArrayUnsafe();
    }

    /** A child as its parent holds it: embedded when shorter than a hash, else by hash. */
    private static void writeReference(RlpWriter w, byte[] child) {
      if (child.length < 32) {
        w.writeRaw(Bytes.wrap(child));
      } else {
        w.writeBytes(Keccak.keccak256(child));
      }
    }

    private static byte[] hexPrefix(byte[] nibbles, int from, boolean leaf) {
      return hexPrefix(nibbles, from, nibbles.length, leaf);
    }

    private static byte[] hexPrefixRange(byte[] nibbles, int from, int to) {
      return hexPrefix(nibbles, from, to, false);
    }

    /** Ethereum's hex-prefix encoding of {@code nibbles[from, to)}. */
    private static byte[] hexPrefix(byte[] nibbles, int from, int to, boolean leaf) {
      int length = to - from;
      boolean odd = (length & 1) == 1;
      byte[] out = new byte[length / 2 + 1];
      int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
      int i = from;
      if (odd) {
        out[0] = (byte) ((flag << 4) | nibbles[i++]);
      } else {
        out[0] = (byte) (flag << 4);
      }
      for (int o = 1; o < out.length; o++) {
        out[o] = (byte) ((nibbles[i] << 4) | nibbles[i + 1]);
        i += 2;
      }
      return out;
    }
  }
}
