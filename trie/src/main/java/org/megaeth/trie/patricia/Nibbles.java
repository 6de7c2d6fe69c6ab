package org.megaeth.trie.patricia;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;

/** Keys as nibble arrays (one nibble per byte, high nibble first), the trie's internal form. */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Nibbles() {}

  static byte[] fromBytes(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >>> 4) & 0xF);
      out[2 * i + 1] = (byte) (key[i] & 0xF);
    }
    return out;
  }

  static byte[] fromBytes(Bytes key) {
    byte[] out = new byte[key.size() * 2];
    for (int i = 0; i < key.size(); i++) {
      byte b = key.get(i);
      out[2 * i] = (byte) ((b >>> 4) & 0xF);
      out[2 * i + 1] = (byte) (b & 0xF);
    }
    return out;
  }

  /** Packs an even number of nibbles back into bytes. */
  static byte[] toBytes(byte[] nibbles, int length) {
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    }
    return out;
  }

  /** Length of the common prefix of {@code path} and {@code key[from..]}. */
  static int commonPrefix(byte[] path, byte[] key, int from) {
    int max = Math.min(path.length, key.length - from);
    int i = 0;
    while (i < max && path[i] == key[from + i]) {
      i++;
    }
    return i;
  }

  /** Whether {@code key[keyFrom..]} is exactly {@code path[pathFrom..]}. */
  static boolean matchesRest(byte[] path, int pathFrom, byte[] key, int keyFrom) {
    return key.length - keyFrom == path.length - pathFrom
        && Arrays.equals(path, pathFrom, path.length, key, keyFrom, key.length);
  }

  /** Length of the common prefix of {@code a[aFrom..]} and {@code b[bFrom..]}. */
  static int commonPrefix(byte[] a, int aFrom, byte[] b, int bFrom) {
    int max = Math.min(a.length - aFrom, b.length - bFrom);
    int i = 0;
    while (i < max && a[aFrom + i] == b[bFrom + i]) {
      i++;
    }
    return i;
  }

  /** Whether {@code key[from..]} starts with {@code path}. */
  static boolean startsWith(byte[] key, int from, byte[] path) {
    return key.length - from >= path.length
        && Arrays.equals(path, 0, path.length, key, from, from + path.length);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] prepend(int nibble, byte[] path) {
    byte[] out = new byte[path.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(path, 0, out, 1, path.length);
    return out;
  }

  /** {@code key[0..length)} followed by {@code extra} when it is not negative. */
  static byte[] prefix(byte[] key, int length, int extra) {
    byte[] out = Arrays.copyOf(key, extra < 0 ? length : length + 1);
    if (extra >= 0) {
      out[length] = (byte) extra;
    }
    return out;
  }

  /** One hex digit per nibble, for messages. */
  static String toString(byte[] nibbles) {
    StringBuilder sb = new StringBuilder(nibbles.length);
    for (byte n : nibbles) {
      sb.append(DIGITS[n]);
    }
    return sb.toString();
  }
}
