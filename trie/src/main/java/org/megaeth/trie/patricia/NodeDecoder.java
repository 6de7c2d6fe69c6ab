package org.megaeth.trie.patricia;

import java.util.Arrays;
import org.megaeth.core.rlp.RlpException;

/**
 * Decodes node encodings from a store, a witness or a proof. Strict: non-canonical RLP, trailing
 * bytes, wrong item counts, bad hex-prefix flags, child references that are neither a 32-byte hash
 * nor an embedded node shorter than 32 bytes, and branches with fewer than two entries are all
 * rejected with an {@link RlpException}, so that a node that decodes is one our encoder would
 * produce again byte for byte.
 */
final class NodeDecoder {
  private final byte[] data;
  private int pos;
  private int end;

  /** The nibbles from the root to the node being decoded: leaves keep their full path. */
  private final byte[] prefix;

  // The item last read by next().
  private boolean isList;
  private int payloadStart;
  private int payloadLength;

  private NodeDecoder(byte[] data, int pos, int end, byte[] prefix) {
    this.data = data;
    this.pos = pos;
    this.end = end;
    this.prefix = prefix;
  }

  /** Decodes the root node of a trie; see {@link #decode(byte[], byte[], byte[])}. */
  static Node decode(byte[] encoding, byte[] hash) {
    return decode(encoding, hash, Nibbles.EMPTY);
  }

  /**
   * Decodes a stored node found at nibble path {@code prefix} (not kept). The result and its
   * embedded children are marked persisted; its reference is {@code hash} when the encoding is 32
   * bytes or longer, else the encoding itself.
   */
  static Node decode(byte[] encoding, byte[] hash, byte[] prefix) {
    Node node = decodeItem(encoding, 0, encoding.length, prefix);
    node.setRef(encoding.length >= 32 ? hash : encoding);
    return node;
  }

  private static Node decodeItem(byte[] data, int from, int to, byte[] prefix) {
    NodeDecoder outer = new NodeDecoder(data, from, to, prefix);
    outer.next();
    if (!outer.isList) {
      throw new RlpException("trie node is not an RLP list");
    }
    if (outer.pos != to) {
      throw new RlpException("trailing bytes after trie node");
    }
    NodeDecoder items =
        new NodeDecoder(data, outer.payloadStart, outer.payloadStart + outer.payloadLength, prefix);
    int count = items.countItems();
    Node node =
        switch (count) {
          case 2 -> items.readShortNode();
          case 17 -> items.readBranch();
          default -> throw new RlpException("trie node has " + count + " items, expected 2 or 17");
        };
    node.markPersisted();
    return node;
  }

  private int countItems() {
    int saved = pos;
    int count = 0;
    while (pos < end) {
      next();
      count++;
    }
    pos = saved;
    return count;
  }

  private Node readShortNode() {
    next();
    if (isList || payloadLength == 0) {
      throw new RlpException("trie node path is not a non-empty string");
    }
    int first = data[payloadStart] & 0xFF;
    int flag = first >>> 4;
    if (flag > 3) {
      throw new RlpException("bad hex-prefix flag " + flag);
    }
    boolean odd = (flag & 1) == 1;
    if (!odd && (first & 0xF) != 0) {
      throw new RlpException("hex-prefix padding nibble is not zero");
    }
    byte[] path = new byte[(payloadLength - 1) * 2 + (odd ? 1 : 0)];
    int n = 0;
    if (odd) {
      path[n++] = (byte) (first & 0xF);
    }
    for (int i = payloadStart + 1; i < payloadStart + payloadLength; i++) {
      path[n++] = (byte) ((data[i] >>> 4) & 0xF);
      path[n++] = (byte) (data[i] & 0xF);
    }
    if (flag >= 2) {
      next();
      if (isList || payloadLength == 0) {
        throw new RlpException("leaf value is not a non-empty string");
      }
      byte[] full = Nibbles.concat(prefix, path);
      return new ArrayLeafNode(
          ArrayLeafNode.pathData(full, full.length, data, payloadStart, payloadLength),
          prefix.length);
    }
    if (path.length == 0) {
      throw new RlpException("extension with an empty path");
    }
    Node child = readChild(Nibbles.concat(prefix, path), -1);
    if (child == null) {
      throw new RlpException("extension without a child");
    }
    if (!(child instanceof BranchNode || child instanceof HashNode)) {
      throw new RlpException("extension child is not a branch");
    }
    return new ExtensionNode(path, child);
  }

