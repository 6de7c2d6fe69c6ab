package org.megaeth.evm.precompile.bn254;

/**
 * Arithmetic in the BN254 base field Fp, p =
 * 21888242871839275222246405745257275088696311157297823662689037894645226208583.
 *
 * <p>An element is four little-endian 64-bit limbs at an offset in a {@code long[]}, kept in
 * Montgomery form (a·2^256 mod p) and always fully reduced below p. Every method reads all of its
 * inputs before it writes its output, so the output may alias an input. The pairing performs tens
 * of thousands of multiplications per call, so the arithmetic allocates nothing; only the rare
 * inversion, square root and exponentiation use small temporary arrays.
 *
 * <p>Hot code: benchmark before refactoring ({@code org.megaeth.benchmarks.Bn254Benchmark}).
 */
final class Fp {

  /** Limbs per element. */
  static final int LIMBS = 4;

  /** The modulus p, little-endian limbs. p < 2^254, which the carry handling below relies on. */
  static final long P0 = 0x3c208c16d87cfd47L;

  static final long P1 = 0x97816a916871ca8dL;
  static final long P2 = 0xb85045b68181585dL;
  static final long P3 = 0x30644e72e131a029L;

  /** -p^-1 mod 2^64, the Montgomery reduction factor. */
  private static final long P_INV = 0x87d20782e4866389L;

  /** 2^512 mod p: a Montgomery multiplication by it converts a plain value to Montgomery form. */
  private static final long[] R_SQUARED = {
    0xf32cfc5b538afa89L, 0xb5e71911d44501fbL, 0x47ab1eff0a417ff6L, 0x06d89f71cab8351fL
  };

  /** The plain value 1: a Montgomery multiplication by it converts back to plain form. */
  private static final long[] PLAIN_ONE = {1L, 0L, 0L, 0L};

  /** 1 in Montgomery form, that is 2^256 mod p. Read-only. */
  static final long[] ONE = {
    0xd35d438dc58f0d9dL, 0x0a78eb28f5c70b3dL, 0x666ea36f7879462cL, 0x0e0a77c19a07df2fL
  };

  /** (p + 1) / 4: square-root exponent, valid because p = 3 mod 4. */
  private static final long[] P_PLUS_1_DIV_4 = {
    0x4f082305b61f3f52L, 0x65e05aa45a1c72a3L, 0x6e14116da0605617L, 0x0c19139cb84c680aL
  };

  private Fp() {}

  /**
   * r = a·b·2^-256 mod p (Montgomery multiplication, CIOS). Because p < 2^254 the running sum stays
   * below 2p and never needs a fifth limb beyond one carry word.
   */
  static void mul(long[] a, int ai, long[] b, int bi, long[] r, int ri) {
    final long b0 = b[bi];
    final long b1 = b[bi + 1];
    final long b2 = b[bi + 2];
    final long b3 = b[bi + 3];
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    for (int i = 0; i < LIMBS; i++) {
      // r is written only after the loop, so reading a here is safe even when r aliases a.
      final long x = a[ai + i];
      long t4;
      long lo;
      long hi;
      long c;
      if (i == 0) {
        // t = x * b; the first row has no running sum to add, which saves a carry per limb.
        t0 = x * b0;
        c = Math.unsignedMultiplyHigh(x, b0);

        lo = x * b1;
        hi = Math.unsignedMultiplyHigh(x, b1);
        t1 = lo + c;
        c = hi + carry(t1, lo);

        lo = x * b2;
        hi = Math.unsignedMultiplyHigh(x, b2);
        t2 = lo + c;
        c = hi + carry(t2, lo);

        lo = x * b3;
        hi = Math.unsignedMultiplyHigh(x, b3);
        t3 = lo + c;
        t4 = hi + carry(t3, lo);
      } else {
        // t += x * b
        lo = x * b0;
        hi = Math.unsignedMultiplyHigh(x, b0);
        t0 += lo;
        c = hi + carry(t0, lo);

        lo = x * b1;
        hi = Math.unsignedMultiplyHigh(x, b1);
        t1 += lo;
        hi += carry(t1, lo);
        t1 += c;
        c = hi + carry(t1, c);

        lo = x * b2;
        hi = Math.unsignedMultiplyHigh(x, b2);
        t2 += lo;
        hi += carry(t2, lo);
        t2 += c;
        c = hi + carry(t2, c);

        lo = x * b3;
        hi = Math.unsignedMultiplyHigh(x, b3);
        t3 += lo;
        hi += carry(t3, lo);
        t3 += c;
        t4 = hi + carry(t3, c);
      }

      // t = (t + m * p) / 2^64, where m makes the lowest limb vanish.
      final long m = t0 * P_INV;
      lo = m * P0;
      hi = Math.unsignedMultiplyHigh(m, P0);
      long s = t0 + lo;
      c = hi + carry(s, lo);

      lo = m * P1;
      hi = Math.unsignedMultiplyHigh(m, P1);
      s = t1 + lo;
      hi += carry(s, lo);
      s += c;
      c = hi + carry(s, c);
      t0 = s;

      lo = m * P2;
      hi = Math.unsignedMultiplyHigh(m, P2);
      s = t2 + lo;
      hi += carry(s, lo);
      s += c;
      c = hi + carry(s, c);
      t1 = s;

      lo = m * P3;
      hi = Math.unsignedMultiplyHigh(m, P3);
      s = t3 + lo;
      hi += carry(s, lo);
      s += c;
      c = hi + carry(s, c);
      t2 = s;

      t3 = t4 + c;
    }
    reduceOnce(t0, t1, t2, t3, r, ri);
  }

