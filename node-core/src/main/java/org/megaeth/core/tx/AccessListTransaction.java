package org.megaeth.core.tx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * An EIP-2930 transaction (type 1): {@code 0x01 || rlp([chainId, nonce, gasPrice, gas, to, value,
 * data, accessList, yParity, r, s])}. {@code chainId} is always present.
 */
public record AccessListTransaction(
    Optional<UInt256> chainId,
    long nonce,
    Wei gasPrice,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    List<AccessListEntry> accessList,
    Signature signature)
    implements Transaction {

  public AccessListTransaction {
    TypedFields.requireChainId(chainId);
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public TransactionType type() {
    return TransactionType.ACCESS_LIST;
  }

  @Override
  public Wei maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public Wei maxPriorityFeePerGas() {
    return gasPrice;
  }

  @Override
  public AccessListTransaction withSignature(Signature newSignature) {
    return new AccessListTransaction(
        chainId, nonce, gasPrice, gasLimit, to, value, data, accessList, newSignature);
  }
}
