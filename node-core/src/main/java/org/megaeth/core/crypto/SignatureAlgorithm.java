package org.megaeth.core.crypto;

import java.util.Optional;
import org.megaeth.core.types.Hash;

/** secp256k1 ECDSA as Ethereum uses it. Implementations are thread-safe. */
public interface SignatureAlgorithm {
  /** A short name for logs: which implementation is in use. */
  String name();

  /** Signs a 32-byte digest deterministically (RFC 6979); the result always has a low s. */
  Signature sign(Hash digest, SecretKey key);

  /**
   * The public key that produced {@code signature} over {@code digest}, or empty when there is none
   * (r or s out of range, R not on the curve, the result at infinity). High s is accepted here: the
   * precompile allows it, and transaction validation checks it separately.
   */
  Optional<PublicKey> recover(Hash digest, Signature signature);

  PublicKey publicKey(SecretKey key);
}