  private Node readBranch() {
    Node[] children = new Node[16];
    for (int i = 0; i < 16; i++) {
      children[i] = readChild(prefix, i);
    }
    next();
    if (isList) {
      throw new RlpException("branch value is a list");
    }
    byte[] value =
        payloadLength == 0
            ? null
            : Arrays.copyOfRange(data, payloadStart, payloadStart + payloadLength);
    BranchNode branch = BranchNode.of(children, value);
    if (branch.entryCount() < 2) {
      throw new RlpException("branch with fewer than two entries");
    }
    return branch;
  }

  /**
   * A child reference at nibble path {@code base}, then {@code extra} when not negative: empty
   * string, 32-byte hash, or an embedded node shorter than 32 bytes.
   */
  private Node readChild(byte[] base, int extra) {
    int start = pos;
    next();
    if (!isList) {
      if (payloadLength == 0) {
        return null;
      }
      if (payloadLength != 32) {
        throw new RlpException("child reference is a " + payloadLength + "-byte string");
      }
      return new HashNode(Arrays.copyOfRange(data, payloadStart, payloadStart + 32));
    }
    int length = pos - start;
    if (length >= 32) {
      throw new RlpException("embedded node of " + length + " bytes (must be under 32)");
    }
    Node child = decodeItem(data, start, pos, Nibbles.prefix(base, base.length, extra));
    child.setEmbedded(data, start, length);
    return child;
  }

  /** Reads one item header, checking canonical form, and moves past the item. */
  private void next() {
    if (pos >= end) {
      throw new RlpException("unexpected end of trie node");
    }
    int prefix = data[pos] & 0xFF;
    int headerLength;
    int length;
    if (prefix < 0x80) {
      isList = false;
      headerLength = 0;
      length = 1;
    } else if (prefix <= 0xb7) {
      isList = false;
      headerLength = 1;
      length = prefix - 0x80;
      if (length == 1 && pos + 1 < end && (data[pos + 1] & 0xFF) < 0x80) {
        throw new RlpException("single byte below 0x80 encoded as a string");
      }
    } else if (prefix < 0xc0) {
      isList = false;
      headerLength = 1 + prefix - 0xb7;
      length = readLongLength(prefix - 0xb7);
    } else if (prefix <= 0xf7) {
      isList = true;
      headerLength = 1;
      length = prefix - 0xc0;
    } else {
      isList = true;
      headerLength = 1 + prefix - 0xf7;
      length = readLongLength(prefix - 0xf7);
    }
    payloadStart = pos + headerLength;
    payloadLength = length;
    if (length < 0 || payloadStart > end || end - payloadStart < length) {
      throw new RlpException("RLP item runs past the end of the trie node");
    }
    pos = payloadStart + length;
  }

  private int readLongLength(int lengthOfLength) {
    if (lengthOfLength > 4 || pos + lengthOfLength >= end) {
      throw new RlpException("bad RLP length");
    }
    if (data[pos + 1] == 0) {
      throw new RlpException("RLP length with leading zero");
    }
    long length = 0;
    for (int i = 1; i <= lengthOfLength; i++) {
      length = (length << 8) | (data[pos + i] & 0xFF);
    }
    if (length < 56 || length > Integer.MAX_VALUE) {
      throw new RlpException("non-canonical RLP length " + length);
    }
    return (int) length;
  }
}
