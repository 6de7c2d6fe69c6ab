package org.megaeth.trie.patricia;

import java.util.Arrays;
import org.megaeth.core.crypto.Keccak;

/**
 * Encodes nodes as geth and reth do and computes their references. One per thread, reusing its
 * buffer, so hashing a dirty node allocates only the 32-byte hash it keeps. This is the trie's hot
 * path; the general-purpose {@code core.rlp} writer allocates per item, so it is not used here.
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

  private NodeEncoder() {}

  static NodeEncoder get() {
    return LOCAL.get();
  }

  /**
   * Computes {@link Node#ref} for {@code node} and every dirty node below it (post-order: children
   * first, so one buffer serves the whole recursion). Benchmark before refactoring.
   */
  void computeRef(Node node) {
    if (node.ref != null) {
      return;
    }
    switch (node) {
      case BranchNode branch -> {
        for (Node child : branch.children) {
          if (child != null && child.ref == null) {
            computeRef(child);
          }
        }
      }
      case ExtensionNode ext -> computeRef(ext.child);
      case LeafNode leaf -> {}
      case HashNode hash -> throw new IllegalStateException("hash node without hash");
    }
    int length = encode(node);
    byte[] ref;
    if (length >= 32) {
      ref = new byte[32];
      Keccak.keccak256(buf, 0, length, ref, 0);
    } else {
      ref = Arrays.copyOf(buf, length);
    }
    node.ref = ref;
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
      case LeafNode leaf -> encodeShort(leaf.path, true, leaf.value, null);
      case ExtensionNode ext -> encodeShort(ext.path, false, null, ext.child.ref);
      case BranchNode branch -> encodeBranch(branch);
      case HashNode hash -> throw new IllegalStateException("a hash node has no encoding here");
    }
    return pos;
  }

  private void encodeShort(byte[] path, boolean leaf, byte[] value, byte[] childRef) {
    int hpLength = path.length / 2 + 1;
    int hpFirst = hexPrefixFirstByte(path, leaf);
    int hpItem = stringItemLength(hpLength, hpFirst);
    int secondItem =
        leaf ? stringItemLength(value.length, value[0] & 0xFF) : refItemLength(childRef);
    int payload = hpItem + secondItem;
    ensureCapacity(9 + payload);
    writeListHeader(payload);
    // hex-prefix encoding (Yellow Paper appendix C): flag nibble, then the path packed.
    if (hpLength == 1) {
      buf[pos++] = (byte) hpFirst; // below 0x80: a single-byte string is itself
    } else {
      writeStringHeader(hpLength);
      buf[pos++] = (byte) hpFirst;
      int i = (path.length & 1);
      while (i < path.length) {
        buf[pos++] = (byte) ((path[i] << 4) | path[i + 1]);
        i += 2;
      }
    }
    if (leaf) {
      writeString(value);
    } else {
      writeRef(childRef);
    }
  }

  private void encodeBranch(BranchNode branch) {
    int payload = 0;
    Node[] children = branch.children;
    for (Node child : children) {
      payload += child == null ? 1 : refItemLength(child.ref);
    }
    byte[] value = branch.value;
    payload += value == null ? 1 : stringItemLength(value.length, value[0] & 0xFF);
    ensureCapacity(9 + payload);
    writeListHeader(payload);
    for (Node child : children) {
      if (child == null) {
        buf[pos++] = (byte) EMPTY_STRING;
      } else {
        writeRef(child.ref);
      }
    }
    if (value == null) {
      buf[pos++] = (byte) EMPTY_STRING;
    } else {
      writeString(value);
    }
  }

  static int hexPrefixFirstByte(byte[] path, boolean leaf) {
    int flag = (leaf ? 2 : 0) + (path.length & 1);
    return (flag << 4) | ((path.length & 1) == 1 ? path[0] : 0);
  }

  private static int refItemLength(byte[] ref) {
    return ref.length == 32 ? 33 : ref.length;
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

  private void writeRef(byte[] ref) {
    if (ref.length == 32) {
      buf[pos++] = (byte) HASH_STRING;
    }
    System.arraycopy(ref, 0, buf, pos, ref.length);
    pos += ref.length;
  }

  private void writeString(byte[] value) {
    if (value.length == 1 && (value[0] & 0xFF) < 0x80) {
      buf[pos++] = value[0];
      return;
    }
    writeStringHeader(value.length);
    System.arraycopy(value, 0, buf, pos, value.length);
    pos += value.length;
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
