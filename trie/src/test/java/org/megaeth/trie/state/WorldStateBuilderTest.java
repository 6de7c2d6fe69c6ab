package org.megaeth.trie.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ForkJoinPool;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerklePatriciaTrie;

class WorldStateBuilderTest {
  private static final Address ALICE = Address.ofNumber(0xa11ce);
  private static final Bytes CODE = Bytes.of(0x60, 0x00, 0x00);

  @Test
  void shouldGiveTheSameRootAndAWorkingStateWhenBuiltFromAFrozenState() {
    WorldState original = WorldState.create();
    for (int i = 0; i < 40_000; i++) {
      Address a = Address.ofNumber(i + 1);
      original.setBalance(a, Wei.of(i));
      if (i % 10 == 0) {
        original.setStorage(a, UInt256.valueOf(i), UInt256.valueOf(i + 1));
        original.setCode(a, CODE);
      }
    }
    for (int s = 0; s < 40_000; s++) { // one account with more slots than one batch
      original.setStorage(ALICE, UInt256.valueOf(s), UInt256.valueOf(s + 7));
    }
    Hash root = original.computeRoot();
    ForkJoinPool pool = new ForkJoinPool(2);

    WorldState copy;
    try {
      copy = build(original.freeze(), pool);
    } finally {
      pool.shutdown();
    }

    assertThat(copy.rootHash()).isEqualTo(root);
    assertThat(copy.getStorage(ALICE, UInt256.valueOf(123))).isEqualTo(UInt256.valueOf(130));
    assertThat(copy.getCode(Address.ofNumber(11))).isEqualTo(CODE);
    // The built state keeps working as a normal one, frozen views included.
    copy.setStorage(ALICE, UInt256.valueOf(123), UInt256.ZERO);
    original.setStorage(ALICE, UInt256.valueOf(123), UInt256.ZERO);
    assertThat(copy.computeRoot()).isEqualTo(original.computeRoot());
    assertThat(copy.freeze().getStorage(ALICE, UInt256.valueOf(123))).isEqualTo(UInt256.ZERO);
    assertThat(FrozenStateTest.rebuiltRoot(copy.freeze())).isEqualTo(copy.rootHash());
  }

  @Test
  void shouldRejectWhenStorageRootDoesNotMatchSlots() throws InvalidStateException {
    WorldStateBuilder builder = new WorldStateBuilder();
    builder.putAccount(ALICE, Account.EMPTY.withStorageRoot(Keccak.hash(Bytes.of(1))));
    builder.putStorage(ALICE, UInt256.ONE, UInt256.ONE);

    assertThatThrownBy(() -> builder.build(null))
        .isInstanceOf(InvalidStateException.class)
        .hasMessageContaining("storage root")
        .hasMessageContaining(ALICE.toString());
  }

  @Test
  void shouldRejectWhenSlotsBelongToNoAccountOrRootHasNoSlots() throws InvalidStateException {
    WorldStateBuilder orphan = new WorldStateBuilder();
    orphan.putStorage(ALICE, UInt256.ONE, UInt256.ONE);
    WorldStateBuilder missing = new WorldStateBuilder();
    missing.putAccount(ALICE, Account.EMPTY.withStorageRoot(Keccak.hash(Bytes.of(1))));

    assertThatThrownBy(() -> orphan.build(null)).hasMessageContaining("missing account");
    assertThatThrownBy(() -> missing.build(null)).hasMessageContaining("no slots");
  }

  @Test
  void shouldRejectWhenCodeIsMissingOrAccountIsRepeated() throws InvalidStateException {
    WorldStateBuilder builder = new WorldStateBuilder();
    builder.putAccount(ALICE, Account.EMPTY.withCodeHash(Keccak.hash(CODE)));

    assertThatThrownBy(() -> builder.putAccount(ALICE, Account.EMPTY))
        .isInstanceOf(InvalidStateException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> builder.build(null)).hasMessageContaining("no such code");
  }

  @Test
  void shouldRejectZeroSlotsAndBuildTheEmptyState() throws InvalidStateException {
    WorldStateBuilder builder = new WorldStateBuilder();

    assertThatThrownBy(() -> builder.putStorage(ALICE, UInt256.ONE, UInt256.ZERO))
        .hasMessageContaining("zero");
    assertThat(new WorldStateBuilder().build(null).rootHash())
        .isEqualTo(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
  }

  private static WorldState build(FrozenState view, ForkJoinPool pool) {
    WorldStateBuilder builder = new WorldStateBuilder();
    try {
      var accounts = view.accounts();
      while (accounts.hasNext()) {
        FrozenState.AccountEntry e = accounts.next();
        builder.putAccount(e.address(), e.account());
        if (e.account().hasCode()) {
          builder.putCode(view.getCodeByHash(e.account().codeHash()).orElseThrow());
        }
        var slots = view.storage(e.address());
        while (slots.hasNext()) {
          FrozenState.SlotEntry s = slots.next();
          builder.putStorage(e.address(), s.slot(), s.value());
        }
      }
      return builder.build(pool);
    } catch (InvalidStateException e) {
      throw new AssertionError(e);
    }
  }
}