  /** r = a^2 in Montgomery form. */
  static void sqr(long[] a, int ai, long[] r, int ri) {
    mul(a, ai, a, ai, r, ri);
  }

  /** r = a + b mod p. */
  static void add(long[] a, int ai, long[] b, int bi, long[] r, int ri) {
    final long a0 = a[ai];
    final long a1 = a[ai + 1];
    final long a2 = a[ai + 2];
    final long a3 = a[ai + 3];
    final long b0 = b[bi];
    final long b1 = b[bi + 1];
    final long b2 = b[bi + 2];
    final long b3 = b[bi + 3];
    final long s0 = a0 + b0;
    long c = ((a0 & b0) | ((a0 | b0) & ~s0)) >>> 63;
    final long s1 = a1 + b1 + c;
    c = ((a1 & b1) | ((a1 | b1) & ~s1)) >>> 63;
    final long s2 = a2 + b2 + c;
    c = ((a2 & b2) | ((a2 | b2) & ~s2)) >>> 63;
    // Both inputs are below 2^254, so the sum fits four limbs without a final carry.
    final long s3 = a3 + b3 + c;
    reduceOnce(s0, s1, s2, s3, r, ri);
  }

  /** r = a - b mod p. */
  static void sub(long[] a, int ai, long[] b, int bi, long[] r, int ri) {
    final long a0 = a[ai];
    final long a1 = a[ai + 1];
    final long a2 = a[ai + 2];
    final long a3 = a[ai + 3];
    final long b0 = b[bi];
    final long b1 = b[bi + 1];
    final long b2 = b[bi + 2];
    final long b3 = b[bi + 3];
    long d0 = a0 - b0;
    long borrow = ((~a0 & b0) | (~(a0 ^ b0) & d0)) >>> 63;
    long d1 = a1 - b1 - borrow;
    borrow = ((~a1 & b1) | (~(a1 ^ b1) & d1)) >>> 63;
    long d2 = a2 - b2 - borrow;
    borrow = ((~a2 & b2) | (~(a2 ^ b2) & d2)) >>> 63;
    long d3 = a3 - b3 - borrow;
    borrow = ((~a3 & b3) | (~(a3 ^ b3) & d3)) >>> 63;
    if (borrow != 0) {
      // The difference went negative: add p back.
      final long e0 = d0 + P0;
      long c = ((d0 & P0) | ((d0 | P0) & ~e0)) >>> 63;
      final long e1 = d1 + P1 + c;
      c = ((d1 & P1) | ((d1 | P1) & ~e1)) >>> 63;
      final long e2 = d2 + P2 + c;
      c = ((d2 & P2) | ((d2 | P2) & ~e2)) >>> 63;
      d3 = d3 + P3 + c;
      d0 = e0;
      d1 = e1;
      d2 = e2;
    }
    r[ri] = d0;
    r[ri + 1] = d1;
    r[ri + 2] = d2;
    r[ri + 3] = d3;
  }

  /** r = -a mod p. */
  static void neg(long[] a, int ai, long[] r, int ri) {
    if (isZero(a, ai)) {
      setZero(r, ri);
      return;
    }
    final long a0 = a[ai];
    final long a1 = a[ai + 1];
    final long a2 = a[ai + 2];
    final long a3 = a[ai + 3];
    final long d0 = P0 - a0;
    long borrow = ((~P0 & a0) | (~(P0 ^ a0) & d0)) >>> 63;
    final long d1 = P1 - a1 - borrow;
    borrow = ((~P1 & a1) | (~(P1 ^ a1) & d1)) >>> 63;
    final long d2 = P2 - a2 - borrow;
    borrow = ((~P2 & a2) | (~(P2 ^ a2) & d2)) >>> 63;
    r[ri] = d0;
    r[ri + 1] = d1;
    r[ri + 2] = d2;
    r[ri + 3] = P3 - a3 - borrow;
  }

