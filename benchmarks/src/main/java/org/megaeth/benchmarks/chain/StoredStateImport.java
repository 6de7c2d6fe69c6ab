package org.megaeth.benchmarks.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.benchmarks.BenchBlocks;
import org.megaeth.benchmarks.BenchTransactions;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.chain.storage.StorageException;
import org.megaeth.chain.store.ChainStore;
import org.megaeth.chain.store.StateReplay;
import org.megaeth.chain.store.StoredState;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.trie.state.WorldState;

/**
 * Import speed with the state stored in the chain database (each block's trie nodes in the block's
 * write batch) against the state kept in memory only (the import before the state was stored), on
 * the same chain: an ERC-20 token ({@code BenchToken}) held by {@code holders} accounts, then
 * {@code blocks} blocks of {@code transfers} random transfers each. Both imports execute every
 * block with the node's executor (hashing on the calling thread) and store it unsynced, as {@code
 * megaeth-node import} does; CPU time is the process's (GC, JIT and RocksDB's background flushes
 * and compactions included), taken around the import; they alternate for {@code rounds} rounds,
 * each into a fresh database. Then the restart: opening the stored state against rebuilding it from
 * genesis with the stored diffs; and the database sizes.
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar
 * org.megaeth.benchmarks.chain.StoredStateImport [holders] [blocks] [transfers] [rounds]}
 */
public final class StoredStateImport {
  private static final long CHAIN_ID = 1;
  private static final long GAS_LIMIT = 2_000_000_000L;
  private static final ChainConfig CONFIG =
      new ChainConfig(CHAIN_ID, ForkSchedule.allFromGenesis(Fork.CANCUN));
  private static final Address COINBASE = Address.ofNumber(0xc0ffee);
  private static final KeyPair DEPLOYER = KeyPair.of(SecretKey.fromHex("0x" + "01".repeat(32)));
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private StoredStateImport() {}

  public static void main(String[] args) throws Exception {
    int holderCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int blockCount = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int transferCount = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;

    List<KeyPair> holders = new ArrayList<>();
    for (int i = 0; i < holderCount; i++) {
      holders.add(KeyPair.of(SecretKey.of(UInt256.valueOf(0x10000 + i).toBytes32())));
    }
    WorldState building = genesisState(holders);
    Block genesis =
        new Block(GenesisBlock.cancunHeader(building.rootHash(), GAS_LIMIT), BlockBody.EMPTY);
    List<Block> chain = buildChain(building, genesis.header(), holders, blockCount, transferCount);
    long gas = chain.stream().mapToLong(b -> b.header().gasUsed()).sum();
    System.out.printf(
        "chain: %d blocks (1 setup block minting to %d holders, then %d x %d ERC-20 transfers),"
            + " %.1f Mgas%n",
        chain.size(), holderCount, blockCount, transferCount, gas / 1e6);

    Path root = Files.createTempDirectory("stored-state-import");
    try {
      for (int round = 1; round <= rounds; round++) {
        for (boolean stored : new boolean[] {false, true}) {
          Path dir = root.resolve((stored ? "stored-" : "memory-") + round);
          Result r = importChain(dir, genesis, holders, chain, stored);
          System.out.printf(
              "round %d %-9s %6.1f blocks/s  %6.1f Mgas/s wall, %6.1f Mgas/s of CPU"
                  + "  (%.2f s wall, %.2f s CPU)  database %.1f MB%n",
              round,
              stored ? "stored" : "in-memory",
              chain.size() / (r.wallNanos / 1e9),
              gas / 1e6 / (r.wallNanos / 1e9),
              gas / 1e6 / (r.cpuNanos / 1e9),
              r.wallNanos / 1e9,
              r.cpuNanos / 1e9,
              size(dir) / 1e6);
          if (round == rounds) {
            restart(dir, genesis, holders, stored);
          }
        }
      }
    } finally {
      delete(root);
    }
  }

  private record Result(long wallNanos, long cpuNanos) {}

  private static Result importChain(
      Path dir, Block genesis, List<KeyPair> holders, List<Block> chain, boolean stored)
      throws StorageException {
    BlockExecutor executor = new BlockExecutor(CONFIG, null);
    try (ChainStore store = ChainStore.open(dir, genesis, CHAIN_ID, false)) {
      WorldState state = genesisState(holders);
      if (stored) {
        store.writeState(genesis.hash(), state);
        state = ((StoredState.Opened) store.openState()).state();
      }
      long wall = System.nanoTime();
      long cpu = OS.getProcessCpuTime();
      BlockHeader parent = genesis.header();
      for (Block block : chain) {
        BlockResult result = executor.execute(state, parent, block, store, false);
        if (!(result instanceof BlockResult.Valid valid)) {
          throw new IllegalStateException("block " + block.number() + ": " + result);
        }
        if (stored) {
          store.writeBlock(valid, state);
        } else {
          store.writeBlock(valid);
        }
        parent = block.header();
      }
      return new Result(System.nanoTime() - wall, OS.getProcessCpuTime() - cpu);
    }
  }

