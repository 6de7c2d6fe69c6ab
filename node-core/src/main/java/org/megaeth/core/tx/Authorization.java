package org.megaeth.core.tx;

import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * One EIP-7702 authorization tuple {@code [chainId, address, nonce, yParity, r, s]}: the authority
 * (the signer) lets its account run the code at {@code address}.
 *
 * <p>The fields hold anything the wire format can (y-parity is a byte, r and s any 256-bit value),
 * because an authorization with a bad signature is skipped during processing, not rejected with the
 * transaction. {@link #authority()} says whether it verifies.
 */
public record Authorization(
    UInt256 chainId, Address address, long nonce, int yParity, UInt256 r, UInt256 s) {

  /** EIP-7702 {@code MAGIC}: domain separator of the signed message. */
  public static final byte MAGIC = 0x05;

  public Authorization {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(address, "address");
    if (yParity < 0 || yParity > 0xFF) {
      throw new IllegalArgumentException("y-parity is a uint8, got " + yParity);
    }
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
  }

  /** keccak256(MAGIC || rlp([chainId, address, nonce])): what the authority signs. */
  public static Hash signingHash(UInt256 chainId, Address address, long nonce) {
    Bytes payload =
        Rlp.encodeList(
            w -> {
              w.writeUInt256(chainId);
              w.writeAddress(address);
              w.writeUInt64(nonce);
            });
    return Keccak.hash(Bytes.concatenate(Bytes.of(MAGIC), payload));
  }

  public Hash signingHash() {
    return signingHash(chainId, address, nonce);
  }

  /**
   * The account that signed this authorization, or empty when the signature is not acceptable:
   * y-parity other than 0/1, r or s outside [1, n-1], s above n/2 (EIP-7702 requires low s), or no
   * key recovers. The chain id and nonce checks need the chain and the state: processing does them.
   */
  public Optional<Address> authority() {
    if (yParity > 1) {
      return Optional.empty();
    }
    Signature signature = new Signature(r, s, yParity);
    if (!signature.hasValidRange() || !signature.isLowS()) {
      return Optional.empty();
    }
    return Secp256k1.recoverAddress(signingHash(), signature);
  }
}
