package org.megaeth.evm.word;

/**
 * 256-bit word arithmetic on the EVM stack's limb array. A word occupies four consecutive longs at
 * a slot offset {@code o}: {@code s[o]} is the least significant limb, {@code s[o + 3]} the most
 * significant. Binary operations read the first operand at {@code a} (the top of the stack) and the
 * second at {@code b}, and write the result over {@code b}, which is the slot that becomes the new
 * top after the pop: revm's "pop N, overwrite top". Nothing here allocates; division and the
 * modular operations use the caller's scratch arrays ({@link Scratch}).
 *
 * <p>Benchmark before refactoring: {@code benchmarks/.../ArithmeticBenchmark}.
 */
public final class Limbs {
  private static final long M32 = 0xFFFF_FFFFL;

  private Limbs() {}

  /** Reusable buffers for the operations that need more room than the operands. */
  public static final class Scratch {
    final long[] product = new long[8];
    final long[] acc = new long[4];
    final long[] base = new long[4];
    final int[] u = new int[17];
    final int[] v = new int[8];
    final int[] q = new int[17];
    final int[] un = new int[18];
    final int[] vn = new int[8];
  }

  // ---------------------------------------------------------------- loading and storing

  public static void set(long[] s, int o, long v3, long v2, long v1, long v0) {
    s[o] = v0;
    s[o + 1] = v1;
    s[o + 2] = v2;
    s[o + 3] = v3;
  }

  public static void setLong(long[] s, int o, long unsigned) {
    s[o] = unsigned;
    s[o + 1] = 0;
    s[o + 2] = 0;
    s[o + 3] = 0;
  }

  public static void setZero(long[] s, int o) {
    s[o] = 0;
    s[o + 1] = 0;
    s[o + 2] = 0;
    s[o + 3] = 0;
  }

  public static boolean isZero(long[] s, int o) {
    return (s[o] | s[o + 1] | s[o + 2] | s[o + 3]) == 0;
  }

  /** True when the word is below 2^63, so {@link #toLong} is exact. */
  public static boolean fitsLong(long[] s, int o) {
    return (s[o + 1] | s[o + 2] | s[o + 3]) == 0 && s[o] >= 0;
  }

  /** The word as a long, or {@link Long#MAX_VALUE} when it does not fit: sizes and offsets. */
  public static long toLongSaturated(long[] s, int o) {
    return fitsLong(s, o) ? s[o] : Long.MAX_VALUE;
  }

  /** Reads {@code len <= 32} big-endian bytes as a word (shorter input is left-padded). */
  public static void fromBytes(long[] s, int o, byte[] in, int off, int len) {
    long l0 = 0;
    long l1 = 0;
    long l2 = 0;
    long l3 = 0;
    for (int i = 0; i < len; i++) {
      int bitPos = 8 * (len - 1 - i);
      long b = (in[off + i] & 0xFFL) << (bitPos & 63);
      switch (bitPos >>> 6) {
        case 0 -> l0 |= b;
        case 1 -> l1 |= b;
        case 2 -> l2 |= b;
        default -> l3 |= b;
      }
    }
    set(s, o, l3, l2, l1, l0);
  }

  /** Writes the word as 32 big-endian bytes. */
  public static void toBytes(long[] s, int o, byte[] out, int off) {
    putLong(out, off, s[o + 3]);
    putLong(out, off + 8, s[o + 2]);
    putLong(out, off + 16, s[o + 1]);
    putLong(out, off + 24, s[o]);
  }

  private static void putLong(byte[] out, int off, long v) {
    for (int i = 0; i < 8; i++) {
      out[off + i] = (byte) (v >>> (56 - 8 * i));
    }
  }

  // ---------------------------------------------------------------- add, sub, mul

  private static boolean ult(long x, long y) {
    return Long.compareUnsigned(x, y) < 0;
  }

