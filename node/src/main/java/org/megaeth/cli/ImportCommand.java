package org.megaeth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.chain.exec.BlockRule;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.chain.storage.StorageException;
import org.megaeth.chain.store.ChainFileReader;
import org.megaeth.chain.store.ChainStore;
import org.megaeth.chain.store.InvalidChainFileException;
import org.megaeth.chain.store.StateReplay;
import org.megaeth.chain.store.StoredState;
import org.megaeth.config.ConfigException;
import org.megaeth.config.Defaults;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.config.genesis.GenesisLoader;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.types.Hash;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.evm.EvmSpec;
import org.megaeth.trie.state.WorldState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code megaeth-node import --genesis FILE CHAIN.rlp}: validates and executes every block of a
 * chain file ({@code geth export}'s format) with the node's block executor and stores it, with its
 * receipts and state diff, in the data dir's chain database, like {@code geth import}. Blocks
 * already stored are skipped, so an interrupted import can be re-run; the last block of the file
 * becomes the head. The first invalid block, or one of a fork this node does not execute, stops the
 * import with one line naming it; what came before it stays stored.
 *
 * <p>The head's state is stored in the same database and moves with the head, block by block in the
 * block's own write, so a restarted import opens it where the last run stopped instead of replaying
 * the chain. Only when it is missing or belongs to another block (an older database, a reorg to a
 * side chain) is it rebuilt from the stored diffs, which the output says, and stored again.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a file of RLP blocks (geth export format) with full validation into the",
      "data dir's chain database. Blocks already stored are skipped."
    })
final class ImportCommand implements Callable<Integer> {
  private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

  @Spec private CommandSpec spec;

