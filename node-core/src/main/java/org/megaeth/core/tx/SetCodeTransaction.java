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
 * An EIP-7702 set-code transaction (type 4): {@code 0x04 || rlp([chainId, nonce,
 * maxPriorityFeePerGas, maxFeePerGas, gas, destination, value, data, accessList, authorizationList,
 * yParity, r, s])}. {@code to} is mandatory. An authorization whose signature does not verify does
 * not make the transaction invalid: processing skips it.
 */
public record SetCodeTransaction(
    Optional<UInt256> chainId,
    long nonce,
    Wei maxPriorityFeePerGas,
    Wei maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    List<AccessListEntry> accessList,
    List<Authorization> authorizationList,
    Signature signature)
    implements Transaction {

  public SetCodeTransaction {
    TypedFields.requireChainId(chainId);
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "to");
    TypedFields.requireRecipient(to, TransactionInvalid.SET_CODE_TX_CREATE);
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
    authorizationList = List.copyOf(authorizationList);
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public TransactionType type() {
    return TransactionType.SET_CODE;
  }

  @Override
  public SetCodeTransaction withSignature(Signature newSignature) {
    return new SetCodeTransaction(
        chainId,
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        authorizationList,
        newSignature);
  }
}