  /** r = 2a mod p. */
  static void dbl(long[] a, int ai, long[] r, int ri) {
    add(a, ai, a, ai, r, ri);
  }

  /**
   * r = a^-1 mod p; the inverse of zero is zero. Binary extended Euclid on the Montgomery limbs
   * taken as a plain integer A = a·2^256: it keeps x1·A = R2·u and x2·A = R2·v (mod p) while (u, v)
   * shrink from (A, p) to a pair containing 1, so the final x is R2/A = a^-1·2^256, the Montgomery
   * form of a^-1, with no conversion. Several times faster than Fermat's a^(p-2); its running time
   * depends on a, which is fine because every input here is public.
   */
  static void inverse(long[] a, int ai, long[] r, int ri) {
    if (isZero(a, ai)) {
      setZero(r, ri);
      return;
    }
    final long[] u = new long[LIMBS];
    copy(a, ai, u, 0);
    final long[] v = {P0, P1, P2, P3};
    final long[] x1 = R_SQUARED.clone();
    final long[] x2 = new long[LIMBS];
    while (!isPlainOne(u) && !isPlainOne(v)) {
      while ((u[0] & 1) == 0) {
        shiftRightOne(u);
        halve(x1);
      }
      while ((v[0] & 1) == 0) {
        shiftRightOne(v);
        halve(x2);
      }
      if (comparePlain(u, v) >= 0) {
        subtractPlain(u, v);
        sub(x1, 0, x2, 0, x1, 0);
      } else {
        subtractPlain(v, u);
        sub(x2, 0, x1, 0, x2, 0);
      }
    }
    copy(isPlainOne(u) ? x1 : x2, 0, r, ri);
  }

  /**
   * r = a square root of a, if one exists. Returns false (and leaves r undefined) when a is not a
   * square.
   */
  static boolean sqrt(long[] a, int ai, long[] r, int ri) {
    final long[] candidate = new long[LIMBS];
    pow(a, ai, P_PLUS_1_DIV_4, candidate, 0);
    final long[] check = new long[LIMBS];
    sqr(candidate, 0, check, 0);
    if (!equal(check, 0, a, ai)) {
      return false;
    }
    copy(candidate, 0, r, ri);
    return true;
  }