  @Option(
      names = "--genesis",
      required = true,
      paramLabel = "FILE",
      description = "geth-format genesis.json of the chain")
  private Path genesisFile;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "where the node keeps its data; the chain goes to DIR/chain (default: ~/.megaeth)")
  private Path dataDir;

  @Option(
      names = "--witnesses",
      description = "also record each block's execution witness and store it")
  private boolean witnesses;

  @Parameters(index = "0", paramLabel = "CHAIN.rlp", description = "the blocks, binary RLP")
  private Path chainFile;

  private final TimeProvider clock = TimeProvider.SYSTEM;

  private PrintWriter out;
  private PrintWriter err;

  @Override
  public Integer call() {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    Genesis genesis;
    try {
      genesis = GenesisLoader.load(genesisFile);
    } catch (ConfigException e) {
      return fail(e.getMessage());
    }
    if (!Files.isRegularFile(chainFile)) {
      return fail(chainFile + (Files.exists(chainFile) ? ": not a file" : ": no such chain file"));
    }
    GenesisBlock genesisBlock = GenesisBlock.of(genesis);
    Path database = (dataDir != null ? dataDir : Defaults.DATA_DIR).resolve("chain");
    // Unsynced writes: the file can be imported again, and a process crash loses nothing anyway;
    // close() syncs the log once at the end.
    try (ChainStore store =
            ChainStore.open(database, genesisBlock.block(), genesis.chainId(), false);
        ChainFileReader reader = ChainFileReader.open(chainFile)) {
      out.printf(
          "importing %s into %s (chain id %d, genesis %s)%n",
          chainFile, database, genesis.chainId(), genesisBlock.hash());
      return new Run(genesis, store, reader).importAll();
    } catch (StorageException | StorageException.Unchecked e) {
      return fail(e.getMessage());
    } catch (IOException e) {
      return fail("cannot read " + chainFile + ": " + e.getMessage());
    } finally {
      out.flush();
    }
  }

  private int fail(String message) {
    err.println("megaeth-node import: " + message.replaceAll("\\s*\\R\\s*", " ").trim());
    err.flush();
    return MegaethNode.EXIT_FAILURE;
  }

  /** One import: the loop over the file's blocks and its counters. */
  private final class Run {
    private final Genesis genesis;
    private final ChainStore store;
    private final ChainFileReader reader;
    private final BlockExecutor executor;
    private WorldState state;
    private Hash stateBlock;
    private long imported;
    private long skipped;
    private long transactions;
    private long gas;
    private final long start = clock.nanoTime();
    private long lastReport = start;
    private long blocksSinceReport;
    private long transactionsSinceReport;
    private long gasSinceReport;

    Run(Genesis genesis, ChainStore store, ChainFileReader reader) {
      this.genesis = genesis;
      this.store = store;
      this.reader = reader;
      this.executor = new BlockExecutor(genesis.config(), ForkJoinPool.commonPool());
    }

    int importAll() throws IOException, StorageException {
      if (!store.head().equals(store.genesisHash())) {
        out.printf(
            "the database holds blocks up to #%d; blocks already stored are skipped%n",
            store.headHeader().number());
      }
      openHeadState();
      while (true) {
        long offset = reader.offset();
        Optional<Block> next;
        try {
          next = reader.next();
        } catch (InvalidChainFileException e) {
          summary();
          return fail(chainFile + ": " + e.getMessage());
        }
        if (next.isEmpty()) {
          summary();
          return MegaethNode.EXIT_OK;
        }
        Optional<String> refused = importBlock(next.get(), offset);
        if (refused.isPresent()) {
          summary();
          return fail(refused.get());
        }
        reportProgress();
      }
    }

    /**
     * Opens the stored state of the head; when it is missing or of another block, rebuilds it from
     * the nearest state there is (the stored one if it is of an ancestor, else the genesis state)
     * and the stored diffs, and stores it.
     */
    private void openHeadState() throws StorageException {
      BlockHeader head = store.headHeader();
      switch (store.openState()) {
        case StoredState.Opened opened when opened.block().hash().equals(head.hash()) -> {
          if (head.number() > 0) {
            out.printf("opened the stored state of head #%d%n", head.number());
          }
          state = opened.state();
        }
        case StoredState.Opened opened
            when store
                .canonicalHash(opened.block().number())
                .equals(Optional.of(opened.block().hash())) -> {
          out.printf(
              "the stored state is of block #%d: applying the stored diffs up to head #%d%n",
              opened.block().number(), head.number());
          state = StateReplay.stateAt(store, opened.state(), opened.block().hash(), head.hash());
          store.writeState(head.hash(), state);
        }
        case StoredState.Opened opened ->
            rebuildFromGenesis(
                head,
                "the stored state is of block #%d, which is not on the canonical chain"
                    .formatted(opened.block().number()));
        case StoredState.Unavailable unavailable -> rebuildFromGenesis(head, unavailable.reason());
      }
      stateBlock = head.hash();
    }

    private void rebuildFromGenesis(BlockHeader head, String reason) throws StorageException {
      if (head.number() > 0) {
        out.printf(
            "%s: rebuilding the state of head #%d from the genesis state and the stored diffs%n",
            reason, head.number());
      }
      WorldState rebuilt = StateReplay.stateAt(store, GenesisBlock.state(genesis), head.hash());
      storeAndReopen(head.hash(), rebuilt);
    }

    /** Stores an in-memory state as {@code block}'s and continues on the stored one. */
    private void storeAndReopen(Hash block, WorldState inMemory) throws StorageException {
      store.writeState(block, inMemory);
      switch (store.openState()) {
        case StoredState.Opened opened -> state = opened.state();
        case StoredState.Unavailable unavailable ->
            throw new StorageException(
                "the state just stored cannot be opened: " + unavailable.reason());
      }
    }

    /** Imports or skips one block; the reason it cannot be imported otherwise. */
    private Optional<String> importBlock(Block block, long offset) throws StorageException {
      Hash hash = block.hash();
      if (store.number(hash).isPresent()) {
        skipped++;
        return Optional.empty();
      }
      String name = "block %d %s".formatted(block.number(), hash);
      Optional<BlockHeader> parent = store.header(block.header().parentHash());
      if (parent.isEmpty()) {
        return Optional.of(
            ("%s (byte offset %d): its parent %s is neither in the database nor before it in the"
                    + " file")
                .formatted(name, offset, block.header().parentHash()));
      }
      if (!parent.get().hash().equals(stateBlock)) {
        // Not a child of the last block: the state is rebuilt from the stored diffs.
        out.printf("rebuilding the state of block #%d from stored diffs%n", parent.get().number());
        state = StateReplay.stateAt(store, GenesisBlock.state(genesis), parent.get().hash());
        stateBlock = parent.get().hash();
      }
      BlockResult result = executor.execute(state, parent.get(), block, store, witnesses);
      if (result instanceof BlockResult.Invalid invalid
          && invalid.reason().rule() == BlockRule.WITNESS
          && state.isStoredIn(store)) {
        // A trie node or code missing from a full state is a damaged database, not a bad block:
        // the stored diffs are the record, so the state is rebuilt from them and the block retried.
        rebuildFromGenesis(
            parent.get(), "the stored state is damaged (" + invalid.reason().message() + ")");
        result = executor.execute(state, parent.get(), block, store, witnesses);
      }
      switch (result) {
        case BlockResult.Invalid invalid
            when invalid.reason().rule() == BlockRule.UNSUPPORTED_FORK -> {
          return Optional.of(
              ("%s is a %s block; this node executes only %s to %s (post-merge) blocks, so this"
                      + " chain cannot be imported")
                  .formatted(
                      name,
                      genesis
                          .config()
                          .forkAt(block.number(), block.header().timestamp())
                          .testName(),
                      EvmSpec.OLDEST_SUPPORTED.testName(),
                      EvmSpec.NEWEST_SUPPORTED.testName()));
        }
        case BlockResult.Invalid invalid -> {
          return Optional.of(name + " is invalid: " + invalid.reason().message());
        }
        case BlockResult.Valid valid -> {
          if (state.isStoredIn(store)) {
            store.writeBlock(valid, state); // the state's parent is the head: it extends it
          } else {
            // A state rebuilt for a side chain's parent: the block joins the canonical chain,
            // then its state replaces the stored one.
            if (!store.writeBlock(valid)) {
              store.setHead(hash); // the file's chain wins, as in geth import
            }
            storeAndReopen(hash, state);
          }
          stateBlock = hash;
          imported++;
          blocksSinceReport++;
          transactions += block.body().transactions().size();
          transactionsSinceReport += block.body().transactions().size();
          gas += block.header().gasUsed();
          gasSinceReport += block.header().gasUsed();
          return Optional.empty();
        }
      }
    }

    private void reportProgress() {
      long now = clock.nanoTime();
      if (now - lastReport < PROGRESS_INTERVAL_NANOS || blocksSinceReport == 0) {
        return;
      }
      BlockHeader head = store.headHeader();
      out.printf(
          Locale.ROOT,
          "imported #%d %s: %s, %d txs in %.1f s, %.1f Mgas/s%n",
          head.number(),
          head.hash(),
          blocks(blocksSinceReport),
          transactionsSinceReport,
          (now - lastReport) / 1e9,
          mgasPerSecond(gasSinceReport, now - lastReport));
      out.flush();
      lastReport = now;
      blocksSinceReport = 0;
      transactionsSinceReport = 0;
      gasSinceReport = 0;
    }

    private void summary() {
      long elapsed = clock.nanoTime() - start;
      if (skipped > 0) {
        out.printf("skipped %s already in the database%n", blocks(skipped));
      }
      if (imported > 0) {
        out.printf(
            Locale.ROOT,
            "%d txs, %.1f Mgas in %.1f s (%.1f Mgas/s)%n",
            transactions,
            gas / 1e6,
            elapsed / 1e9,
            mgasPerSecond(gas, elapsed));
      }
      BlockHeader head = store.headHeader();
      out.printf("imported %s, head #%d %s%n", blocks(imported), head.number(), head.hash());
      out.flush();
    }

    private static String blocks(long count) {
      return count == 1 ? "1 block" : count + " blocks";
    }

    private static double mgasPerSecond(long gas, long nanos) {
      return nanos <= 0 ? 0 : gas / 1e6 / (nanos / 1e9);
    }
  }
}
