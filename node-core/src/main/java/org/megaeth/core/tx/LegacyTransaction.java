package org.megaeth.core.tx;

import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * A pre-EIP-2718 transaction, {@code rlp([nonce, gasPrice, gas, to, value, data, v, r, s])}. With a
 * chain id it is EIP-155 replay-protected: {@code v = chainId * 2 + 35 + recId} and the chain id is
 * part of the signed payload; without one, {@code v = 27 + recId}.
 *
 * <p>{@code data} is treated as immutable: do not change its bytes after building the record.
 */
public record LegacyTransaction(
    long nonce,
    Wei gasPrice,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    Optional<UInt256> chainId,
    Signature signature)
    implements Transaction {

  public LegacyTransaction {
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(signature, "signature");
    if (chainId.isPresent() && chainId.get().compareTo(maxChainId(signature.recId())) > 0) {
      throw new IllegalArgumentException("chain id too large for an EIP-155 v: " + chainId.get());
    }
  }

  @Override
  public TransactionType type() {
    return TransactionType.LEGACY;
  }

  /** EIP-155 replay protection: whether the signature commits to a chain id. */
  public boolean isProtected() {
    return chainId.isPresent();
  }

  /** The {@code v} written on the wire. */
  public UInt256 v() {
    UInt256 recId = UInt256.valueOf(signature.recId());
    return chainId
        .map(id -> id.add(id).add(UInt256.valueOf(35)).add(recId))
        .orElse(UInt256.valueOf(27).add(recId));
  }

  @Override
  public Wei maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public Wei maxPriorityFeePerGas() {
    return gasPrice;
  }

  /** The largest chain id whose EIP-155 {@code v = chainId * 2 + 35 + recId} fits in 256 bits. */
  private static UInt256 maxChainId(int recId) {
    return UInt256.MAX.subtract(UInt256.valueOf(35 + recId)).divide(UInt256.valueOf(2));
  }

  @Override
  public LegacyTransaction withSignature(Signature newSignature) {
    return new LegacyTransaction(nonce, gasPrice, gasLimit, to, value, data, chainId, newSignature);
  }
}
