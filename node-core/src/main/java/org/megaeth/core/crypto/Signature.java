package org.megaeth.core.crypto;

import java.math.BigInteger;
import org.megaeth.core.types.UInt256;

/**
 * A secp256k1 ECDSA signature: {@code r}, {@code s} and the recovery id (the y parity of the point
 * R, 0 or 1). How the recovery id is written on the wire (EIP-155 {@code v}, a typed transaction's
 * y-parity) is the transaction codec's business.
 */
public record Signature(UInt256 r, UInt256 s, int recId) {
  public Signature {
    if (recId != 0 && recId != 1) {
      throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recId);
    }
  }

  /** r and s in [1, n-1]: the range every secp256k1 signature must be in. */
  public boolean hasValidRange() {
    return !r.isZero()
        && !s.isZero()
        && r.compareTo(Secp256k1.CURVE_ORDER) < 0
        && s.compareTo(Secp256k1.CURVE_ORDER) < 0;
  }

  /** s in the lower half of the order (EIP-2, required of transactions since Homestead). */
  public boolean isLowS() {
    return s.compareTo(Secp256k1.HALF_CURVE_ORDER) <= 0;
  }

  /** The same signature with s in the lower half (s' = n - s flips the recovery id). */
  public Signature normalized() {
    if (isLowS()) {
      return this;
    }
    return new Signature(r, Secp256k1.CURVE_ORDER.subtract(s), recId ^ 1);
  }

  /** r || s as 64 bytes. */
  public byte[] toCompact() {
    byte[] out = new byte[64];
    r.writeTo(out, 0);
    s.writeTo(out, 32);
    return out;
  }

  public static Signature fromCompact(byte[] rs, int recId) {
    return new Signature(UInt256.fromBytes(rs, 0, 32), UInt256.fromBytes(rs, 32, 32), recId);
  }

  BigInteger rBig() {
    return r.toBigInteger();
  }

  BigInteger sBig() {
    return s.toBigInteger();
  }
}
