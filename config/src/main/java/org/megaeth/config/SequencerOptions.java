package org.megaeth.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.types.Address;

/**
 * Block production (role {@code sequencer}).
 *
 * @param miniBlockInterval how often a mini-block is emitted
 * @param blockInterval how often mini-blocks are sealed into an EVM block
 * @param blockGasLimit the gas limit of every EVM block
 * @param keyFile the file holding the key that signs mini-blocks and blocks; empty in dev mode
 *     means a key derived for the run
 * @param coinbase the fee recipient; empty means the sequencer key's address
 * @param execThreads threads that execute a mini-block's transactions (1: the production thread
 *     alone, serially); 0 means one per core
 */
public record SequencerOptions(
    Duration miniBlockInterval,
    Duration blockInterval,
    long blockGasLimit,
    Optional<Path> keyFile,
    Optional<Address> coinbase,
    int execThreads) {
  public SequencerOptions {
    Objects.requireNonNull(miniBlockInterval, "miniBlockInterval");
    Objects.requireNonNull(blockInterval, "blockInterval");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(coinbase, "coinbase");
  }

  public Builder toBuilder() {
    return new Builder()
        .miniBlockInterval(miniBlockInterval)
        .blockInterval(blockInterval)
        .blockGasLimit(blockGasLimit)
        .keyFile(keyFile)
        .coinbase(coinbase)
        .execThreads(execThreads);
  }

  /** {@link #execThreads()} with 0 resolved for this machine's cores ({@link #execThreadsFor}). */
  public int resolvedExecThreads() {
    return execThreadsFor(execThreads, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The execution threads for a configured count on a machine with {@code cores} cores: the count
   * itself, or for 0 one per core from {@link Defaults#PARALLEL_EXECUTION_FROM_CORES} cores and 1
   * (serial) below. On 2 cores the parallel executor's worker only competes with ingress's sender
   * recovery and the I/O threads for the second core: under JSON-RPC load the node accepted 6-15%
   * more transfers serially once warm, with less CPU per transfer (no worker, no re-reads), and in
   * process serial execution was 4% faster too (docs/benchmarks.md, rpc, session 11; sequencer,
   * session 8).
   */
  public static int execThreadsFor(int configured, int cores) {
    if (configured != 0) {
      return configured;
    }
    return cores < Defaults.PARALLEL_EXECUTION_FROM_CORES ? 1 : cores;
  }

  /** Starts from {@link Defaults}; {@link NodeOptions.Builder#build()} validates. */
  public static final class Builder {
    private Duration miniBlockInterval = Defaults.MINI_BLOCK_INTERVAL;
    private Duration blockInterval = Defaults.BLOCK_INTERVAL;
    private long blockGasLimit = Defaults.BLOCK_GAS_LIMIT;
    private Optional<Path> keyFile = Optional.empty();
    private Optional<Address> coinbase = Optional.empty();
    private int execThreads = Defaults.EXEC_THREADS;

    Builder() {}

    public Builder miniBlockInterval(Duration value) {
      this.miniBlockInterval = Objects.requireNonNull(value, "miniBlockInterval");
      return this;
    }

    public Builder blockInterval(Duration value) {
      this.blockInterval = Objects.requireNonNull(value, "blockInterval");
      return this;
    }

    public Builder blockGasLimit(long value) {
      this.blockGasLimit = value;
      return this;
    }

    public Builder keyFile(Optional<Path> value) {
      this.keyFile = Objects.requireNonNull(value, "keyFile");
      return this;
    }

    public Builder coinbase(Optional<Address> value) {
      this.coinbase = Objects.requireNonNull(value, "coinbase");
      return this;
    }

    public Builder execThreads(int value) {
      this.execThreads = value;
      return this;
    }

    public SequencerOptions build() {
      return new SequencerOptions(
          miniBlockInterval, blockInterval, blockGasLimit, keyFile, coinbase, execThreads);
    }
  }
}
