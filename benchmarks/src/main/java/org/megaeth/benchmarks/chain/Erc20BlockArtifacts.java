package org.megaeth.benchmarks.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.benchmarks.BenchBlocks;
import org.megaeth.benchmarks.BenchTransactions;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.chain.exec.StatelessVerifier;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.diff.DiffKeyIndex;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.diff.StateDiffCodec;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.trie.state.WorldState;

/**
 * The size of a block's state diff and witness per ERC-20 transfer (issue #5): an OpenZeppelin 5
 * token ({@code BenchToken}, see {@code src/main/resources/contracts/README.md}) held by 10,000
 * accounts, then one block of 1,000 transfers between holders picked at random (seeded). Prints the
 * diff's bytes raw and zstd-compressed and the witness's bytes, each per transfer. Sizes are
 * deterministic; the timings printed alongside are single runs, for orientation only.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.megaeth.benchmarks.chain.Erc20BlockArtifacts [holders] [transfers]}
 */
public final class Erc20BlockArtifacts {
  private static final long CHAIN_ID = 1;
  private static final long GAS_LIMIT = 2_000_000_000L;
  private static final ChainConfig CONFIG =
      new ChainConfig(CHAIN_ID, ForkSchedule.allFromGenesis(Fork.CANCUN));
  private static final Address COINBASE = Address.ofNumber(0xc0ffee);
  private static final UInt256 PER_HOLDER = UInt256.fromBigInteger(BigInteger.TEN.pow(21));

  private Erc20BlockArtifacts() {}

