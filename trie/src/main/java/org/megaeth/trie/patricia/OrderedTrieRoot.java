package org.megaeth.trie.patricia;

import java.util.List;
import java.util.function.IntFunction;
import org.apache.tuweni.bytes.Bytes;
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
    return of(encodedItems, chunk -> null);
  }

  /**
   * The root as {@link #of(List)} computes it, with the references of some complete chunks already
   * known: {@code knownChunks} gives the reference {@link #chunkReferences} computed for chunk
   * {@code c} (items {@code 16c} to {@code 16c + 15}), or null to compute it here.
   */
  static Hash of(List<Bytes> encodedItems, IntFunction<byte[]> knownChunks) {
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
      keys[i] = keyNibbles(order[i]);
    }
    return new Builder(encodedItems, order, keys, knownChunks).root();
  }

  /**
   * The references of the complete chunks {@code firstChunk, firstChunk + 1, ...}, whose items
   * {@code items} holds in order (16 per chunk). A chunk from item 128 on is the whole subtrie
   * under the branch where its keys differ only in the last nibble, so its node, and the reference
   * its parent keeps, does not depend on any other item: it can be hashed as soon as its items
   * exist.
   */
  static byte[][] chunkReferences(int firstChunk, List<Bytes> items) {
    int[] order = new int[items.size()];
    byte[][] keys = new byte[items.size()][];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      keys[i] = keyNibbles(firstChunk * CHUNK + i);
    }
    Builder builder = new Builder(items, order, keys, chunk -> null);
    byte[][] references = new byte[items.size() / CHUNK][];
    for (int c = 0; c < references.length; c++) {
      int from = c * CHUNK;
      references[c] = builder.reference(from, from + CHUNK, keys[from].length - 1);
    }
    return references;
  }

  /**
   * The first chunk {@link #chunkReferences} can hash: below 128 keys are one byte, 0 sorts last.
   */
  static final int FIRST_CHUNK = 128 / 16;

  /** Items per chunk: the 16 keys under one branch. */
  static final int CHUNK = 16;

  /** The nibbles of {@code rlp(index)}. */
  private static byte[] keyNibbles(int index) {
    if (index > 0 && index < 0x80) {
      return new byte[] {(byte) (index >>> 4), (byte) (index & 0xf)};
    }
    if (index == 0) {
      return new byte[] {8, 0};
    }
    int length = (39 - Integer.numberOfLeadingZeros(index)) / 8; // big-endian bytes, no zeros
    byte[] nibbles = new byte[2 + 2 * length];
    nibbles[0] = 8;
    nibbles[1] = (byte) length;
    for (int i = 0; i < 2 * length; i++) {
      nibbles[2 + i] = (byte) ((index >>> (4 * (2 * length - 1 - i))) & 0xf);
    }
    return nibbles;
  }

  /**
   * Encodes the nodes of one trie, each into the same reusable writer: a node is encoded only to be
   * hashed (or copied when shorter than a hash), after its children's references are computed.
   */
  private static final class Builder {
    private final List<Bytes> items;
    private final int[] order;
    private final byte[][] keys;
    private final IntFunction<byte[]> knownChunks;
    private final RlpWriter scratch = RlpWriter.reusable(1024);

    Builder(List<Bytes> items, int[] order, byte[][] keys, IntFunction<byte[]> knownChunks) {
      this.items = items;
      this.order = order;
      this.keys = keys;
      this.knownChunks = knownChunks;
    }

    /** The root: keccak256 of the top node's encoding, whatever its length. */
    Hash root() {
      encode(0, items.size(), 0);
      return Hash.wrap(scratch.keccak256());
    }

    /**
     * The reference a parent keeps for the node of the keys {@code [from, to)} below {@code depth}
     * nibbles: its encoding when shorter than 32 bytes, else its hash.
     */
    byte[] reference(int from, int to, int depth) {
      int first = order[from];
      if (to - from == CHUNK
          && first >= 128
          && first % CHUNK == 0
          && depth == keys[from].length - 1) {
        byte[] known = knownChunks.apply(first / CHUNK);
        if (known != null) {
          return known;
        }
      }
      encode(from, to, depth);
      return scratch.position() < 32 ? scratch.copyOfWritten() : scratch.keccak256();
    }

    /**
     * Writes the encoding of the node holding the keys {@code [from, to)} below {@code depth}
     * nibbles into {@link #scratch}, once the children's references are computed.
     */
    private void encode(int from, int to, int depth) {
      if (to - from == 1) {
        byte[] key = keys[from];
        Bytes value = items.get(order[from]);
        scratch.reset();
        scratch.writeList(
            w -> {
              w.writeBytes(hexPrefix(key, depth, true));
              w.writeBytes(value);
            });
        return;
      }
      // Sorted keys: what the first and the last share, all in between share.
      int shared = Nibbles.commonPrefix(keys[from], depth, keys[to - 1], depth);
      if (shared > 0) {
        byte[] child = reference(from, to, depth + shared);
        byte[] path = hexPrefixRange(keys[from], depth, depth + shared);
        scratch.reset();
        scratch.writeList(
            w -> {
              w.writeBytes(path);
              writeReference(w, child);
            });
        return;
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
        children[nibble] = reference(start, end, depth + 1);
        start = end;
      }
      scratch.reset();
      scratch.writeList(
          w -> {
            for (byte[] child : children) {
              if (child == null) {
                w.writeEmpty();
              } else {
                writeReference(w, child);
              }
            }
            w.writeEmpty(); // a branch of this trie never holds a value itself
          });
    }

    /** A child's reference as its parent holds it: an embedded encoding raw, a hash as bytes. */
    private static void writeReference(RlpWriter w, byte[] reference) {
      if (reference.length < 32) {
        w.writeRaw(Bytes.wrap(reference));
      } else {
        w.writeBytes(reference);
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
