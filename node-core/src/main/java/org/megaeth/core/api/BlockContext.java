package org.megaeth.core.api;

import java.util.Objects;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;

/**
 * The block a state is at, as a call executed on that state sees it (NUMBER, TIMESTAMP, BASEFEE,
 * GASLIMIT, COINBASE, PREVRANDAO, BLOBBASEFEE). For a sealed block these are its header's values;
 * for the newest mini-block state they are those of the block being built, whose number is one
 * above the newest sealed block.
 *
 * @param number the block's number
 * @param timestamp seconds since the epoch
 * @param baseFee EIP-1559 base fee per gas
 * @param gasLimit the block gas limit
 * @param coinbase the fee recipient
 * @param prevRandao EIP-4399 (the header's mix hash)
 * @param excessBlobGas EIP-4844, from which the blob base fee follows
 * @param parentHash the hash of block {@code number - 1}, so BLOCKHASH works in the open block
 */
public record BlockContext(
    long number,
    long timestamp,
    Wei baseFee,
    long gasLimit,
    Address coinbase,
    Hash prevRandao,
    long excessBlobGas,
    Hash parentHash) {
  public BlockContext {
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(parentHash, "parentHash");
  }

  /** The context of a sealed block: its header's values (no base fee before London: zero). */
  public static BlockContext of(BlockHeader header) {
    return new BlockContext(
        header.number(),
        header.timestamp(),
        header.baseFeePerGas().map(Wei::of).orElse(Wei.ZERO),
        header.gasLimit(),
        header.coinbase(),
        header.mixHash(),
        header.excessBlobGas().orElse(0L),
        header.parentHash());
  }
}
