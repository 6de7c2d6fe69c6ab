package org.megaeth.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;

/** Conversions between the limb representation and BigInteger oracles, plus shared test points. */
final class Bn254TestSupport {

  static final BigInteger P =
      new BigInteger(
          "21888242871839275222246405745257275088696311157297823662689037894645226208583");
  static final BigInteger R =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");
  static final BigInteger U = BigInteger.valueOf(Fp12.BN_U);

  /** The EIP-197 G2 generator, wire encoding (imaginary parts first). */
  static final String G2_GENERATOR_HEX =
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
          + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
          + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
          + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

  private Bn254TestSupport() {}

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static byte[] to32Bytes(BigInteger v) {
    final byte[] raw = v.toByteArray();
    final byte[] out = new byte[32];
    final int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  /** v mod p in Montgomery limbs. */
  static long[] fp(BigInteger v) {
    final long[] r = new long[Fp.LIMBS];
    if (!Fp.fromBytes(to32Bytes(v.mod(P)), 0, r, 0)) {
      throw new IllegalArgumentException("not below p: " + v);
    }
    return r;
  }

  static BigInteger big(long[] a, int ai) {
    final byte[] out = new byte[32];
    Fp.toBytes(a, ai, out, 0);
    return new BigInteger(1, out);
  }

  static BigInteger randomFp(Random random) {
    return new BigInteger(256, random).mod(P);
  }

  /** Little-endian plain limbs of a non-negative integer below 2^(64·limbs). */
  static long[] limbs(BigInteger v, int limbs) {
    final long[] r = new long[limbs];
    for (int i = 0; i < limbs; i++) {
      r[i] = v.shiftRight(64 * i).longValue();
    }
    return r;
  }

  static long[] fp2(RefFp2 a) {
    final long[] r = new long[Fp2.SIZE];
    Fp.copy(fp(a.re()), 0, r, 0);
    Fp.copy(fp(a.im()), 0, r, Fp.LIMBS);
    return r;
  }

  static RefFp2 refFp2(long[] a, int ai) {
    return new RefFp2(big(a, ai), big(a, ai + Fp.LIMBS));
  }

  static RefFp2 randomFp2(Random random) {
    return new RefFp2(randomFp(random), randomFp(random));
  }

  /** A random Fp12 element (uniform enough for algebraic identities). */
  static long[] randomFp12(Random random) {
    final long[] r = new long[Fp12.SIZE];
    for (int i = 0; i < Fp12.SIZE; i += Fp.LIMBS) {
      Fp.copy(fp(randomFp(random)), 0, r, i);
    }
    return r;
  }

  /** a^e in Fp12 by square-and-multiply, the slow oracle for Frobenius and exponentiation. */
  static long[] pow(Fp12 fp12, long[] a, BigInteger e) {
    final long[] acc = new long[Fp12.SIZE];
    Fp12.setOne(acc, 0);
    for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
      fp12.sqr(acc, 0, acc, 0);
      if (e.testBit(bit)) {
        fp12.mul(acc, 0, a, 0, acc, 0);
      }
    }
    return acc;
  }

  static Fp12 newFp12() {
    return new Fp12(new Fp6(new Fp2()));
  }

  /** The G1 generator (1, 2), affine. */
  static long[] g1Generator() {
    final long[] r = new long[G1.AFFINE_SIZE];
    Fp.copy(fp(BigInteger.ONE), 0, r, 0);
    Fp.copy(fp(BigInteger.TWO), 0, r, Fp.LIMBS);
    return r;
  }

  /** The G2 generator, affine. */
  static long[] g2Generator() {
    return decodeG2(hex(G2_GENERATOR_HEX));
  }

  /** Decodes 128 wire bytes (imaginary parts first) without validation. */
  static long[] decodeG2(byte[] in) {
    final long[] r = new long[G2.AFFINE_SIZE];
    Fp.fromBytes(in, 0, r, Fp.LIMBS);
    Fp.fromBytes(in, 32, r, 0);
    Fp.fromBytes(in, 64, r, Fp2.SIZE + Fp.LIMBS);
    Fp.fromBytes(in, 96, r, Fp2.SIZE);
    return r;
  }

  /** Encodes an affine G2 point as 128 wire bytes, imaginary parts first. */
  static byte[] encodeG2(long[] q) {
    final byte[] out = new byte[128];
    Fp.toBytes(q, Fp.LIMBS, out, 0);
    Fp.toBytes(q, 0, out, 32);
    Fp.toBytes(q, Fp2.SIZE + Fp.LIMBS, out, 64);
    Fp.toBytes(q, Fp2.SIZE, out, 96);
    return out;
  }

