package org.megaeth.chain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaeth.chain.exec.TrieRoots;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.state.WorldState;

/**
 * kill -9 of a process storing blocks as fast as it can: the reopened store's head is a block it
 * stored, complete with body, receipts, transaction lookups and diff, on an unbroken canonical
 * chain; and with the state stored, the state is the head's.
 */
class ChainStoreCrashTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "killed after {0} blocks")
  @ValueSource(ints = {2, 9, 23})
  void shouldKeepTheHeadBlockCompleteWhenKilledBetweenBlockWrites(int blocksBeforeKill)
      throws Exception {
    Path db = dir.resolve("crash-" + blocksBeforeKill);
    long printed = runAndKill(BlockWriteLoop.class, db, blocksBeforeKill);

    try (ChainStore store =
        ChainStore.open(
            db, ChainGenerator.genesisBlock().block(), ChainGenerator.CHAIN_ID, false)) {
      BlockHeader head = store.headHeader();
      // Every acknowledged (synced) block survived; a later one may have too.
      assertThat(head.number()).isGreaterThanOrEqualTo(printed);
      assertComplete(store, head);
      // The canonical chain below the head is unbroken down to genesis.
      BlockHeader cursor = head;
      while (cursor.number() > 0) {
        BlockHeader parent = store.header(cursor.number() - 1).orElseThrow();
        assertThat(parent.hash()).isEqualTo(cursor.parentHash());
        cursor = parent;
      }
      assertThat(cursor.hash()).isEqualTo(store.genesisHash());
      assertThat(store.header(head.number() + 1)).isEmpty();
    }
  }

  /**
   * kill -9 of a process storing blocks with their state: the reopened database's state is the
   * head's, whole (every account and slot reads as in the state rebuilt from the stored diffs), and
   * holds no node of another block.
   */
  @ParameterizedTest(name = "killed after {0} blocks")
  @ValueSource(ints = {3, 17})
  void shouldKeepTheHeadAndItsStateTogetherWhenKilledBetweenBlockWrites(int blocksBeforeKill)
      throws Exception {
    Path db = dir.resolve("state-crash-" + blocksBeforeKill);
    long printed = runAndKill(StateWriteLoop.class, db, blocksBeforeKill);

    try (ChainStore store =
        ChainStore.open(
            db, ChainGenerator.genesisBlock().block(), ChainGenerator.CHAIN_ID, false)) {
      BlockHeader head = store.headHeader();
      assertThat(head.number()).isGreaterThanOrEqualTo(printed);
      assertThat(store.stateBlock()).contains(head.hash());
      WorldState stored = ChainStoreStateTest.opened(store, 0).state();
      assertThat(stored.rootHash()).isEqualTo(head.stateRoot());
      WorldState rebuilt =
          StateReplay.stateAt(store, ChainStoreStateTest.genesisState(), head.hash());
      ChainStoreStateTest.assertSameReads(
          stored, rebuilt, StateWriteLoop.ACCOUNTS, StateWriteLoop.SLOT_KEYS);
      List<StateDiff> diffs = new ArrayList<>();
      for (long n = 1; n <= head.number(); n++) {
        diffs.add(store.diff(store.canonicalHash(n).orElseThrow()).orElseThrow());
      }
      ChainStoreStateTest.assertHoldsExactlyTheNodesOfAFreshWrite(store, diffs);
    }
  }

  /** Starts {@code main} on {@code db}, kills it after it printed "stored N"; returns that N. */
  private static long runAndKill(Class<?> main, Path db, int blocksBeforeKill) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName(),
                db.toString())
            .redirectErrorStream(true)
            .start();
    long printed = -1;
    StringBuilder output = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (printed < blocksBeforeKill && (line = out.readLine()) != null) {
        output.append(line).append('\n');
        if (line.startsWith("stored ")) {
          printed = Long.parseLong(line.substring("stored ".length()));
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no RocksDB close
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(printed)
        .as("the child stored blocks before it was killed:\n%s", output)
        .isEqualTo(blocksBeforeKill);
    return printed;
  }

  private static void assertComplete(ChainStore store, BlockHeader head) {
    Hash hash = head.hash();
    Block block = store.block(hash).orElseThrow();
    List<Transaction> txs = block.body().transactions();
    assertThat(txs).hasSize(BlockWriteLoop.TRANSFERS_PER_BLOCK);
    assertThat(TrieRoots.transactionsRoot(txs)).isEqualTo(head.transactionsRoot());
    List<Receipt> receipts = store.receipts(hash).orElseThrow();
    assertThat(TrieRoots.receiptsRoot(receipts)).isEqualTo(head.receiptsRoot());
    for (int i = 0; i < txs.size(); i++) {
      assertThat(store.transactionLocation(txs.get(i).hash()))
          .contains(new TransactionLocation(hash, head.number(), i));
    }
    assertThat(store.diff(hash)).isPresent();
    assertThat(store.witness(hash)).isPresent();
  }
}
