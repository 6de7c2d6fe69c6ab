package org.megaeth.chain.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megaeth.chain.state.BlockState;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.WorldState;

/** A transaction's view: what it logs as read, when that still holds, and what it applies. */
class TxViewTest {
  private static final Address COINBASE = Address.ofNumber(0xc0);
  private static final Address ALICE = Address.ofNumber(0xa1);
  private static final Address BOB = Address.ofNumber(0xb0);
  private static final UInt256 SLOT = UInt256.valueOf(3);

  private final WorldState trie = genesis();
  private final ConcurrentOverlay overlay = new ConcurrentOverlay(trie, false);
  private final BlockState state = new BlockState(overlay, false);

  private static WorldState genesis() {
    WorldState state = WorldState.create();
    state.setBalance(COINBASE, Wei.of(1_000));
    state.setBalance(ALICE, Wei.of(500));
    state.setNonce(ALICE, 4);
    state.setStorage(BOB, SLOT, UInt256.valueOf(9));
    state.setNonce(BOB, 1);
    state.computeRoot();
    return state;
  }

  private TxView view() {
    return new TxView(overlay, COINBASE, number -> Hash.ZERO);
  }

  /** What the transaction processor does with the fee: a credit, with the EIP-161 check. */
  private static void payFee(TxView view, long fee) {
    view.addBalance(COINBASE, UInt256.valueOf(fee));
    if (view.exists(COINBASE) && view.isEmpty(COINBASE)) {
      view.deleteAccount(COINBASE);
    }
  }

  @Test
  void shouldStillHoldWhenAnEarlierTransactionPaidTheCoinbase() {
    TxView later = view();
    later.setNonce(ALICE, later.getNonce(ALICE) + 1);
    payFee(later, 7);
    later.commitTransaction();

    // An earlier transaction pays its fee meanwhile.
    state.addBalance(COINBASE, UInt256.valueOf(3));
    state.commitTransaction();

    assertThat(later.validate(state, number -> Hash.ZERO)).isTrue();
    later.applyTo(state);
    assertThat(state.getBalance(COINBASE)).isEqualTo(UInt256.valueOf(1_010));
    assertThat(state.getNonce(ALICE)).isEqualTo(5);
  }

  @Test
  void shouldNotHoldWhenItReadTheCoinbaseBalanceThatAnEarlierTransactionChanged() {
    TxView later = view();
    UInt256 seen = later.getBalance(COINBASE); // BALANCE(COINBASE)
    later.setStorage(BOB, SLOT, seen);
    payFee(later, 7);
    later.commitTransaction();

    state.addBalance(COINBASE, UInt256.valueOf(3));
    state.commitTransaction();

    assertThat(later.validate(state, number -> Hash.ZERO)).isFalse();
  }

  @Test
  void shouldReadTheCoinbaseBalanceWithItsOwnCreditAdded() {
    TxView view = view();
    view.addBalance(COINBASE, UInt256.valueOf(7));

    assertThat(view.getBalance(COINBASE)).isEqualTo(UInt256.valueOf(1_007));
  }

  @Test
  void shouldApplyOnlyTheFieldsItSet() {
    TxView later = view();
    later.setNonce(ALICE, later.getNonce(ALICE) + 1);
    later.commitTransaction();

    // An earlier transaction pays Alice: the later one never read her balance.
    state.addBalance(ALICE, UInt256.valueOf(100));
    state.commitTransaction();

    assertThat(later.validate(state, number -> Hash.ZERO)).isTrue();
    later.applyTo(state);
    assertThat(state.getBalance(ALICE)).isEqualTo(UInt256.valueOf(600));
    assertThat(state.getNonce(ALICE)).isEqualTo(5);
  }

  @Test
  void shouldNotHoldWhenASlotItReadChanged() {
    TxView later = view();
    later.setStorage(BOB, SLOT, later.getStorage(BOB, SLOT).add(UInt256.ONE));
    later.commitTransaction();

    state.setStorage(BOB, SLOT, UInt256.valueOf(10));
    state.commitTransaction();

    assertThat(later.validate(state, number -> Hash.ZERO)).isFalse();
  }

  @Test
  void shouldUndoWritesBackToASnapshot() {
    TxView view = view();
    view.setStorage(BOB, SLOT, UInt256.valueOf(1));
    int snapshot = view.snapshot();
    view.setStorage(BOB, SLOT, UInt256.valueOf(2));
    view.setBalance(ALICE, UInt256.ZERO);
    view.setTransientStorage(BOB, SLOT, UInt256.ONE);
    view.revertToSnapshot(snapshot);

    assertThat(view.getStorage(BOB, SLOT)).isEqualTo(UInt256.valueOf(1));
    assertThat(view.getOriginalStorage(BOB, SLOT)).isEqualTo(UInt256.valueOf(9));
    assertThat(view.getBalance(ALICE)).isEqualTo(UInt256.valueOf(500));
    assertThat(view.getTransientStorage(BOB, SLOT)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldSeeAnAccountItDeletedAsGoneWithItsStorage() {
    TxView view = view();
    view.setStorage(BOB, UInt256.ONE, UInt256.valueOf(5));
    view.deleteAccount(BOB);

    assertThat(view.exists(BOB)).isFalse();
    assertThat(view.isEmpty(BOB)).isTrue();
    assertThat(view.getStorage(BOB, SLOT)).isEqualTo(UInt256.ZERO);
    assertThat(view.getStorage(BOB, UInt256.ONE)).isEqualTo(UInt256.ZERO);
    assertThat(view.hasStorage(BOB)).isFalse();
    view.commitTransaction();
    assertThat(view.validate(state, number -> Hash.ZERO)).isTrue();
    view.applyTo(state);
    assertThat(state.exists(BOB)).isFalse();
  }

  @Test
  void shouldGiveUpOnHasStorageAfterClearingSlotsItself() {
    TxView view = view();
    view.setStorage(BOB, SLOT, UInt256.ZERO);

    view.hasStorage(BOB);

    assertThat(view.abandoned()).isNotNull();
  }
}
