package org.megaeth.trie.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
