package org.megaeth.core.crypto;

import java.util.Optional;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's secp256k1: native libsecp256k1 when its JNI library loads on this platform (about four
 * times faster at recovery), otherwise the pure-Java BouncyCastle implementation. The choice is
 * made once; {@code -Dmegaeth.secp256k1=java} forces the fallback.
 */
public final class Secp256k1 {
  private static final Logger LOG = LoggerFactory.getLogger(Secp256k1.class);

  /** n, the order of the curve's base point. */
  public static final UInt256 CURVE_ORDER =
      UInt256.fromHexString("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

  /** n / 2: the largest s allowed in a transaction signature (EIP-2). */
  public static final UInt256 HALF_CURVE_ORDER =
      UInt256.fromHexString("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

  private static final SignatureAlgorithm INSTANCE = select();

  private Secp256k1() {}

  /** The implementation in use. */
  public static SignatureAlgorithm instance() {
    return INSTANCE;
  }

  public static Signature sign(Hash digest, SecretKey key) {
    return INSTANCE.sign(digest, key);
  }

  public static Optional<PublicKey> recover(Hash digest, Signature signature) {
    return INSTANCE.recover(digest, signature);
  }

  public static Optional<Address> recoverAddress(Hash digest, Signature signature) {
    return INSTANCE.recover(digest, signature).map(PublicKey::toAddress);
  }

  private static SignatureAlgorithm select() {
    if ("java".equalsIgnoreCase(System.getProperty("megaeth.secp256k1"))) {
      return new JavaSecp256k1();
    }
    Optional<SignatureAlgorithm> nativeImpl = NativeSecp256k1.load();
    if (nativeImpl.isPresent()) {
      return nativeImpl.get();
    }
    LOG.info("native libsecp256k1 is not available here; using the pure-Java implementation");
    return new JavaSecp256k1();
  }
}
