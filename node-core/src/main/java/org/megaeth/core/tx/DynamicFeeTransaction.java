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
 * An EIP-1559 transaction (type 2): {@code 0x02 || rlp([chainId, nonce, maxPriorityFeePerGas,
 * maxFeePerGas, gas, to, value, data, accessList, yParity, r, s])}.
 */
public record DynamicFeeTransaction(
    Optional<UInt256> chainId,
    long nonce,
    Wei maxPriorityFeePerGas,
    Wei maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    List<AccessListEntry> accessList,
    Signature signature)
    implements Transaction {

  public DynamicFeeTransaction {
    TypedFields.requireChainId(chainId);
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public TransactionType type() {
    return TransactionType.DYNAMIC_FEE;
  }

  @Override
  public DynamicFeeTransaction withSignature(Signature newSignature) {
    return new DynamicFeeTransaction(
        chainId,
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        newSignature);
  }
}
