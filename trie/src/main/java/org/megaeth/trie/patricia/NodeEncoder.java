package org.megaeth.trie.patricia;

import java.util.Arrays;
import org.megaeth.core.crypto.Keccak;

/**
 * Encodes nodes as geth and reth do and computes their references. One per thread, reusing its
 * buffer, so hashing a dirty node allocates nothing (the hash goes into the node's fields; an
 * embedded node keeps a copy of its short encoding). This is the trie's hot path; the
 * general-purpose {@code core.rlp} writer allocates per item, so it is not used here.
 *
 * <p>Node forms (Ethereum Yellow Paper, appendix D): leaf = rlp([hexPrefix(path, leaf), value]);
 * extension = rlp([hexPrefix(path, ext), childRef]); branch = rlp([c0..c15, value]). A child
 * reference is its 32-byte hash as an RLP string, or its own encoding inlined when shorter than 32
 * bytes; an empty slot or missing value is the empty string 0x80.
 *
 * <p>Benchmark before refactoring: {@code benchmarks/.../trie/TrieUpdateBenchmark}.
 */
final class NodeEncoder {
  private static final ThreadLocal<NodeEncoder> LOCAL = ThreadLocal.withInitial(NodeEncoder::new);

  private static final int EMPTY_STRING = 0x80;
  private static final int HASH_STRING = 0x80 + 32;

  private byte[] buf = new byte[1024];
  private int pos;

  /** A dirty leaf's stashed path, unpacked for its encoding. */
  private final byte[] pathScratch = new byte[LeafNode.HASHED_PATH_NIBBLES];

  private NodeEncoder() {}

  static NodeEncoder get() {
    return LOCAL.get();
  }

  /**
   * Computes {@link Node#ref} for {@code node} and every dirty node below it (post-order: children
   * first, so one buffer serves the whole recursion) and returns how many of them were hashed with
   * keccak (embedded nodes are not). Benchmark before refactoring.
   */
  int computeRef(Node node) {
    if (!node.isDirty()) {
      return 0;
    }
    int hashed = 0;
    switch (node) {
      case BranchNode branch -> {
        for (int i = 0, n = branch.childCount(); i < n; i++) {
          Node child = branch.childAt(i);
          if (child.isDirty()) {
            hashed += computeRef(child);
          }
        }
      }
      case ExtensionNode ext -> hashed += computeRef(ext.child);
      case LeafNode leaf -> {}
      case HashNode hash -> throw new IllegalStateException("hash node without hash");
    }
    int length = encode(node);
    if (length >= 32) {
      // The hash goes just past the encoding, then into the node's fields: no array per node.
      ensureCapacity(32);
      Keccak.keccak256(buf, 0, length, buf, length);
      node.setHash(buf, length);
      hashed++;
    } else {
      node.setEmbedded(buf, 0, length);
    }
    return hashed;
  }

  /** The encoding of a node whose children all have references, as a new array. */
  byte[] encodeToArray(Node node) {
    int length = encode(node);
    return Arrays.copyOf(buf, length);
  }

  /** Encodes into the buffer from offset 0 and returns the length. */
  private int encode(Node node) {
    pos = 0;
    switch (node) {
      case LeafNode leaf -> encodeShort(leaf.path(pathScratch), leaf.depth, leaf, null);
      case ExtensionNode ext -> encodeShort(ext.path, 0, null, ext.child);
      case BranchNode branch -> encodeBranch(branch);
      case HashNode hash -> throw new IllegalStateException("a hash node has no encoding here");
    }
    return pos;
  }