  public static void add(long[] s, int a, int b) {
    long a0 = s[a];
    long a1 = s[a + 1];
    long a2 = s[a + 2];
    long a3 = s[a + 3];
    long r0 = a0 + s[b];
    long c = ult(r0, a0) ? 1 : 0;
    long t = a1 + s[b + 1];
    long c1 = ult(t, a1) ? 1 : 0;
    long r1 = t + c;
    c = c1 | (ult(r1, t) ? 1 : 0);
    t = a2 + s[b + 2];
    long c2 = ult(t, a2) ? 1 : 0;
    long r2 = t + c;
    c = c2 | (ult(r2, t) ? 1 : 0);
    long r3 = a3 + s[b + 3] + c;
    set(s, b, r3, r2, r1, r0);
  }

  /** {@code s[b] = s[a] - s[b]}. */
  public static void sub(long[] s, int a, int b) {
    sub(s, a, b, b);
  }

  /** {@code s[r] = s[a] - s[b]}. */
  public static void sub(long[] s, int a, int b, int r) {
    long a0 = s[a];
    long a1 = s[a + 1];
    long a2 = s[a + 2];
    long a3 = s[a + 3];
    long b0 = s[b];
    long b1 = s[b + 1];
    long b2 = s[b + 2];
    long b3 = s[b + 3];
    long r0 = a0 - b0;
    long bo = ult(a0, b0) ? 1 : 0;
    long t = a1 - b1;
    long bo1 = ult(a1, b1) ? 1 : 0;
    long r1 = t - bo;
    bo = bo1 | (ult(t, bo) ? 1 : 0);
    t = a2 - b2;
    long bo2 = ult(a2, b2) ? 1 : 0;
    long r2 = t - bo;
    bo = bo2 | (ult(t, bo) ? 1 : 0);
    long r3 = a3 - b3 - bo;
    set(s, r, r3, r2, r1, r0);
  }

  /** Two's complement negation in place. */
  public static void negate(long[] s, int o) {
    long r0 = ~s[o] + 1;
    long c = r0 == 0 ? 1 : 0;
    long r1 = ~s[o + 1] + c;
    c = (c == 1 && r1 == 0) ? 1 : 0;
    long r2 = ~s[o + 2] + c;
    c = (c == 1 && r2 == 0) ? 1 : 0;
    long r3 = ~s[o + 3] + c;
    set(s, o, r3, r2, r1, r0);
  }

  public static void mul(long[] s, int a, int b, Scratch x) {
    long[] t = x.acc;
    mulTruncated(s, a, s, b, t);
    set(s, b, t[3], t[2], t[1], t[0]);
  }

  /** The low 256 bits of {@code x[xo] * y[yo]} into {@code t[0..3]}. */
  private static void mulTruncated(long[] xs, int xo, long[] ys, int yo, long[] t) {
    t[0] = 0;
    t[1] = 0;
    t[2] = 0;
    t[3] = 0;
    for (int i = 0; i < 4; i++) {
      long ai = xs[xo + i];
      if (ai == 0) {
        continue;
      }
      long carry = 0;
      for (int j = 0; i + j < 4; j++) {
        long bj = ys[yo + j];
        long lo = ai * bj;
        long hi = Math.unsignedMultiplyHigh(ai, bj);
        long sum = t[i + j] + lo;
        if (ult(sum, lo)) {
          hi++;
        }
        sum += carry;
        if (ult(sum, carry)) {
          hi++;
        }
        t[i + j] = sum;
        carry = hi;
      }
    }
  }

  /** The full 512-bit product into {@code t[0..7]}. */
  private static void mulFull(long[] s, int a, int b, long[] t) {
    for (int i = 0; i < 8; i++) {
      t[i] = 0;
    }
    for (int i = 0; i < 4; i++) {
      long ai = s[a + i];
      if (ai == 0) {
        continue;
      }
      long carry = 0;
      for (int j = 0; j < 4; j++) {
        long bj = s[b + j];
        long lo = ai * bj;
        long hi = Math.unsignedMultiplyHigh(ai, bj);
        long sum = t[i + j] + lo;
        if (ult(sum, lo)) {
          hi++;
        }
        sum += carry;
        if (ult(sum, carry)) {
          hi++;
        }
        t[i + j] = sum;
        carry = hi;
      }
      t[i + 4] = carry;
    }
  }

  // ---------------------------------------------------------------- division

  /** {@code s[b] = s[a] / s[b]}, zero when dividing by zero. */
  public static void div(long[] s, int a, int b, Scratch x) {
    divMod(s, a, b, b, true, x);
  }

