package org.megaeth.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.megaeth.chain.parallel.ConcurrentOverlay;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.diff.StateDiffCodec;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.WorldState;

/**
 * The block state's mini-block diff computed on another thread, and the writes that apply a
 * transaction executed elsewhere: the same diffs as the ordinary path.
 */
class BlockStateTest {
  private static final Address ALICE = Address.ofNumber(0xa1);
  private static final Address BOB = Address.ofNumber(0xb0);
  private static final Address CAROL = Address.ofNumber(0xca);

  private static WorldState genesis() {
    WorldState state = WorldState.create();
    state.setBalance(ALICE, Wei.of(500));
    state.setNonce(ALICE, 4);
    state.setNonce(BOB, 1);
    state.setStorage(BOB, UInt256.valueOf(1), UInt256.valueOf(9));
    state.computeRoot();
    return state;
  }

  /** A mini-block's worth of changes: nonce and balance, slots set and cleared, a new account. */
  private static void change(BlockState state) {
    state.setNonce(ALICE, 5);
    state.setBalance(ALICE, UInt256.valueOf(400));
    state.setStorage(BOB, UInt256.valueOf(1), UInt256.ZERO);
    state.setStorage(BOB, UInt256.valueOf(2), UInt256.valueOf(7));
    state.setBalance(CAROL, UInt256.valueOf(100));
    state.commitTransaction();
  }

  private static BlockState changed() {
    BlockState state = new BlockState(new ConcurrentOverlay(genesis(), false), false);
    state.startMiniBlock();
    change(state);
    return state;
  }

  private static byte[] encoded(StateDiff diff) {
    return StateDiffCodec.encode(diff);
  }

  @Test
  void shouldGiveTheSameMiniBlockDiffWhenAnotherThreadComputesIt() throws Exception {
    StateDiff expected = changed().miniBlockDiff();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      BlockState state = changed();

      state.startMiniBlockDiff(pool);

      assertThat(encoded(state.miniBlockDiff())).isEqualTo(encoded(expected));
      assertThat(expected.accounts()).isNotEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldComputeTheDiffItselfWhenTheExecutorHasNotStartedIt() {
    StateDiff expected = changed().miniBlockDiff();
    List<Runnable> queued = new ArrayList<>();
    BlockState state = changed();

    state.startMiniBlockDiff(queued::add);
    StateDiff diff = state.miniBlockDiff();
    queued.forEach(Runnable::run); // starts late: finds the diff taken back, does nothing

    assertThat(encoded(diff)).isEqualTo(encoded(expected));
    assertThat(queued).hasSize(1);
  }

  @Test
  void shouldComputeTheDiffWhenAskedWhenTheExecutorRefusesIt() {
    StateDiff expected = changed().miniBlockDiff();
    Executor refusing =
        task -> {
          throw new RejectedExecutionException("full");
        };
    BlockState state = changed();

    state.startMiniBlockDiff(refusing);

    assertThat(encoded(state.miniBlockDiff())).isEqualTo(encoded(expected));
    state.setNonce(ALICE, 6); // nothing pending: the state is usable again
  }

  @Test
  void shouldRefuseReadsAndWritesWhileTheDiffIsPending() {
    List<Runnable> queued = new ArrayList<>();
    BlockState state = changed();

    state.startMiniBlockDiff(queued::add);

    assertThatThrownBy(() -> state.getNonce(ALICE)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> state.getStorage(BOB, UInt256.valueOf(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> state.setNonce(ALICE, 6)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(state::startMiniBlock).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(state::commitTransaction).isInstanceOf(IllegalStateException.class);
    state.miniBlockDiff();
    assertThat(state.getNonce(ALICE)).isEqualTo(5);
  }

  @Test
  void shouldLeaveTheSameStateAndDiffsWhenApplyingFinalValues() {
    BlockState expected = changed();
    BlockState state = new BlockState(new ConcurrentOverlay(genesis(), false), false);
    state.startMiniBlock();

    state.applyNonceAndBalance(ALICE, 5, UInt256.valueOf(400));
    state.applyStorage(BOB, UInt256.valueOf(1), UInt256.ZERO);
    state.applyStorage(BOB, UInt256.valueOf(2), UInt256.valueOf(7));
    state.setBalance(CAROL, UInt256.valueOf(100));
    state.commitTransaction();

    assertThat(encoded(state.miniBlockDiff())).isEqualTo(encoded(expected.miniBlockDiff()));
    assertThat(encoded(state.diff())).isEqualTo(encoded(expected.diff()));
    assertThat(state.getNonce(ALICE)).isEqualTo(5);
    assertThat(state.getBalance(ALICE)).isEqualTo(UInt256.valueOf(400));
  }

  @Test
  void shouldApplyNonceAndBalanceTheSameWayOnTheTrieState() {
    BlockState expected = new BlockState(genesis(), false);
    expected.startMiniBlock();
    change(expected);
    BlockState state = new BlockState(genesis(), false);
    state.startMiniBlock();

    state.applyNonceAndBalance(ALICE, 5, UInt256.valueOf(400));
    state.applyStorage(BOB, UInt256.valueOf(1), UInt256.ZERO);
    state.applyStorage(BOB, UInt256.valueOf(2), UInt256.valueOf(7));
    state.setBalance(CAROL, UInt256.valueOf(100));
    state.commitTransaction();

    assertThat(encoded(state.miniBlockDiff())).isEqualTo(encoded(expected.miniBlockDiff()));
    assertThat(state.trieState().computeRoot()).isEqualTo(expected.trieState().computeRoot());
  }
}
