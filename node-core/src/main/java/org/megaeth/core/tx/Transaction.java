package org.megaeth.core.tx;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * A signed transaction of any type. The records are plain data: {@link #hash()}, {@link
 * #signingHash()} and {@link #sender()} are computed on every call, so code that needs them more
 * than once (pool, block processing) keeps the results beside the transaction.
 *
 * <p>{@code nonce} and {@code gasLimit} are unsigned 64-bit values held in a {@code long}: compare
 * them with {@link Long#compareUnsigned}.
 */
public sealed interface Transaction
    permits LegacyTransaction,
        AccessListTransaction,
        DynamicFeeTransaction,
        BlobTransaction,
        SetCodeTransaction {

  TransactionType type();

  /**
   * The chain the transaction is signed for: always present for typed transactions, and for legacy
   * ones only when they are EIP-155 replay-protected. 256 bits wide, as on the wire, so that a
   * foreign chain id is a validation error rather than a decoding one.
   */
  Optional<UInt256> chainId();

  /** Unsigned 64-bit. */
  long nonce();

  /** Unsigned 64-bit. */
  long gasLimit();

  /** The recipient; empty for a contract creation. */
  Optional<Address> to();

  Wei value();

  /** Call data, or init code for a creation. */
  Bytes data();

  /** EIP-2930 access list; empty for legacy transactions. */
  default List<AccessListEntry> accessList() {
    return List.of();
  }

  /** r, s and the recovery id (legacy {@code v} and typed y-parity both map to it). */
  Signature signature();

  /** The most the sender pays per gas: {@code gasPrice} for legacy and EIP-2930 transactions. */
  Wei maxFeePerGas();

  /** The most the block producer gets per gas: {@code gasPrice} for legacy and EIP-2930. */
  Wei maxPriorityFeePerGas();

  /** EIP-4844 versioned hashes; empty except for blob transactions. */
  default List<Hash> blobVersionedHashes() {
    return List.of();
  }

  /** EIP-7702 authorizations; empty except for set-code transactions. */
  default List<Authorization> authorizationList() {
    return List.of();
  }

  /** The same transaction with another signature; how {@link TransactionSigner} signs. */
  Transaction withSignature(Signature signature);

  default boolean isContractCreation() {
    return to().isEmpty();
  }

  /** Blob gas this transaction uses (EIP-4844: {@code GAS_PER_BLOB} per versioned hash). */
  default long blobGas() {
    return BlobTransaction.GAS_PER_BLOB * blobVersionedHashes().size();
  }

  /**
   * The price per gas actually paid under {@code baseFee}: {@code min(maxFee, baseFee + tip)}
   * (EIP-1559), which is {@code gasPrice} for legacy and EIP-2930 transactions. Meaningful only
   * when {@code maxFeePerGas >= baseFee}, which validation checks.
   */
  default Wei effectiveGasPrice(Wei baseFee) {
    UInt256 cap = maxFeePerGas().value();
    UInt256 sum = baseFee.value().add(maxPriorityFeePerGas().value());
    boolean overflowed = sum.compareTo(baseFee.value()) < 0;
    return overflowed || sum.compareTo(cap) > 0 ? maxFeePerGas() : Wei.of(sum);
  }

  /**
   * What the block producer gets per gas: {@code effectiveGasPrice - baseFee}.
   *
   * @throws ArithmeticException when {@code maxFeePerGas < baseFee} (an invalid transaction)
   */
  default Wei effectivePriorityFee(Wei baseFee) {
    return effectiveGasPrice(baseFee).subtract(baseFee);
  }

  /** The canonical encoding: the RLP list for legacy, {@code type || rlp(payload)} otherwise. */
  default Bytes encoded() {
    return TransactionEncoder.encode(this);
  }

  /** keccak256 of the canonical encoding (for a blob transaction, without its sidecar). */
  default Hash hash() {
    return Keccak.hash(encoded());
  }

  /** The digest the sender signed. */
  default Hash signingHash() {
    return Keccak.hash(TransactionEncoder.encodeForSigning(this));
  }

  /**
   * Recovers the sender from the signature. Checks what holds in every fork (r and s in [1, n-1], a
   * recoverable point); the EIP-2 low-s rule depends on the fork and is the validator's.
   */
  default SenderRecovery sender() {
    Signature signature = signature();
    if (!signature.hasValidRange()) {
      return SenderRecovery.invalid("invalid transaction v, r, s values: r or s outside [1, n-1]");
    }
    return Secp256k1.recoverAddress(signingHash(), signature)
        .map(SenderRecovery::recovered)
        .orElseGet(() -> SenderRecovery.invalid("signature does not recover a public key"));
  }
}