  /** What a restarted import does to get the head's state back. */
  private static void restart(Path dir, Block genesis, List<KeyPair> holders, boolean stored)
      throws StorageException {
    long start = System.nanoTime();
    try (ChainStore store = ChainStore.open(dir, genesis, CHAIN_ID, false)) {
      long opened = System.nanoTime();
      WorldState state =
          stored
              ? ((StoredState.Opened) store.openState()).state()
              : StateReplay.stateAt(store, genesisState(holders), store.head());
      long ready = System.nanoTime();
      if (!state.rootHash().equals(store.headHeader().stateRoot())) {
        throw new IllegalStateException("wrong head state " + state.rootHash());
      }
      System.out.printf(
          "restart %-9s database open %.1f ms, then head state ready in %.1f ms (%s)%n",
          stored ? "stored" : "in-memory",
          (opened - start) / 1e6,
          (ready - opened) / 1e6,
          stored ? "open the stored state" : "replay every stored diff from genesis");
    }
  }

  private static WorldState genesisState(List<KeyPair> holders) {
    WorldState state = WorldState.create();
    state.setBalance(DEPLOYER.address(), Wei.fromEth(1_000_000));
    for (KeyPair holder : holders) {
      state.setBalance(holder.address(), Wei.fromEth(10));
    }
    state.computeRoot();
    return state;
  }

  private static List<Block> buildChain(
      WorldState state, BlockHeader genesis, List<KeyPair> holders, int blocks, int transfers)
      throws IOException {
    Map<Hash, BlockHeader> headers = new HashMap<>();
    headers.put(genesis.hash(), genesis);
    BlockBuilder builder = new BlockBuilder(new BlockExecutor(CONFIG, null));
    List<Transaction> setup = new ArrayList<>();
    byte[] init =
        Hex.decodeLenient(
            BenchTransactions.resource(StoredStateImport.class, "/contracts/BenchToken.hex")
                .strip());
    setup.add(
        BenchTransactions.signed(
            CHAIN_ID,
            DEPLOYER,
            0,
            null,
            Bytes.concatenate(
                Bytes.wrap(init),
                Bytes.wrap(UInt256.fromBigInteger(BigInteger.TEN.pow(30)).toBytes32())),
            5_000_000));
    Address token = FrameRunner.createAddress(DEPLOYER.address(), 0);
    UInt256 perHolder = UInt256.fromBigInteger(BigInteger.TEN.pow(21));
    for (int i = 0; i < holders.size(); i++) {
      setup.add(
          BenchTransactions.signed(
              CHAIN_ID,
              DEPLOYER,
              i + 1,
              token,
              BenchTransactions.erc20Transfer(holders.get(i).address(), perHolder),
              100_000));
    }
    List<Block> chain = new ArrayList<>();
    BlockHeader parent = genesis;
    chain.add(build(builder, state, parent, setup, headers));
    parent = chain.getLast().header();
    Random random = new Random(42);
    long[] nonces = new long[holders.size()];
    UInt256 amount = UInt256.fromBigInteger(BigInteger.TEN.pow(15));
    for (int b = 0; b < blocks; b++) {
      List<Transaction> txs = new ArrayList<>();
      for (int k = 0; k < transfers; k++) {
        int from = random.nextInt(holders.size());
        int to = random.nextInt(holders.size() - 1);
        if (to >= from) {
          to++;
        }
        txs.add(
            BenchTransactions.signed(
                CHAIN_ID,
                holders.get(from),
                nonces[from]++,
                token,
                BenchTransactions.erc20Transfer(holders.get(to).address(), amount),
                100_000));
      }
      chain.add(build(builder, state, parent, txs, headers));
      parent = chain.getLast().header();
    }
    return chain;
  }

  private static Block build(
      BlockBuilder builder,
      WorldState state,
      BlockHeader parent,
      List<Transaction> txs,
      Map<Hash, BlockHeader> headers) {
    BlockBuilder.Built built =
        BenchBlocks.build(builder, state, parent, COINBASE, GAS_LIMIT, txs, headers, false);
    if (built.block().body().transactions().size() != txs.size()) {
      throw new IllegalStateException("skipped: " + built.skipped().getFirst().reason());
    }
    return built.block();
  }

  private static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(StoredStateImport::fileSize).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
