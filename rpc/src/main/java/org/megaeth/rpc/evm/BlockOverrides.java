package org.megaeth.rpc.evm;

import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;

/** {@code eth_call}'s block overrides: the block values the call sees instead of the real ones. */
public record BlockOverrides(
    Optional<Long> number,
    Optional<Long> time,
    Optional<Long> gasLimit,
    Optional<Address> feeRecipient,
    Optional<Hash> prevRandao,
    Optional<Wei> baseFeePerGas,
    Optional<Wei> blobBaseFee) {
  public static final BlockOverrides NONE =
      new BlockOverrides(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public BlockOverrides {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(gasLimit, "gasLimit");
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
    Objects.requireNonNull(blobBaseFee, "blobBaseFee");
  }
}