  /** {@code s[b] = s[a] % s[b]}, zero when the modulus is zero. */
  public static void mod(long[] s, int a, int b, Scratch x) {
    divMod(s, a, b, b, false, x);
  }

  public static void sdiv(long[] s, int a, int b, Scratch x) {
    if (isZero(s, b)) {
      return;
    }
    boolean negA = s[a + 3] < 0;
    boolean negB = s[b + 3] < 0;
    if (negA) {
      negate(s, a);
    }
    if (negB) {
      negate(s, b);
    }
    divMod(s, a, b, b, true, x);
    if (negA != negB) {
      negate(s, b);
    }
  }

  public static void smod(long[] s, int a, int b, Scratch x) {
    if (isZero(s, b)) {
      return;
    }
    boolean negA = s[a + 3] < 0;
    if (negA) {
      negate(s, a);
    }
    if (s[b + 3] < 0) {
      negate(s, b);
    }
    divMod(s, a, b, b, false, x);
    if (negA) {
      negate(s, b);
    }
  }

  private static void divMod(long[] s, int a, int b, int r, boolean quotient, Scratch x) {
    if (isZero(s, b)) {
      setZero(s, r);
      return;
    }
    if ((s[a + 1] | s[a + 2] | s[a + 3] | s[b + 1] | s[b + 2] | s[b + 3]) == 0) {
      long n = s[a];
      long d = s[b];
      setLong(s, r, quotient ? Long.divideUnsigned(n, d) : Long.remainderUnsigned(n, d));
      return;
    }
    int m = toDigits(s, a, 4, x.u);
    int n = toDigits(s, b, 4, x.v);
    divModDigits(x, m, n);
    if (quotient) {
      fromDigits(x.q, Math.max(m - n + 1, 0), s, r);
    } else {
      fromDigits(x.u, n, s, r);
    }
  }

  /** {@code s[c] = (s[a] + s[b]) % s[c]}: the sum is taken with its 257th bit. */
  public static void addMod(long[] s, int a, int b, int c, Scratch x) {
    if (isZero(s, c)) {
      return;
    }
    long[] t = x.product;
    long a0 = s[a];
    long a1 = s[a + 1];
    long a2 = s[a + 2];
    long a3 = s[a + 3];
    long r0 = a0 + s[b];
    long carry = ult(r0, a0) ? 1 : 0;
    long u = a1 + s[b + 1];
    long c1 = ult(u, a1) ? 1 : 0;
    long r1 = u + carry;
    carry = c1 | (ult(r1, u) ? 1 : 0);
    u = a2 + s[b + 2];
    long c2 = ult(u, a2) ? 1 : 0;
    long r2 = u + carry;
    carry = c2 | (ult(r2, u) ? 1 : 0);
    u = a3 + s[b + 3];
    long c3 = ult(u, a3) ? 1 : 0;
    long r3 = u + carry;
    carry = c3 | (ult(r3, u) ? 1 : 0);
    t[0] = r0;
    t[1] = r1;
    t[2] = r2;
    t[3] = r3;
    t[4] = carry;
    modWide(t, 5, s, c, x);
  }

  /** {@code s[c] = (s[a] * s[b]) % s[c]}: the product is taken with all 512 bits. */
  public static void mulMod(long[] s, int a, int b, int c, Scratch x) {
    if (isZero(s, c)) {
      return;
    }
    mulFull(s, a, b, x.product);
    modWide(x.product, 8, s, c, x);
  }

  /** {@code s[c] = t[0..limbs) % s[c]}, s[c] non-zero. */
  private static void modWide(long[] t, int limbs, long[] s, int c, Scratch x) {
    int m = 0;
    for (int i = 0; i < limbs; i++) {
      x.u[2 * i] = (int) t[i];
      x.u[2 * i + 1] = (int) (t[i] >>> 32);
    }
    m = 2 * limbs;
    while (m > 0 && x.u[m - 1] == 0) {
      m--;
    }
    int n = toDigits(s, c, 4, x.v);
    divModDigits(x, m, n);
    fromDigits(x.u, n, s, c);
  }