  /** Encodes an affine G1 point as 64 wire bytes. */
  static byte[] encodeG1(long[] p) {
    final byte[] out = new byte[64];
    Fp.toBytes(p, 0, out, 0);
    Fp.toBytes(p, Fp.LIMBS, out, 32);
    return out;
  }

  /** [k]Q in affine form. */
  static long[] g2Mul(long[] q, BigInteger k) {
    final G2 g2 = new G2(new Fp2());
    final long[] jacobian = new long[G2.JACOBIAN_SIZE];
    g2.mul(q, 0, limbs(k, 4), jacobian, 0);
    final long[] affine = new long[G2.AFFINE_SIZE];
    g2.toAffine(jacobian, 0, affine, 0);
    return affine;
  }

  /** [k]P in affine form. */
  static long[] g1Mul(long[] p, BigInteger k) {
    final G1 g1 = new G1();
    final long[] jacobian = new long[G1.JACOBIAN_SIZE];
    g1.mul(p, 0, limbs(k, 4), jacobian, 0);
    final long[] affine = new long[G1.AFFINE_SIZE];
    g1.toAffine(jacobian, 0, affine, 0);
    return affine;
  }

  /**
   * A random point of the whole twist group E'(Fp2), almost surely outside G2: pick x until x^3 +
   * b' is a square.
   */
  static long[] randomTwistPoint(Random random) {
    final RefFp2 b = refFp2(G2.TWIST_B, 0);
    while (true) {
      final RefFp2 x = randomFp2(random);
      final RefFp2 y = x.mul(x).mul(x).add(b).sqrt();
      if (y != null) {
        final long[] r = new long[G2.AFFINE_SIZE];
        System.arraycopy(fp2(x), 0, r, 0, Fp2.SIZE);
        System.arraycopy(fp2(y), 0, r, Fp2.SIZE, Fp2.SIZE);
        return r;
      }
    }
  }

  /** Reference Fp2 = Fp[i]/(i^2 + 1) on BigInteger, the test oracle. */
  record RefFp2(BigInteger re, BigInteger im) {

    static final RefFp2 ONE = new RefFp2(BigInteger.ONE, BigInteger.ZERO);

    RefFp2 {
      re = re.mod(P);
      im = im.mod(P);
    }

    RefFp2 add(RefFp2 o) {
      return new RefFp2(re.add(o.re), im.add(o.im));
    }

    RefFp2 sub(RefFp2 o) {
      return new RefFp2(re.subtract(o.re), im.subtract(o.im));
    }

    RefFp2 mul(RefFp2 o) {
      return new RefFp2(
          re.multiply(o.re).subtract(im.multiply(o.im)), re.multiply(o.im).add(im.multiply(o.re)));
    }

    RefFp2 conjugate() {
      return new RefFp2(re, im.negate());
    }

    RefFp2 inverse() {
      final BigInteger norm = re.multiply(re).add(im.multiply(im)).mod(P).modInverse(P);
      return new RefFp2(re.multiply(norm), im.negate().multiply(norm));
    }

    RefFp2 pow(BigInteger e) {
      RefFp2 acc = ONE;
      for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
        acc = acc.mul(acc);
        if (e.testBit(bit)) {
          acc = acc.mul(this);
        }
      }
      return acc;
    }

    /**
     * A square root, or null when none is found. If a = (x + yi)^2 then x^2 - y^2 = re, 2xy = im
     * and x^2 + y^2 = ±sqrt(norm), so x^2 = (re ± sqrt(norm))/2 and y = im/(2x). The rare roots
     * with x = 0 are skipped, which only makes callers draw another candidate.
     */
    RefFp2 sqrt() {
      final BigInteger norm = re.multiply(re).add(im.multiply(im)).mod(P);
      final BigInteger n = sqrtFp(norm);
      if (n == null) {
        return null;
      }
      final BigInteger half = BigInteger.TWO.modInverse(P);
      for (BigInteger s : new BigInteger[] {n, n.negate()}) {
        final BigInteger x2 = re.add(s).multiply(half).mod(P);
        final BigInteger x = sqrtFp(x2);
        if (x == null || x.signum() == 0) {
          continue;
        }
        final BigInteger y = im.multiply(x.shiftLeft(1).modInverse(P)).mod(P);
        final RefFp2 candidate = new RefFp2(x, y);
        if (candidate.mul(candidate).equals(this)) {
          return candidate;
        }
      }
      return null;
    }

    private static BigInteger sqrtFp(BigInteger a) {
      final BigInteger r = a.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
      return r.multiply(r).mod(P).equals(a.mod(P)) ? r : null;
    }
  }
}
