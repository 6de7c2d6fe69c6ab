package org.megaeth.config.genesis;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * A chain's genesis as geth's {@code genesis.json} describes it: the chain's rules ({@link
 * #config}), the pre-funded accounts, and the fields of block 0's header.
 *
 * @param config chain id and fork schedule
 * @param terminalTotalDifficulty the merge's total difficulty, when the file gives it
 * @param blobSchedule blob parameters by lower-case fork name ({@code "cancun"}, {@code "prague"},
 *     and names this node does not schedule yet, such as {@code "bpo1"})
 * @param alloc the accounts at genesis, sorted by address
 * @param nonce the header's nonce
 * @param timestamp the header's timestamp, in seconds
 * @param extraData the header's extra data
 * @param gasLimit the header's gas limit
 * @param difficulty the header's difficulty (zero after the merge)
 * @param mixHash the header's mix hash (prevRandao after the merge)
 * @param coinbase the header's fee recipient
 * @param number the block number of the genesis block (zero except for chains restarted from a
 *     snapshot)
 * @param gasUsed the header's gas used
 * @param parentHash the header's parent hash
 * @param baseFeePerGas the header's base fee, as written; see {@link #baseFeeAtGenesis()}
 * @param excessBlobGas the header's excess blob gas, as written; see {@link
 *     #excessBlobGasAtGenesis()}
 * @param blobGasUsed the header's blob gas used, as written; see {@link #blobGasUsedAtGenesis()}
 */
public record Genesis(
    ChainConfig config,
    Optional<UInt256> terminalTotalDifficulty,
    Map<String, BlobParams> blobSchedule,
    Map<Address, GenesisAccount> alloc,
    long nonce,
    long timestamp,
    Bytes extraData,
    long gasLimit,
    UInt256 difficulty,
    Hash mixHash,
    Address coinbase,
    long number,
    long gasUsed,
    Hash parentHash,
    Optional<Wei> baseFeePerGas,
    Optional<Long> excessBlobGas,
    Optional<Long> blobGasUsed) {

  /** EIP-1559's INITIAL_BASE_FEE: geth's base fee for a London genesis that does not give one. */
  public static final Wei INITIAL_BASE_FEE = Wei.fromGwei(1);

  public Genesis {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(terminalTotalDifficulty, "terminalTotalDifficulty");
    blobSchedule = Collections.unmodifiableMap(new TreeMap<>(blobSchedule));
    alloc = Collections.unmodifiableMap(new TreeMap<>(alloc));
    Objects.requireNonNull(extraData, "extraData");
    Objects.requireNonNull(difficulty, "difficulty");
    Objects.requireNonNull(mixHash, "mixHash");
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
    Objects.requireNonNull(excessBlobGas, "excessBlobGas");
    Objects.requireNonNull(blobGasUsed, "blobGasUsed");
  }

  public long chainId() {
    return config.chainId();
  }

  public ForkSchedule forks() {
    return config.forks();
  }

  /** The fork the genesis block itself is built under. */
  public Fork forkAtGenesis() {
    return config.forkAt(number, timestamp);
  }

  /** The same genesis on another chain id (the node's {@code chain-id} option). */
  public Genesis withChainId(long chainId) {
    return new Genesis(
        new ChainConfig(chainId, config.forks()),
        terminalTotalDifficulty,
        blobSchedule,
        alloc,
        nonce,
        timestamp,
        extraData,
        gasLimit,
        difficulty,
        mixHash,
        coinbase,
        number,
        gasUsed,
        parentHash,
        baseFeePerGas,
        excessBlobGas,
        blobGasUsed);
  }

  /**
   * The genesis header's base fee as geth builds it: present only when London is active at genesis,
   * and {@link #INITIAL_BASE_FEE} when the file does not give one.
   */
  public Optional<Wei> baseFeeAtGenesis() {
    if (!forkAtGenesis().isAtLeast(Fork.LONDON)) {
      return Optional.empty();
    }
    return Optional.of(baseFeePerGas.orElse(INITIAL_BASE_FEE));
  }

  /** The genesis header's excess blob gas: present from Cancun on, zero when not given (geth). */
  public Optional<Long> excessBlobGasAtGenesis() {
    return forkAtGenesis().isAtLeast(Fork.CANCUN)
        ? Optional.of(excessBlobGas.orElse(0L))
        : Optional.empty();
  }

  /** The genesis header's blob gas used: present from Cancun on, zero when not given (geth). */
  public Optional<Long> blobGasUsedAtGenesis() {
    return forkAtGenesis().isAtLeast(Fork.CANCUN)
        ? Optional.of(blobGasUsed.orElse(0L))
        : Optional.empty();
  }

  /** The blob parameters of {@code fork}, when the schedule has an entry for it. */
  public Optional<BlobParams> blobParams(Fork fork) {
    return Optional.ofNullable(blobSchedule.get(fork.name().toLowerCase(Locale.ROOT)));
  }
}