  /** Splits a word into 32-bit digits, least significant first; returns the significant count. */
  private static int toDigits(long[] s, int o, int limbs, int[] d) {
    for (int i = 0; i < limbs; i++) {
      d[2 * i] = (int) s[o + i];
      d[2 * i + 1] = (int) (s[o + i] >>> 32);
    }
    int n = 2 * limbs;
    while (n > 0 && d[n - 1] == 0) {
      n--;
    }
    return n;
  }

  private static void fromDigits(int[] d, int count, long[] s, int o) {
    long l0 = 0;
    long l1 = 0;
    long l2 = 0;
    long l3 = 0;
    for (int i = 0; i < Math.min(count, 8); i++) {
      long v = (d[i] & M32) << (32 * (i & 1));
      switch (i >>> 1) {
        case 0 -> l0 |= v;
        case 1 -> l1 |= v;
        case 2 -> l2 |= v;
        default -> l3 |= v;
      }
    }
    set(s, o, l3, l2, l1, l0);
  }

  /**
   * Knuth's algorithm D (Hacker's Delight {@code divmnu}) on 32-bit digits: divides {@code
   * x.u[0..m)} by {@code x.v[0..n)} (n >= 1, top digit non-zero), leaving the quotient in {@code
   * x.q} and the remainder in {@code x.u[0..n)}.
   */
  private static void divModDigits(Scratch x, int m, int n) {
    int[] u = x.u;
    int[] v = x.v;
    int[] q = x.q;
    java.util.Arrays.fill(q, 0);
    if (m < n) {
      // The dividend is smaller: quotient 0, remainder the dividend (already in u).
      for (int i = m; i < n; i++) {
        u[i] = 0;
      }
      return;
    }
    if (n == 1) {
      long d = v[0] & M32;
      long rem = 0;
      for (int j = m - 1; j >= 0; j--) {
        long num = (rem << 32) | (u[j] & M32);
        q[j] = (int) Long.divideUnsigned(num, d);
        rem = Long.remainderUnsigned(num, d);
      }
      u[0] = (int) rem;
      return;
    }
    int[] un = x.un;
    int[] vn = x.vn;
    int sh = Integer.numberOfLeadingZeros(v[n - 1]);
    for (int i = n - 1; i > 0; i--) {
      vn[i] = (v[i] << sh) | (sh == 0 ? 0 : v[i - 1] >>> (32 - sh));
    }
    vn[0] = v[0] << sh;
    un[m] = sh == 0 ? 0 : u[m - 1] >>> (32 - sh);
    for (int i = m - 1; i > 0; i--) {
      un[i] = (u[i] << sh) | (sh == 0 ? 0 : u[i - 1] >>> (32 - sh));
    }
    un[0] = u[0] << sh;
    long vTop = vn[n - 1] & M32;
    long vNext = vn[n - 2] & M32;
    for (int j = m - n; j >= 0; j--) {
      long num = ((un[j + n] & M32) << 32) | (un[j + n - 1] & M32);
      long qhat = Long.divideUnsigned(num, vTop);
      long rhat = Long.remainderUnsigned(num, vTop);
      while (qhat >= (1L << 32)
          || Long.compareUnsigned(qhat * vNext, (rhat << 32) | (un[j + n - 2] & M32)) > 0) {
        qhat--;
        rhat += vTop;
        if (rhat >= (1L << 32)) {
          break;
        }
      }
      long k = 0;
      long t;
      for (int i = 0; i < n; i++) {
        long p = qhat * (vn[i] & M32);
        t = (un[i + j] & M32) - k - (p & M32);
        un[i + j] = (int) t;
        k = (p >>> 32) - (t >> 32);
      }
      t = (un[j + n] & M32) - k;
      un[j + n] = (int) t;
      q[j] = (int) qhat;
      if (t < 0) {
        q[j]--;
        k = 0;
        for (int i = 0; i < n; i++) {
          t = (un[i + j] & M32) + (vn[i] & M32) + k;
          un[i + j] = (int) t;
          k = t >>> 32;
        }
        un[j + n] += (int) k;
      }
    }
    for (int i = 0; i < n; i++) {
      u[i] = (un[i] >>> sh) | (sh == 0 ? 0 : un[i + 1] << (32 - sh));
    }
    for (int i = n; i < u.length; i++) {
      u[i] = 0;
    }
  }