  /**
   * A leaf ({@code leaf} not null, whose value is written) or an extension (whose child is {@code
   * child}) over {@code path[from..]}.
   */
  private void encodeShort(byte[] path, int from, LeafNode leaf, Node child) {
    int nibbles = path.length - from;
    int hpLength = nibbles / 2 + 1;
    int hpFirst = hexPrefixFirstByte(path, from, leaf != null);
    int hpItem = stringItemLength(hpLength, hpFirst);
    int valueLength = leaf != null ? leaf.valueLength() : 0;
    int secondItem =
        leaf != null ? stringItemLength(valueLength, leaf.valueFirstByte()) : child.refItemLength();
    int payload = hpItem + secondItem;
    ensureCapacity(9 + payload);
    writeListHeader(payload);
    // hex-prefix encoding (Yellow Paper appendix C): flag nibble, then the path packed.
    if (hpLength == 1) {
      buf[pos++] = (byte) hpFirst; // below 0x80: a single-byte string is itself
    } else {
      writeStringHeader(hpLength);
      buf[pos++] = (byte) hpFirst;
      int i = from + (nibbles & 1);
      while (i < path.length) {
        buf[pos++] = (byte) ((path[i] << 4) | path[i + 1]);
        i += 2;
      }
    }
    if (leaf == null) {
      writeRef(child);
    } else if (valueLength == 1 && leaf.valueFirstByte() < 0x80) {
      buf[pos++] = (byte) leaf.valueFirstByte(); // a single byte below 0x80 is itself
    } else {
      writeStringHeader(valueLength);
      leaf.copyValue(buf, pos);
      pos += valueLength;
    }
  }

  private void encodeBranch(BranchNode branch) {
    int count = branch.childCount();
    int payload = 16 - count;
    for (int i = 0; i < count; i++) {
      payload += branch.childAt(i).refItemLength();
    }
    byte[] value = branch.value();
    payload += value == null ? 1 : stringItemLength(value.length, value[0] & 0xFF);
    ensureCapacity(9 + payload);
    writeListHeader(payload);
    int mask = branch.mask & 0xFFFF;
    int j = 0;
    for (int i = 0; i < 16; i++) {
      if ((mask & (1 << i)) == 0) {
        buf[pos++] = (byte) EMPTY_STRING;
      } else {
        writeRef(branch.childAt(j++));
      }
    }
    if (value == null) {
      buf[pos++] = (byte) EMPTY_STRING;
    } else {
      writeString(value, 0, value.length);
    }
  }

  /** The first byte of the hex-prefix encoding of {@code path[from..]}. */
  static int hexPrefixFirstByte(byte[] path, int from, boolean leaf) {
    int odd = (path.length - from) & 1;
    int flag = (leaf ? 2 : 0) + odd;
    return (flag << 4) | (odd == 1 ? path[from] : 0);
  }

  private static int stringItemLength(int length, int firstByte) {
    if (length == 1 && firstByte < 0x80) {
      return 1;
    }
    return length < 56 ? 1 + length : 1 + lengthOfLength(length) + length;
  }

  private static int lengthOfLength(int length) {
    return (39 - Integer.numberOfLeadingZeros(length)) / 8;
  }

  /** A child's reference: its hash as a 32-byte string, or its embedded encoding. */
  private void writeRef(Node child) {
    if (child.isHashed()) {
      buf[pos++] = (byte) HASH_STRING;
      child.copyHash(buf, pos);
      pos += 32;
    } else {
      pos += child.copyEmbedded(buf, pos);
    }
  }

  private void writeString(byte[] value, int offset, int length) {
    if (length == 1 && (value[offset] & 0xFF) < 0x80) {
      buf[pos++] = value[offset];
      return;
    }
    writeStringHeader(length);
    System.arraycopy(value, offset, buf, pos, length);
    pos += length;
  }

  private void writeStringHeader(int length) {
    writeHeader(0x80, 0xb7, length);
  }

  private void writeListHeader(int length) {
    writeHeader(0xc0, 0xf7, length);
  }

  private void writeHeader(int shortBase, int longBase, int length) {
    if (length < 56) {
      buf[pos++] = (byte) (shortBase + length);
      return;
    }
    int lol = lengthOfLength(length);
    buf[pos++] = (byte) (longBase + lol);
    for (int i = lol - 1; i >= 0; i--) {
      buf[pos++] = (byte) (length >>> (8 * i));
    }
  }

  private void ensureCapacity(int extra) {
    // Called once per node before writing, with an upper bound of the whole encoding.
    if (pos + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
    }
  }
}
