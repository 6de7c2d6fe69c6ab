package org.megaeth.chain.exec;

import java.util.Optional;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.UInt256;

/**
 * The checks of a header against its parent that need no execution: the post-merge rules geth
 * applies in {@code consensus/beacon} plus the EIP-1559 and EIP-4844 fee fields. Stateless.
 */
public final class HeaderValidator {
  /** Post-merge (EIP-3675) and yellow paper limit on extra data. */
  public static final int MAX_EXTRA_DATA = 32;

  /** The gas limit may move by less than parent / 1024 per block. */
  public static final long GAS_LIMIT_BOUND_DIVISOR = 1024;

  public static final long MIN_GAS_LIMIT = 5000;

  private HeaderValidator() {}

  public static Optional<BlockInvalid> validate(BlockHeader header, BlockHeader parent, Fork fork) {
    if (!header.parentHash().equals(parent.hash())) {
      return invalid(
          BlockRule.UNKNOWN_PARENT,
          "parent hash %s, the given parent is %s".formatted(header.parentHash(), parent.hash()));
    }
    if (header.number() != parent.number() + 1) {
      return invalid(
          BlockRule.BLOCK_NUMBER,
          "number %d, parent %d".formatted(header.number(), parent.number()));
    }
    if (Long.compareUnsigned(header.timestamp(), parent.timestamp()) <= 0) {
      return invalid(
          BlockRule.TIMESTAMP,
          "timestamp %s, parent %s"
              .formatted(
                  Long.toUnsignedString(header.timestamp()),
                  Long.toUnsignedString(parent.timestamp())));
    }
    if (header.extraData().size() > MAX_EXTRA_DATA) {
      return invalid(BlockRule.EXTRA_DATA, header.extraData().size() + " bytes");
    }
    if (!header.difficulty().isZero()) {
      return invalid(BlockRule.DIFFICULTY, "difficulty " + header.difficulty().toDecimalString());
    }
    if (header.nonce() != 0) {
      return invalid(BlockRule.NONCE, "nonce " + Long.toUnsignedString(header.nonce()));
    }
    if (!header.ommersHash().equals(TrieRoots.EMPTY_OMMERS_HASH)) {
      return invalid(BlockRule.OMMERS, "ommers hash " + header.ommersHash());
    }
    Optional<BlockInvalid> gasLimit = checkGasLimit(header.gasLimit(), parent.gasLimit());
    if (gasLimit.isPresent()) {
      return gasLimit;
    }
    if (header.gasUsed() < 0 || header.gasUsed() > header.gasLimit()) {
      return invalid(
          BlockRule.GAS_USED_ABOVE_LIMIT,
          "gas used %s, limit %d"
              .formatted(Long.toUnsignedString(header.gasUsed()), header.gasLimit()));
    }
    Optional<BlockInvalid> fields = checkForkFields(header, fork);
    if (fields.isPresent()) {
      return fields;
    }
    UInt256 baseFee = BaseFee.next(parent);
    if (!header.baseFeePerGas().get().equals(baseFee)) {
      return invalid(
          BlockRule.BASE_FEE,
          "base fee %s, expected %s"
              .formatted(
                  header.baseFeePerGas().get().toDecimalString(), baseFee.toDecimalString()));
    }
    BlobSchedule blobs = BlobSchedule.of(fork);
    long excess =
        blobs.excessBlobGas(parent.excessBlobGas().orElse(0L), parent.blobGasUsed().orElse(0L));
    if (header.excessBlobGas().get() != excess) {
      return invalid(
          BlockRule.EXCESS_BLOB_GAS,
          "excess blob gas %d, expected %d".formatted(header.excessBlobGas().get(), excess));
    }
    long blobGasUsed = header.blobGasUsed().get();
    if (blobGasUsed < 0
        || blobGasUsed > blobs.maxBlobGas()
        || blobGasUsed % BlobSchedule.GAS_PER_BLOB != 0) {
      return invalid(
          BlockRule.BLOB_GAS_USED,
          "blob gas used %d (maximum %d, in units of %d)"
              .formatted(blobGasUsed, blobs.maxBlobGas(), BlobSchedule.GAS_PER_BLOB));
    }
    return Optional.empty();
  }

  /** geth's {@code VerifyGaslimit}: within parent / 1024 of the parent's, at least 5000. */
  public static Optional<BlockInvalid> checkGasLimit(long gasLimit, long parentGasLimit) {
    if (gasLimit < 0) {
      return invalid(
          BlockRule.GAS_LIMIT,
          "gas limit %s above 2^63-1".formatted(Long.toUnsignedString(gasLimit)));
    }
    long bound = parentGasLimit / GAS_LIMIT_BOUND_DIVISOR;
    if (Math.abs(gasLimit - parentGasLimit) >= bound) {
      return invalid(
          BlockRule.GAS_LIMIT,
          "gas limit %d moved by %d from the parent's %d; the bound is %d"
              .formatted(gasLimit, gasLimit - parentGasLimit, parentGasLimit, bound));
    }
    if (gasLimit < MIN_GAS_LIMIT) {
      return invalid(
          BlockRule.GAS_LIMIT, "gas limit %d below %d".formatted(gasLimit, MIN_GAS_LIMIT));
    }
    return Optional.empty();
  }

  /**
   * The gas limit a block producer should use: {@code desired}, or as close to it as the bound
   * allows (geth's {@code CalcGasLimit}), so a configured limit is reached over a few blocks.
   */
  public static long nextGasLimit(long parentGasLimit, long desired) {
    long step = parentGasLimit / GAS_LIMIT_BOUND_DIVISOR - 1;
    long limit = parentGasLimit;
    if (desired > parentGasLimit) {
      limit = Math.min(desired, parentGasLimit + step);
    } else if (desired < parentGasLimit) {
      limit = Math.max(Math.max(desired, MIN_GAS_LIMIT), parentGasLimit - step);
    }
    return limit;
  }

  /** The header has exactly the optional fields its fork defines (Cancun or Prague). */
  private static Optional<BlockInvalid> checkForkFields(BlockHeader header, Fork fork) {
    if (header.baseFeePerGas().isEmpty()) {
      return invalid(BlockRule.MISSING_FIELD, "base fee (EIP-1559)");
    }
    if (header.withdrawalsRoot().isEmpty()) {
      return invalid(BlockRule.MISSING_FIELD, "withdrawals root (EIP-4895)");
    }
    if (header.blobGasUsed().isEmpty() || header.excessBlobGas().isEmpty()) {
      return invalid(BlockRule.MISSING_FIELD, "blob gas used and excess blob gas (EIP-4844)");
    }
    if (header.parentBeaconBlockRoot().isEmpty()) {
      return invalid(BlockRule.MISSING_FIELD, "parent beacon block root (EIP-4788)");
    }
    boolean prague = fork.isAtLeast(Fork.PRAGUE);
    if (prague && header.requestsHash().isEmpty()) {
      return invalid(BlockRule.MISSING_FIELD, "requests hash (EIP-7685)");
    }
    if (!prague && header.requestsHash().isPresent()) {
      return invalid(BlockRule.UNEXPECTED_FIELD, "requests hash before Prague");
    }
    return Optional.empty();
  }

  private static Optional<BlockInvalid> invalid(BlockRule rule, String detail) {
    return Optional.of(new BlockInvalid(rule, detail));
  }
}