  // ---------------------------------------------------------------- exp, signextend

  /** {@code s[b] = s[a] ^ s[b] mod 2^256}. */
  public static void exp(long[] s, int a, int b, Scratch x) {
    long[] base = x.base;
    long[] acc = x.acc;
    long[] tmp = x.product;
    base[0] = s[a];
    base[1] = s[a + 1];
    base[2] = s[a + 2];
    base[3] = s[a + 3];
    long e0 = s[b];
    long e1 = s[b + 1];
    long e2 = s[b + 2];
    long e3 = s[b + 3];
    acc[0] = 1;
    acc[1] = 0;
    acc[2] = 0;
    acc[3] = 0;
    int bits = bitLength(e3, e2, e1, e0);
    for (int i = bits - 1; i >= 0; i--) {
      mulTruncated(acc, 0, acc, 0, tmp);
      System.arraycopy(tmp, 0, acc, 0, 4);
      long limb = (i >= 192) ? e3 : (i >= 128) ? e2 : (i >= 64) ? e1 : e0;
      if (((limb >>> (i & 63)) & 1) != 0) {
        mulTruncated(acc, 0, base, 0, tmp);
        System.arraycopy(tmp, 0, acc, 0, 4);
      }
    }
    set(s, b, acc[3], acc[2], acc[1], acc[0]);
  }

  private static int bitLength(long l3, long l2, long l1, long l0) {
    if (l3 != 0) {
      return 256 - Long.numberOfLeadingZeros(l3);
    }
    if (l2 != 0) {
      return 192 - Long.numberOfLeadingZeros(l2);
    }
    if (l1 != 0) {
      return 128 - Long.numberOfLeadingZeros(l1);
    }
    return 64 - Long.numberOfLeadingZeros(l0);
  }

  /** Bytes needed for the word's significant bits: the EXP gas factor. */
  public static int byteLength(long[] s, int o) {
    return (bitLength(s[o + 3], s[o + 2], s[o + 1], s[o]) + 7) >>> 3;
  }

  /** SIGNEXTEND: {@code s[a]} is the byte index, {@code s[b]} the value, the result goes to b. */
  public static void signExtend(long[] s, int a, int b) {
    if (!fitsLong(s, a) || s[a] >= 31) {
      return;
    }
    int bit = (int) s[a] * 8 + 7;
    int limb = bit >>> 6;
    int pos = bit & 63;
    boolean negative = ((s[b + limb] >>> pos) & 1) != 0;
    long fill = negative ? -1L : 0L;
    long mask = pos == 63 ? -1L : (1L << (pos + 1)) - 1;
    s[b + limb] = negative ? (s[b + limb] | ~mask) : (s[b + limb] & mask);
    for (int i = limb + 1; i < 4; i++) {
      s[b + i] = fill;
    }
  }

  // ---------------------------------------------------------------- comparison and bitwise

  /** Unsigned compare of the words at a and b. */
  public static int compare(long[] s, int a, int b) {
    for (int i = 3; i >= 0; i--) {
      if (s[a + i] != s[b + i]) {
        return Long.compareUnsigned(s[a + i], s[b + i]);
      }
    }
    return 0;
  }

  /** Signed (two's complement) compare of the words at a and b. */
  public static int compareSigned(long[] s, int a, int b) {
    if (s[a + 3] != s[b + 3]) {
      return Long.compare(s[a + 3], s[b + 3]);
    }
    for (int i = 2; i >= 0; i--) {
      if (s[a + i] != s[b + i]) {
        return Long.compareUnsigned(s[a + i], s[b + i]);
      }
    }
    return 0;
  }

  public static void lt(long[] s, int a, int b) {
    setLong(s, b, compare(s, a, b) < 0 ? 1 : 0);
  }

  public static void gt(long[] s, int a, int b) {
    setLong(s, b, compare(s, a, b) > 0 ? 1 : 0);
  }

  public static void slt(long[] s, int a, int b) {
    setLong(s, b, compareSigned(s, a, b) < 0 ? 1 : 0);
  }

  public static void sgt(long[] s, int a, int b) {
    setLong(s, b, compareSigned(s, a, b) > 0 ? 1 : 0);
  }

