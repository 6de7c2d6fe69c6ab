package org.megaeth.chain.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.diff.StateDiffCodec;
import org.megaeth.core.tx.Transaction;
import org.megaeth.trie.state.WorldState;

/**
 * Parallel execution against serial execution, byte for byte: random workloads of each kind of
 * conflict, built block by block and mini-block by mini-block serially, on 2 threads, on 4 threads,
 * and on 2 threads with every transaction executed ahead of its turn (so every one is checked at
 * its turn). Everything the sequencer publishes must be equal: per mini-block the included and
 * skipped transactions with the reasons, the receipts and the encoded state diff; per block the
 * header (state, receipts and transactions roots, gas, bloom), the receipts, the encoded block diff
 * and the encoded witness.
 */
class ParallelDifferentialTest {
  /** Workloads per kind (each run serially and on one of three parallel configurations). */
  private static final int WORKLOADS_PER_KIND = 200;

  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          3,
          r -> {
            Thread t = new Thread(r, "parallel-test-worker");
            t.setDaemon(true);
            return t;
          });

  private final BlockExecutor cancunImport = new BlockExecutor(TestWorld.CONFIG, null);
  private final BlockExecutor pragueImport = new BlockExecutor(TestWorld.PRAGUE, null);
  private final BlockBuilder cancun = new BlockBuilder(cancunImport);
  private final BlockBuilder prague = new BlockBuilder(pragueImport);

  @AfterAll
  static void stopPool() {
    POOL.shutdownNow();
  }

  @ParameterizedTest
  @EnumSource(value = Workloads.Kind.class, names = "SET_CODE", mode = EnumSource.Mode.EXCLUDE)
  void shouldMatchSerialExecutionByteForByte(Workloads.Kind kind) {
    compare(cancun, kind, false, WORKLOADS_PER_KIND);
  }

  @ParameterizedTest
  @EnumSource(
      value = Workloads.Kind.class,
      names = {"SET_CODE", "MIXED"})
  void shouldMatchSerialExecutionByteForByteInPrague(Workloads.Kind kind) {
    compare(prague, kind, true, WORKLOADS_PER_KIND);
  }

  private void compare(BlockBuilder builder, Workloads.Kind kind, boolean isPrague, int count) {
    List<ParallelExecutor> configurations =
        List.of(
            new ParallelExecutor(POOL, 2),
            new ParallelExecutor(POOL, 4),
            new ParallelExecutor(POOL, 2, true));
    int ahead = 0;
    int again = 0;
    for (int seed = 0; seed < count; seed++) {
      Workloads workloads = new Workloads(kind, seed);
      if (isPrague) {
        workloads.prague();
      }
      List<List<List<BlockBuilder.Candidate>>> candidates =
          validate(builder, workloads.blocks(2, 2, 12));
      boolean witness = seed % 5 != 4;
      Run serial = run(builder, candidates, null, witness);
      ParallelExecutor parallel = configurations.get(seed % configurations.size());
      Run run = run(builder, candidates, parallel, witness);
      String where = "%s seed %d on %d threads".formatted(kind, seed, parallel.threads());
      assertThat(run.trace).as(where).containsExactlyElementsOf(serial.trace);
      ahead += run.executedAhead;
      again += run.reExecutions;
    }
    // The comparisons above are only worth something if transactions were executed ahead.
    assertThat(ahead).as("transactions executed ahead").isPositive();
    if (kind != Workloads.Kind.INDEPENDENT_TRANSFERS) {
      assertThat(again).as("re-executions").isPositive();
    }
  }

  @Test
  void shouldGiveTheSerialOutcomeWhenEveryTransactionIsExecutedAheadOfItsTurn() {
    // Every kind mixed, big mini-blocks, all executed ahead against the mini-block's start.
    ParallelExecutor parallel = new ParallelExecutor(POOL, 3, true);
    for (int seed = 0; seed < 40; seed++) {
      List<List<List<BlockBuilder.Candidate>>> candidates =
          validate(
              prague, new Workloads(Workloads.Kind.MIXED, 1000 + seed).prague().blocks(2, 2, 40));
      Run serial = run(prague, candidates, null, true);
      Run run = run(prague, candidates, parallel, true);
      assertThat(run.trace).as("seed %d", seed).containsExactlyElementsOf(serial.trace);
      assertThat(run.executedAhead).isEqualTo(run.transactions);
    }
  }

  private List<List<List<BlockBuilder.Candidate>>> validate(
      BlockBuilder builder, List<List<List<Transaction>>> blocks) {
    // Validity does not depend on the block's number here (one fork): recover senders once.
    WorldState state = TestWorld.genesisState();
    BlockHeader genesis = TestWorld.genesisHeader(state.rootHash());
    BlockBuilder.OpenBlock probe =
        builder.open(
            state, genesis, TestWorld.attributes(genesis), hash -> Optional.empty(), false);
    List<List<List<BlockBuilder.Candidate>>> out = new ArrayList<>();
    for (List<List<Transaction>> block : blocks) {
      List<List<BlockBuilder.Candidate>> minis = new ArrayList<>();
      for (List<Transaction> mini : block) {
        minis.add(mini.stream().map(probe::validate).toList());
      }
      out.add(minis);
    }
    return out;
  }

  /** What one run produced, as comparable strings and hex; and how it went. */
  private static final class Run {
    final List<String> trace = new ArrayList<>();
    int transactions;
    int executedAhead;
    int reExecutions;
  }

  private Run run(
      BlockBuilder builder,
      List<List<List<BlockBuilder.Candidate>>> blocks,
      ParallelExecutor parallel,
      boolean witness) {
    Run run = new Run();
    WorldState state = TestWorld.genesisState();
    // The serial run is the reference: each of its blocks is also imported by the block executor,
    // which records the witness while it executes (the builder records it at the seal, through
    // the overlay), and must give the same root, diff and witness.
    WorldState imported = parallel == null ? TestWorld.genesisState() : null;
    TestWorld.Headers headers = new TestWorld.Headers();
    BlockHeader parent = TestWorld.genesisHeader(state.rootHash());
    headers.add(parent);
    for (List<List<BlockBuilder.Candidate>> block : blocks) {
      BlockBuilder.OpenBlock open =
          builder.open(state, parent, TestWorld.attributes(parent), headers, witness, parallel);
      for (List<BlockBuilder.Candidate> mini : block) {
        BlockBuilder.MiniBlock result = open.addCandidates(mini);
        run.trace.add("mini-block " + result.index());
        run.trace.add("included " + result.transactions().stream().map(Transaction::hash).toList());
        result
            .skipped()
            .forEach(s -> run.trace.add("skipped " + s.transaction().hash() + ": " + s.reason()));
        run.trace.add("receipts " + result.receipts());
        run.trace.add("diff " + hex(StateDiffCodec.encode(result.diff())));
        run.transactions += result.metrics().transactions();
        run.executedAhead += result.metrics().executedAhead();
        run.reExecutions += result.metrics().reExecutions();
      }
      BlockBuilder.Built built = open.seal();
      run.trace.add("seal diff " + hex(StateDiffCodec.encode(open.sealDiff())));
      run.trace.add("header " + built.block().header());
      run.trace.add("receipts " + built.receipts());
      run.trace.add("block diff " + hex(StateDiffCodec.encode(built.diff())));
      built.witness().ifPresent(w -> run.trace.add("witness " + w.encode().toHexString()));
      if (imported != null) {
        BlockExecutor importer = builder == prague ? pragueImport : cancunImport;
        BlockResult result = importer.execute(imported, parent, built.block(), headers, witness);
        assertThat(result).isInstanceOf(BlockResult.Valid.class);
        BlockResult.Valid valid = (BlockResult.Valid) result;
        assertThat(imported.rootHash()).isEqualTo(built.block().header().stateRoot());
        assertThat(valid.diff()).isEqualTo(built.diff());
        assertThat(valid.witness()).isEqualTo(built.witness());
      }
      parent = built.block().header();
      headers.add(parent);
    }
    run.trace.add("state root " + state.rootHash());
    return run;
  }

  private static String hex(byte[] bytes) {
    return org.apache.tuweni.bytes.Bytes.wrap(bytes).toHexString();
  }
}
