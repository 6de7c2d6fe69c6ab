package org.megaeth.core.util;

import java.util.Arrays;
import java.util.function.ToLongFunction;

/**
 * Sorts keys by their natural order with a primitive sort first: each key's leading 44 bits
 * (compared unsigned) and its position packed into one {@code long}, the longs sorted, and only
 * keys whose leading bits tie compared whole. Hashed keys (storage slots of mappings, addresses)
 * almost never tie there, and sorting longs is several times faster than a merge sort calling
 * {@code compareTo}: a mini-block's state diff sorts thousands of them, on the critical path of the
 * parallel executor's tail.
 */
public final class PrefixSort {
  private static final int INDEX_BITS = 20;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

  /** Below this, the plain sort is as fast. */
  private static final int SMALL = 48;

  private PrefixSort() {}

  /**
   * Sorts {@code keys} in place into their natural order.
   *
   * @param leading the key's first 64 bits, whose unsigned order agrees with the natural order
   *     wherever they differ
   */
  public static <T extends Comparable<? super T>> void sort(T[] keys, ToLongFunction<T> leading) {
    int n = keys.length;
    if (n < SMALL || n > INDEX_MASK + 1) {
      Arrays.sort(keys);
      return;
    }
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      long prefix = leading.applyAsLong(keys[i]) >>> INDEX_BITS; // 44 bits, unsigned
      // The sign bit flipped: a signed sort of the longs is then the unsigned order of prefixes.
      packed[i] = (prefix << INDEX_BITS | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(packed);
    T[] original = keys.clone();
    for (int k = 0; k < n; k++) {
      keys[k] = original[(int) (packed[k] & INDEX_MASK)];
    }
    // Keys with equal prefixes are in position order: sort each such run whole.
    int start = 0;
    for (int k = 1; k <= n; k++) {
      if (k == n || packed[k] >>> INDEX_BITS != packed[start] >>> INDEX_BITS) {
        if (k - start > 1) {
          Arrays.sort(keys, start, k);
        }
        start = k;
      }
    }
  }
}