  public static void eq(long[] s, int a, int b) {
    boolean equal =
        s[a] == s[b] && s[a + 1] == s[b + 1] && s[a + 2] == s[b + 2] && s[a + 3] == s[b + 3];
    setLong(s, b, equal ? 1 : 0);
  }

  public static void isZeroOp(long[] s, int a) {
    setLong(s, a, isZero(s, a) ? 1 : 0);
  }

  public static void and(long[] s, int a, int b) {
    s[b] &= s[a];
    s[b + 1] &= s[a + 1];
    s[b + 2] &= s[a + 2];
    s[b + 3] &= s[a + 3];
  }

  public static void or(long[] s, int a, int b) {
    s[b] |= s[a];
    s[b + 1] |= s[a + 1];
    s[b + 2] |= s[a + 2];
    s[b + 3] |= s[a + 3];
  }

  public static void xor(long[] s, int a, int b) {
    s[b] ^= s[a];
    s[b + 1] ^= s[a + 1];
    s[b + 2] ^= s[a + 2];
    s[b + 3] ^= s[a + 3];
  }

  public static void not(long[] s, int a) {
    s[a] = ~s[a];
    s[a + 1] = ~s[a + 1];
    s[a + 2] = ~s[a + 2];
    s[a + 3] = ~s[a + 3];
  }

  /** BYTE: {@code s[a]} is the index (0 = most significant), {@code s[b]} the value. */
  public static void byteOp(long[] s, int a, int b) {
    if (!fitsLong(s, a) || s[a] >= 32) {
      setZero(s, b);
      return;
    }
    int bitPos = (31 - (int) s[a]) * 8;
    long v = (s[b + (bitPos >>> 6)] >>> (bitPos & 63)) & 0xFF;
    setLong(s, b, v);
  }

  /** SHL (EIP-145): {@code s[a]} is the shift, {@code s[b]} the value. */
  public static void shl(long[] s, int a, int b) {
    if (!fitsLong(s, a) || s[a] >= 256) {
      setZero(s, b);
      return;
    }
    int shift = (int) s[a];
    int limbs = shift >>> 6;
    int bits = shift & 63;
    long v0 = s[b];
    long v1 = s[b + 1];
    long v2 = s[b + 2];
    long v3 = s[b + 3];
    for (int i = 3; i >= 0; i--) {
      int src = i - limbs;
      long hi = src >= 0 ? limb(v0, v1, v2, v3, src) : 0;
      long lo = src - 1 >= 0 ? limb(v0, v1, v2, v3, src - 1) : 0;
      s[b + i] = bits == 0 ? hi : (hi << bits) | (lo >>> (64 - bits));
    }
  }

  /** SHR (EIP-145): logical shift right. */
  public static void shr(long[] s, int a, int b) {
    if (!fitsLong(s, a) || s[a] >= 256) {
      setZero(s, b);
      return;
    }
    shiftRight(s, a, b, 0);
  }

  /** SAR (EIP-145): arithmetic shift right. */
  public static void sar(long[] s, int a, int b) {
    long fill = s[b + 3] < 0 ? -1L : 0L;
    if (!fitsLong(s, a) || s[a] >= 256) {
      set(s, b, fill, fill, fill, fill);
      return;
    }
    shiftRight(s, a, b, fill);
  }

  private static void shiftRight(long[] s, int a, int b, long fill) {
    int shift = (int) s[a];
    int limbs = shift >>> 6;
    int bits = shift & 63;
    long v0 = s[b];
    long v1 = s[b + 1];
    long v2 = s[b + 2];
    long v3 = s[b + 3];
    for (int i = 0; i < 4; i++) {
      int src = i + limbs;
      long lo = src <= 3 ? limb(v0, v1, v2, v3, src) : fill;
      long hi = src + 1 <= 3 ? limb(v0, v1, v2, v3, src + 1) : fill;
      s[b + i] = bits == 0 ? lo : (lo >>> bits) | (hi << (64 - bits));
    }
  }

  private static long limb(long v0, long v1, long v2, long v3, int i) {
    return switch (i) {
      case 0 -> v0;
      case 1 -> v1;
      case 2 -> v2;
      default -> v3;
    };
  }
}
