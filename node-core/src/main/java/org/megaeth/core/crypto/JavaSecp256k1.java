package org.megaeth.core.crypto;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Curve;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/** Pure-Java secp256k1 on BouncyCastle's optimised curve; the fallback when JNI is unavailable. */
public final class JavaSecp256k1 implements SignatureAlgorithm {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
  private static final BigInteger N = PARAMS.getN();
  private static final BigInteger P = SecP256K1Curve.q;

  @Override
  public String name() {
    return "bouncycastle";
  }

  @Override
  public Signature sign(Hash digest, SecretKey key) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    BigInteger d = new BigInteger(1, key.toArray());
    signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
    BigInteger[] rs = signer.generateSignature(digest.toArray());
    BigInteger r = rs[0];
    BigInteger s = rs[1];
    if (s.compareTo(N.shiftRight(1)) > 0) {
      s = N.subtract(s);
    }
    PublicKey expected = publicKey(key);
    for (int recId = 0; recId < 2; recId++) {
      Signature candidate =
          new Signature(UInt256.fromBigInteger(r), UInt256.fromBigInteger(s), recId);
      if (recover(digest, candidate).filter(expected::equals).isPresent()) {
        return candidate;
      }
    }
    throw new IllegalStateException("no recovery id reproduces the signing key");
  }

  @Override
  public Optional<PublicKey> recover(Hash digest, Signature signature) {
    if (!signature.hasValidRange()) {
      return Optional.empty();
    }
    BigInteger r = signature.rBig();
    BigInteger s = signature.sBig();
    // R has x = r (r + n would be >= p for all practical purposes, and Ethereum ids are 0/1).
    if (r.compareTo(P) >= 0) {
      return Optional.empty();
    }
    ECPoint bigR = decompress(r, signature.recId() == 1);
    if (bigR == null) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, digest.toArray());
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(PublicKey.of(q.getEncoded(false)));
  }

  @Override
  public PublicKey publicKey(SecretKey key) {
    BigInteger d = new BigInteger(1, key.toArray());
    ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    return PublicKey.of(q.getEncoded(false));
  }

  private static ECPoint decompress(BigInteger x, boolean yOdd) {
    byte[] encoded = new byte[33];
    encoded[0] = (byte) (yOdd ? 0x03 : 0x02);
    byte[] xb = x.toByteArray();
    int copy = Math.min(xb.length, 32);
    System.arraycopy(xb, xb.length - copy, encoded, 33 - copy, copy);
    try {
      return PARAMS.getCurve().decodePoint(encoded);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
  }
}
