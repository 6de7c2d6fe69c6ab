package org.megaeth.core.tx;

import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * Signs transactions and EIP-7702 authorizations. Build the transaction with {@link #UNSIGNED} (or
 * any signature: it is replaced), then sign. A legacy transaction with a chain id is signed under
 * EIP-155 and gets {@code v = chainId * 2 + 35 + recId}; without one it gets {@code v = 27 +
 * recId}. Signatures are deterministic (RFC 6979) and low-s (EIP-2).
 */
public final class TransactionSigner {
  /** A placeholder for a transaction that is about to be signed; never valid on its own. */
  public static final Signature UNSIGNED = new Signature(UInt256.ZERO, UInt256.ZERO, 0);

  private TransactionSigner() {}

  /** {@code unsigned} with a signature by {@code key} over its signing hash. */
  @SuppressWarnings("unchecked") // every record's withSignature returns its own type
  public static <T extends Transaction> T sign(T unsigned, SecretKey key) {
    Signature signature = Secp256k1.sign(unsigned.signingHash(), key);
    return (T) unsigned.withSignature(signature);
  }

  /** An EIP-7702 authorization for {@code address}, signed by {@code key} (the authority). */
  public static Authorization signAuthorization(
      UInt256 chainId, Address address, long nonce, SecretKey key) {
    Signature signature = Secp256k1.sign(Authorization.signingHash(chainId, address, nonce), key);
    return new Authorization(
        chainId, address, nonce, signature.recId(), signature.r(), signature.s());
  }
}