  /**
   * r = a^e for a plain (not Montgomery) exponent given as little-endian limbs. Not for the hot
   * path: it allocates one accumulator.
   */
  static void pow(long[] a, int ai, long[] exponent, long[] r, int ri) {
    final long[] base = new long[LIMBS];
    copy(a, ai, base, 0);
    final long[] acc = ONE.clone();
    for (int bit = exponent.length * 64 - 1; bit >= 0; bit--) {
      sqr(acc, 0, acc, 0);
      if (((exponent[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
        mul(acc, 0, base, 0, acc, 0);
      }
    }
    copy(acc, 0, r, ri);
  }

  static void copy(long[] a, int ai, long[] r, int ri) {
    System.arraycopy(a, ai, r, ri, LIMBS);
  }

  static void setZero(long[] r, int ri) {
    r[ri] = 0;
    r[ri + 1] = 0;
    r[ri + 2] = 0;
    r[ri + 3] = 0;
  }

  static void setOne(long[] r, int ri) {
    copy(ONE, 0, r, ri);
  }

  static boolean isZero(long[] a, int ai) {
    return (a[ai] | a[ai + 1] | a[ai + 2] | a[ai + 3]) == 0;
  }

  static boolean equal(long[] a, int ai, long[] b, int bi) {
    return a[ai] == b[bi]
        && a[ai + 1] == b[bi + 1]
        && a[ai + 2] == b[bi + 2]
        && a[ai + 3] == b[bi + 3];
  }

  /** r = the small non-negative integer v, in Montgomery form. */
  static void fromLong(long v, long[] r, int ri) {
    final long[] plain = {v, 0L, 0L, 0L};
    mul(plain, 0, R_SQUARED, 0, r, ri);
  }

  /**
   * Reads a 32-byte big-endian integer into Montgomery form. Returns false, leaving r undefined,
   * when the integer is not below p (EIP-196 rejects such coordinates rather than reducing them).
   */
  static boolean fromBytes(byte[] in, int offset, long[] r, int ri) {
    final long l3 = readLong(in, offset);
    final long l2 = readLong(in, offset + 8);
    final long l1 = readLong(in, offset + 16);
    final long l0 = readLong(in, offset + 24);
    if (!lessThanP(l0, l1, l2, l3)) {
      return false;
    }
    r[ri] = l0;
    r[ri + 1] = l1;
    r[ri + 2] = l2;
    r[ri + 3] = l3;
    mul(r, ri, R_SQUARED, 0, r, ri);
    return true;
  }

  /** Writes a as a 32-byte big-endian integer (converted out of Montgomery form). */
  static void toBytes(long[] a, int ai, byte[] out, int offset) {
    final long[] plain = new long[LIMBS];
    mul(a, ai, PLAIN_ONE, 0, plain, 0);
    writeLong(plain[3], out, offset);
    writeLong(plain[2], out, offset + 8);
    writeLong(plain[1], out, offset + 16);
    writeLong(plain[0], out, offset + 24);
  }

  /** Reads 8 big-endian bytes. */
  static long readLong(byte[] in, int offset) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (in[offset + i] & 0xffL);
    }
    return v;
  }

  private static void writeLong(long v, byte[] out, int offset) {
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) v;
      v >>>= 8;
    }
  }

  private static boolean lessThanP(long l0, long l1, long l2, long l3) {
    if (l3 != P3) {
      return Long.compareUnsigned(l3, P3) < 0;
    }
    if (l2 != P2) {
      return Long.compareUnsigned(l2, P2) < 0;
    }
    if (l1 != P1) {
      return Long.compareUnsigned(l1, P1) < 0;
    }
    return Long.compareUnsigned(l0, P0) < 0;
  }

  private static boolean isPlainOne(long[] x) {
    return x[0] == 1 && (x[1] | x[2] | x[3]) == 0;
  }

  private static void shiftRightOne(long[] x) {
    x[0] = (x[0] >>> 1) | (x[1] << 63);
    x[1] = (x[1] >>> 1) | (x[2] << 63);
    x[2] = (x[2] >>> 1) | (x[3] << 63);
    x[3] >>>= 1;
  }

  /** x = x/2 mod p for x < p: add p first when x is odd (x + p < 2^255, so no fifth limb). */
  private static void halve(long[] x) {
    if ((x[0] & 1) != 0) {
      final long s0 = x[0] + P0;
      long c = ((x[0] & P0) | ((x[0] | P0) & ~s0)) >>> 63;
      final long s1 = x[1] + P1 + c;
      c = ((x[1] & P1) | ((x[1] | P1) & ~s1)) >>> 63;
      final long s2 = x[2] + P2 + c;
      c = ((x[2] & P2) | ((x[2] | P2) & ~s2)) >>> 63;
      x[3] = x[3] + P3 + c;
      x[0] = s0;
      x[1] = s1;
      x[2] = s2;
    }
    shiftRightOne(x);
  }

  private static int comparePlain(long[] x, long[] y) {
    for (int i = LIMBS - 1; i >= 0; i--) {
      if (x[i] != y[i]) {
        return Long.compareUnsigned(x[i], y[i]);
      }
    }
    return 0;
  }

  /** x -= y for x >= y, plain integers. */
  private static void subtractPlain(long[] x, long[] y) {
    long borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
      final long d = x[i] - y[i] - borrow;
      borrow = ((~x[i] & y[i]) | (~(x[i] ^ y[i]) & d)) >>> 63;
      x[i] = d;
    }
  }

  /** Writes t mod p for t < 2p: subtracts p once when t >= p. */
  private static void reduceOnce(long t0, long t1, long t2, long t3, long[] r, int ri) {
    final long d0 = t0 - P0;
    long borrow = ((~t0 & P0) | (~(t0 ^ P0) & d0)) >>> 63;
    final long d1 = t1 - P1 - borrow;
    borrow = ((~t1 & P1) | (~(t1 ^ P1) & d1)) >>> 63;
    final long d2 = t2 - P2 - borrow;
    borrow = ((~t2 & P2) | (~(t2 ^ P2) & d2)) >>> 63;
    final long d3 = t3 - P3 - borrow;
    borrow = ((~t3 & P3) | (~(t3 ^ P3) & d3)) >>> 63;
    if (borrow == 0) {
      r[ri] = d0;
      r[ri + 1] = d1;
      r[ri + 2] = d2;
      r[ri + 3] = d3;
    } else {
      r[ri] = t0;
      r[ri + 1] = t1;
      r[ri + 2] = t2;
      r[ri + 3] = t3;
    }
  }

  /** 1 when {@code sum = x + addend} wrapped around 2^64, else 0. */
  private static long carry(long sum, long addend) {
    return Long.compareUnsigned(sum, addend) < 0 ? 1L : 0L;
  }
}