  public static void main(String[] args) throws IOException {
    int holderCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int transferCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;

    KeyPair deployer = KeyPair.of(SecretKey.fromHex("0x" + "01".repeat(32)));
    List<KeyPair> holders = new ArrayList<>();
    WorldState state = WorldState.create();
    state.setBalance(deployer.address(), Wei.fromEth(1_000_000));
    for (int i = 0; i < holderCount; i++) {
      KeyPair holder = KeyPair.of(SecretKey.of(UInt256.valueOf(0x10000 + i).toBytes32()));
      holders.add(holder);
      state.setBalance(holder.address(), Wei.fromEth(10));
    }
    BlockHeader genesis = genesis(state.computeRoot());
    Map<Hash, BlockHeader> headers = new HashMap<>();
    headers.put(genesis.hash(), genesis);
    BlockExecutor executor = new BlockExecutor(CONFIG, null);
    BlockBuilder builder = new BlockBuilder(executor);

    // Block 1: deploy the token and give every holder a balance.
    List<Transaction> setup = new ArrayList<>();
    byte[] init =
        Hex.decodeLenient(
            BenchTransactions.resource(Erc20BlockArtifacts.class, "/contracts/BenchToken.hex")
                .strip());
    Bytes deploy =
        Bytes.concatenate(
            Bytes.wrap(init),
            Bytes.wrap(UInt256.fromBigInteger(BigInteger.TEN.pow(30)).toBytes32()));
    setup.add(BenchTransactions.signed(CHAIN_ID, deployer, 0, null, deploy, 5_000_000));
    Address token = FrameRunner.createAddress(deployer.address(), 0);
    for (int i = 0; i < holderCount; i++) {
      setup.add(
          BenchTransactions.signed(
              CHAIN_ID,
              deployer,
              i + 1,
              token,
              BenchTransactions.erc20Transfer(holders.get(i).address(), PER_HOLDER),
              100_000));
    }
    BlockBuilder.Built first = build(builder, state, genesis, setup, headers, false);
    requireAllIncluded(first, setup.size());
    // The key dictionary of version-2 diffs, warmed by the setup block as a full node's would be.
    DiffKeyIndex keys = new DiffKeyIndex();
    DiffKeyIndex.Overlay setupKeys = keys.overlay();
    StateDiffCodec.encode(first.diff(), setupKeys);
    setupKeys.commit();

    // Block 2: the measured block.
    Random random = new Random(42);
    List<Transaction> transfers = new ArrayList<>();
    long[] nonces = new long[holderCount];
    UInt256 amount = UInt256.fromBigInteger(BigInteger.TEN.pow(15));
    for (int k = 0; k < transferCount; k++) {
      int from = random.nextInt(holderCount);
      int to = random.nextInt(holderCount - 1);
      if (to >= from) {
        to++;
      }
      transfers.add(
          BenchTransactions.signed(
              CHAIN_ID,
              holders.get(from),
              nonces[from]++,
              token,
              BenchTransactions.erc20Transfer(holders.get(to).address(), amount),
              100_000));
    }
    long start = System.nanoTime();
    BlockBuilder.Built measured =
        build(builder, state, first.block().header(), transfers, headers, true);
    long buildNanos = System.nanoTime() - start;
    requireAllIncluded(measured, transferCount);

    StateDiff diff = measured.diff();
    byte[] raw = StateDiffCodec.encode(diff);
    byte[] compressed = StateDiffCodec.compress(raw);
    byte[] indexed = StateDiffCodec.encode(diff, keys.overlay());
    byte[] indexedCompressed = StateDiffCodec.compress(indexed);
    ExecutionWitness witness = measured.witness().orElseThrow();
    byte[] witnessBytes = witness.encode().toArrayUnsafe();
    byte[] witnessCompressed = StateDiffCodec.compress(witnessBytes);

    start = System.nanoTime();
    BlockResult verified =
        new StatelessVerifier(executor).verify(measured.block(), witness, first.block().header());
    long verifyNanos = System.nanoTime() - start;
    if (!(verified instanceof BlockResult.Valid)) {
      throw new IllegalStateException("stateless verification failed: " + verified);
    }

    System.out.printf(
        "block of %d ERC-20 transfers among %d holders (gas used %,d)%n",
        transferCount, holderCount, measured.block().header().gasUsed());
    System.out.printf(
        "state diff: %d accounts, %d slots%n", diff.accounts().size(), diff.slotCount());
    System.out.printf(
        "  raw        %,9d bytes  %6.1f bytes/transfer%n",
        raw.length, per(raw.length, transferCount));
    System.out.printf(
        "  zstd       %,9d bytes  %6.1f bytes/transfer%n",
        compressed.length, per(compressed.length, transferCount));
    System.out.printf(
        "  v2 indexed %,9d bytes  %6.1f bytes/transfer (dictionary: %d addresses, %d slot keys)%n",
        indexed.length,
        per(indexed.length, transferCount),
        keys.addressCount(),
        keys.slotKeyCount());
    System.out.printf(
        "  v2 zstd    %,9d bytes  %6.1f bytes/transfer%n",
        indexedCompressed.length, per(indexedCompressed.length, transferCount));
    System.out.printf(
        "witness: %d trie nodes, %d codes, %d keys, %d headers%n",
        witness.state().size(),
        witness.codes().size(),
        witness.keys().size(),
        witness.headers().size());
    System.out.printf(
        "  raw        %,9d bytes  %6.1f bytes/transfer%n",
        witnessBytes.length, per(witnessBytes.length, transferCount));
    System.out.printf(
        "  zstd       %,9d bytes  %6.1f bytes/transfer%n",
        witnessCompressed.length, per(witnessCompressed.length, transferCount));
    System.out.printf(
        "single-run timings: build with witness %.1f ms, stateless verification %.1f ms%n",
        buildNanos / 1e6, verifyNanos / 1e6);
  }

  private static double per(long bytes, int transfers) {
    return (double) bytes / transfers;
  }

  private static BlockBuilder.Built build(
      BlockBuilder builder,
      WorldState state,
      BlockHeader parent,
      List<Transaction> txs,
      Map<Hash, BlockHeader> headers,
      boolean witness) {
    return BenchBlocks.build(builder, state, parent, COINBASE, GAS_LIMIT, txs, headers, witness);
  }

  private static void requireAllIncluded(BlockBuilder.Built built, int expected) {
    if (built.block().body().transactions().size() != expected) {
      throw new IllegalStateException(
          "only %d of %d transactions included; first skipped: %s"
              .formatted(
                  built.block().body().transactions().size(),
                  expected,
                  built.skipped().isEmpty() ? "none" : built.skipped().getFirst().reason()));
    }
  }

  private static BlockHeader genesis(Hash stateRoot) {
    return GenesisBlock.cancunHeader(stateRoot, GAS_LIMIT);
  }
}
