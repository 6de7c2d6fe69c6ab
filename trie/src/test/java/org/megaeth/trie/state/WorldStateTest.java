package org.megaeth.trie.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.patricia.SecureMerklePatriciaTrie;

class WorldStateTest {
  private static final Address ALICE = Address.ofNumber(0xa11ce);
  private static final Address BOB = Address.ofNumber(0xb0b);
  private static final UInt256 SLOT = UInt256.valueOf(1);

  @Test
  void shouldHaveEmptyTrieRootWhenNoAccounts() {
    WorldState state = WorldState.create();

    assertThat(state.computeRoot()).isEqualTo(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
  }

  @Test
  void shouldMatchHandBuiltTriesWhenAccountHasStorageAndCode() {
    WorldState state = WorldState.create();
    state.setBalance(ALICE, Wei.of(1000));
    state.setNonce(ALICE, 7);
    state.setCode(ALICE, Bytes.of(0x60, 0x00));
    state.setStorage(ALICE, SLOT, UInt256.valueOf(0x80));

    Hash root = state.computeRoot();

    SecureMerklePatriciaTrie storage = SecureMerklePatriciaTrie.create();
    storage.put(Bytes.wrap(SLOT.toBytes32()), Bytes.of(0x81, 0x80));
    Account expected =
        new Account(7, Wei.of(1000), storage.rootHash(), Keccak.hash(Bytes.of(0x60, 0x00)));
    SecureMerklePatriciaTrie accounts = SecureMerklePatriciaTrie.create();
    accounts.put(ALICE.bytes(), expected.encode());
    assertThat(root).isEqualTo(accounts.rootHash());
    assertThat(state.getAccount(ALICE)).contains(expected);
    assertThat(state.getCode(ALICE)).isEqualTo(Bytes.of(0x60, 0x00));
  }

  /**
   * A contract with at least {@link WorldState#PARALLEL_SLOTS} changed slots is updated and hashed
   * on the executor's threads too: same root, and the same witness, as on one thread.
   */
  @Test
  void shouldGiveSameRootAndWitnessWhenOneContractsSlotsAreHashedInParallel() {
    WorldState serial = WorldState.create();
    WorldState parallel = WorldState.create();
    for (WorldState state : List.of(serial, parallel)) {
      for (int i = 0; i < 2_000; i++) {
        state.setStorage(ALICE, UInt256.valueOf(i), UInt256.valueOf(i + 1));
      }
      state.setBalance(BOB, Wei.of(1));
      state.computeRoot();
      state.startRecording();
      // A block: a third of the slots change, a third go, new ones come.
      for (int i = 0; i < 3_000; i += 3) {
        state.setStorage(ALICE, UInt256.valueOf(i), UInt256.valueOf(7 * i + 1));
        state.setStorage(ALICE, UInt256.valueOf(i + 1), UInt256.ZERO);
      }
    }
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(2);
    try {
      Hash root = serial.computeRoot();
      StateWitness witness = serial.stopRecording();

      assertThat(parallel.computeRoot(pool)).isEqualTo(root);
      assertThat(parallel.stopRecording()).isEqualTo(witness);
      assertThat(parallel.getStorage(ALICE, UInt256.valueOf(2_997)))
          .isEqualTo(UInt256.valueOf(7 * 2_997 + 1));
      assertThat(parallel.getStorage(ALICE, UInt256.valueOf(2_998))).isEqualTo(UInt256.ZERO);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void shouldRestoreEarlierValuesWhenRevertedToCheckpoint() {
    WorldState state = WorldState.create();
    state.setBalance(ALICE, Wei.of(5));
    state.setStorage(ALICE, SLOT, UInt256.ONE);
    int checkpoint = state.checkpoint();

    state.setBalance(ALICE, Wei.of(6));
    state.setStorage(ALICE, SLOT, UInt256.valueOf(2));
    state.deleteAccount(ALICE);
    state.setBalance(BOB, Wei.of(1));
    state.revertTo(checkpoint);

    assertThat(state.getAccount(ALICE).map(Account::balance)).contains(Wei.of(5));
    assertThat(state.getStorage(ALICE, SLOT)).isEqualTo(UInt256.ONE);
    assertThat(state.getAccount(BOB)).isEmpty();
  }

  @Test
  void shouldSeeCommittedStorageAgainWhenDeletionIsReverted() {
    WorldState state = WorldState.create();
    state.setStorage(ALICE, SLOT, UInt256.ONE);
    Hash root = state.computeRoot();
    int checkpoint = state.checkpoint();

    state.deleteAccount(ALICE);
    state.revertTo(checkpoint);

    assertThat(state.getStorage(ALICE, SLOT)).isEqualTo(UInt256.ONE);
    assertThat(state.computeRoot()).isEqualTo(root);
  }

  @Test
  void shouldDropStorageWhenAccountIsDeletedOrCreatedAgain() {
    WorldState state = WorldState.create();
    state.setBalance(ALICE, Wei.of(5));
    state.setStorage(ALICE, SLOT, UInt256.ONE);
    state.setStorage(BOB, SLOT, UInt256.ONE);
    state.computeRoot();

    state.deleteAccount(ALICE);
    state.createAccount(BOB);

    assertThat(state.getStorage(ALICE, SLOT)).isEqualTo(UInt256.ZERO);
    assertThat(state.getStorage(BOB, SLOT)).isEqualTo(UInt256.ZERO);
    state.computeRoot();
    assertThat(state.getAccount(ALICE)).isEmpty();
    assertThat(state.getAccount(BOB)).contains(Account.EMPTY);
    assertThat(state.getStorage(BOB, SLOT)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldKeepBalanceWhenAccountIsCreatedAtFundedAddress() {
    WorldState state = WorldState.create();
    state.setBalance(ALICE, Wei.of(9));
    state.setNonce(ALICE, 3);

    state.createAccount(ALICE);

    assertThat(state.getAccount(ALICE)).contains(Account.EMPTY.withBalance(Wei.of(9)));
  }

  @Test
  void shouldFailWithMissingCodeWhenWitnessLacksCode() {
    WorldState state = WorldState.create();
    state.setCode(ALICE, Bytes.of(1, 2, 3));
    state.computeRoot();
    state.startRecording();
    state.getAccount(ALICE);
    state.computeRoot();
    StateWitness witness = state.stopRecording();

    WorldState stateless = WorldState.fromWitness(witness);

    assertThat(witness.codes()).isEmpty();
    assertThatThrownBy(() -> stateless.getCode(ALICE)).isInstanceOf(MissingCodeException.class);
  }

  @Test
  void shouldEncodeAnEndedRecordingAsItWasAfterTheStateChangedAgain() {
    // A block's seal ends the recording and encodes it later, on another thread, while the next
    // block changes the same accounts and slots: the witness must be the one of the block.
    WorldState state = populated();
    WorldState twin = populated();
    for (WorldState s : List.of(state, twin)) {
      s.startRecording();
      oneBlock(s, 1);
      s.computeRoot();
    }
    StateWitness eager = twin.stopRecording();
    WorldState.RecordedWitness ended = state.endRecording();
    oneBlock(state, 2); // the next block: the same keys again, and deletions that collapse branches
    state.computeRoot();

    StateWitness later = ended.encode();

    assertThat(later).isEqualTo(eager);
    WorldState stateless = WorldState.fromWitness(later);
    oneBlock(stateless, 1);
    assertThat(stateless.computeRoot()).isEqualTo(twin.computeRoot());
  }

  private static WorldState populated() {
    WorldState state = WorldState.create();
    for (int i = 0; i < 200; i++) {
      Address account = Address.ofNumber(i + 1);
      state.setBalance(account, Wei.of(i + 1));
      for (int slot = 0; slot < 20; slot++) {
        state.setStorage(account, UInt256.valueOf(slot), UInt256.valueOf(i * 100 + slot + 1));
      }
    }
    state.computeRoot();
    return state;
  }

  /** Changes every fifth account's balance and slots, and clears some slots. */
  private static void oneBlock(WorldState state, int round) {
    for (int i = round; i < 200; i += 5) {
      Address account = Address.ofNumber(i + 1);
      state.setBalance(account, Wei.of(1000L * round + i));
      state.getStorage(account, UInt256.valueOf(19));
      for (int slot = round; slot < 20; slot += 3) {
        state.setStorage(
            account, UInt256.valueOf(slot), slot % 2 == 0 ? UInt256.ZERO : UInt256.valueOf(round));
      }
    }
  }

  @Test
  void shouldRejectRecordingWhenChangesArePending() {
    WorldState state = WorldState.create();
    state.setBalance(ALICE, Wei.of(1));

    assertThatThrownBy(state::startRecording).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> state.revertTo(5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRoundTripWhenAccountIsEncoded() {
    Account account =
        new Account(-1L, Wei.of(UInt256.MAX), Keccak.hash(Bytes.of(1)), Keccak.hash(Bytes.of(2)));

    assertThat(Account.decode(account.encode())).isEqualTo(account);
    assertThat(Account.EMPTY.isEmpty()).isTrue();
  }
}
