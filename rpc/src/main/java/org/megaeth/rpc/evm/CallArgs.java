package org.megaeth.rpc.evm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.tx.AccessListEntry;
import org.megaeth.core.tx.Authorization;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;

/**
 * The transaction object of {@code eth_call}, {@code eth_estimateGas} and {@code
 * eth_createAccessList} (geth's {@code TransactionArgs}): every field optional. {@code nonce} and
 * {@code chainId} are accepted and ignored, as geth ignores them for calls.
 */
public record CallArgs(
    Optional<Address> from,
    Optional<Address> to,
    Optional<Long> gas,
    Optional<Wei> gasPrice,
    Optional<Wei> maxFeePerGas,
    Optional<Wei> maxPriorityFeePerGas,
    Optional<Wei> maxFeePerBlobGas,
    Optional<Wei> value,
    Optional<Bytes> input,
    Optional<List<AccessListEntry>> accessList,
    Optional<List<Hash>> blobVersionedHashes,
    Optional<List<Authorization>> authorizationList) {

  public CallArgs {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(gas, "gas");
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerBlobGas, "maxFeePerBlobGas");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(accessList, "accessList");
    Objects.requireNonNull(blobVersionedHashes, "blobVersionedHashes");
    Objects.requireNonNull(authorizationList, "authorizationList");
  }

  /** The same call with another gas limit (estimation tries several). */
  public CallArgs withGas(long newGas) {
    return new CallArgs(
        from,
        to,
        Optional.of(newGas),
        gasPrice,
        maxFeePerGas,
        maxPriorityFeePerGas,
        maxFeePerBlobGas,
        value,
        input,
        accessList,
        blobVersionedHashes,
        authorizationList);
  }

  /** The same call with another access list (access-list creation iterates). */
  public CallArgs withAccessList(List<AccessListEntry> list) {
    return new CallArgs(
        from,
        to,
        gas,
        gasPrice,
        maxFeePerGas,
        maxPriorityFeePerGas,
        maxFeePerBlobGas,
        value,
        input,
        Optional.of(list),
        blobVersionedHashes,
        authorizationList);
  }

  /** Whether any fee field is set (a call without them pays nothing, as geth's do). */
  public boolean hasFees() {
    return gasPrice.isPresent() || maxFeePerGas.isPresent() || maxPriorityFeePerGas.isPresent();
  }
}
