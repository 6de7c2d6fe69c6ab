package org.megaeth.chain.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.Account;
import org.megaeth.trie.state.StateWitness;
import org.megaeth.trie.state.WorldState;

/**
 * The overlay against the trie state it stands in for: the same random reads, writes, deletions,
 * checkpoints and reverts on both give the same values, the same root, and (recording a witness)
 * the same trie nodes and codes. Reads and writes go by address or, at random, through the entries
 * the overlay hands out as handles (what the parallel executor's checks and applies use).
 */
class ConcurrentOverlayTest {
  private static final List<Address> ADDRESSES = new ArrayList<>();
  private static final List<Bytes> CODES =
      List.of(Bytes.EMPTY, Bytes.fromHexString("0x00"), Bytes.fromHexString("0x6001600055"));

  static {
    for (int i = 1; i <= 8; i++) {
      ADDRESSES.add(Address.ofNumber(0x100 + i));
    }
  }

  /** Half the addresses exist, with balance, code and a few slots; the rest do not. */
  private static WorldState genesis() {
    WorldState state = WorldState.create();
    for (int i = 0; i < 4; i++) {
      Address address = ADDRESSES.get(i);
      state.setBalance(address, Wei.of(1000 + i));
      state.setNonce(address, i);
      state.setCode(address, CODES.get(i % CODES.size()));
      for (int slot = 0; slot < 3; slot++) {
        state.setStorage(address, UInt256.valueOf(slot), UInt256.valueOf(7 * i + slot + 1));
      }
    }
    state.computeRoot();
    return state;
  }

  @Test
  void shouldBehaveAsTheTrieStateAndRecordTheSameWitness() {
    for (int seed = 0; seed < 400; seed++) {
      Random random = new Random(seed);
      WorldState trie = genesis();
      trie.startRecording();
      WorldState under = genesis();
      ConcurrentOverlay overlay = new ConcurrentOverlay(under, true);
      List<Integer> trieMarks = new ArrayList<>();
      List<Integer> overlayMarks = new ArrayList<>();
      for (int op = 0; op < 120; op++) {
        Address address = ADDRESSES.get(random.nextInt(ADDRESSES.size()));
        UInt256 slot = UInt256.valueOf(random.nextInt(5));
        String where = "seed %d op %d".formatted(seed, op);
        switch (random.nextInt(11)) {
          case 0 ->
              assertThat(
                      random.nextBoolean()
                          ? overlay.getAccount(address)
                          : overlay.getAccount(address, overlay.accountHandle(address)))
                  .as(where)
                  .isEqualTo(trie.getAccount(address));
          case 1 ->
              assertThat(
                      random.nextBoolean()
                          ? overlay.getStorage(address, slot)
                          : overlay.getStorage(address, slot, slotHandle(overlay, address, slot)))
                  .as(where)
                  .isEqualTo(trie.getStorage(address, slot));
          case 2 -> assertThat(overlay.getCode(address)).as(where).isEqualTo(trie.getCode(address));
          case 3 -> {
            long nonce = random.nextInt(4);
            trie.setNonce(address, nonce);
            overlay.setNonce(address, nonce);
          }
          case 4 -> {
            Wei balance = Wei.of(random.nextInt(3));
            if (random.nextBoolean()) {
              trie.setBalance(address, balance);
              overlay.setBalance(address, balance);
            } else {
              long nonce = random.nextInt(4);
              trie.setNonce(address, nonce);
              trie.setBalance(address, balance);
              overlay.setNonceAndBalance(address, nonce, balance, overlay.accountHandle(address));
            }
          }
          case 5 -> {
            Bytes code = CODES.get(random.nextInt(CODES.size()));
            trie.setCode(address, code);
            overlay.setCode(address, code);
          }
          case 6, 7 -> {
            UInt256 value = UInt256.valueOf(random.nextInt(3));
            trie.setStorage(address, slot, value);
            if (random.nextBoolean()) {
              overlay.setStorage(address, slot, value);
            } else {
              overlay.setStorage(address, slot, value, slotHandle(overlay, address, slot));
            }
          }
          case 8 -> {
            trie.deleteAccount(address);
            overlay.deleteAccount(address);
          }
          case 9 -> {
            trieMarks.add(trie.checkpoint());
            overlayMarks.add(overlay.checkpoint());
          }
          default -> {
            if (!trieMarks.isEmpty()) {
              int mark = random.nextInt(trieMarks.size());
              trie.revertTo(trieMarks.get(mark));
              overlay.revertTo(overlayMarks.get(mark));
              trieMarks.subList(mark, trieMarks.size()).clear();
              overlayMarks.subList(mark, overlayMarks.size()).clear();
            }
          }
        }
        if (random.nextInt(4) == 0) {
          // What a worker sees is what the committing thread sees (read on both, as both record).
          Optional<Account> account = trie.getAccount(address);
          assertThat(overlay.getAccount(address)).as(where).isEqualTo(account);
          assertThat(overlay.peekAccount(address)).as(where).isEqualTo(account.orElse(null));
          UInt256 value = trie.getStorage(address, slot);
          assertThat(overlay.getStorage(address, slot)).as(where).isEqualTo(value);
          assertThat(overlay.peekStorage(address, slot)).as(where).isEqualTo(value);
          assertThat(overlay.peekAccount(overlay.accountHandle(address)))
              .as(where)
              .isEqualTo(account.orElse(null));
          assertThat(overlay.peekStorage(slotHandle(overlay, address, slot)))
              .as(where)
              .isEqualTo(value);
        }
      }
      // As the committing thread's reads were, for the witness, the trie's recording reads.
      ADDRESSES.forEach(trie::getAccount);
      ADDRESSES.forEach(overlay::getAccount);
      trie.computeRoot();
      StateWitness expected = trie.stopRecording();
      overlay.flush();
      under.computeRoot();
      StateWitness actual = under.stopRecording();
      assertThat(under.rootHash()).as("seed %d", seed).isEqualTo(trie.rootHash());
      assertThat(actual.nodes()).as("seed %d", seed).isEqualTo(expected.nodes());
      assertThat(overlay.codesRead()).as("seed %d", seed).isEqualTo(expected.codes());
      for (Address address : ADDRESSES) {
        assertThat(overlay.getAccount(address)).isEqualTo(trie.getAccount(address));
      }
    }
  }

  private static ConcurrentOverlay.SlotEntry slotHandle(
      ConcurrentOverlay overlay, Address address, UInt256 slot) {
    return overlay.slotHandle(overlay.accountHandle(address), slot);
  }

  @Test
  void shouldRefuseAStateWithPendingChanges() {
    WorldState state = genesis();
    state.setNonce(ADDRESSES.get(5), 1);

    assertThatThrownBy(() -> new ConcurrentOverlay(state, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the state has pending changes");
  }

  @Test
  void shouldRefuseWritesOnceFlushed() {
    ConcurrentOverlay overlay = new ConcurrentOverlay(genesis(), false);
    overlay.flush();

    assertThatThrownBy(() -> overlay.setNonce(ADDRESSES.get(0), 9))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldLeaveTheTrieStateUntouchedUntilFlushed() {
    WorldState state = genesis();
    ConcurrentOverlay overlay = new ConcurrentOverlay(state, false);
    overlay.setBalance(ADDRESSES.get(0), Wei.of(5));
    overlay.deleteAccount(ADDRESSES.get(1));

    assertThat(state.checkpoint()).isZero();
    assertThat(state.getAccount(ADDRESSES.get(1))).isPresent();
    overlay.flush();
    assertThat(state.getAccount(ADDRESSES.get(0)).orElseThrow().balance()).isEqualTo(Wei.of(5));
    assertThat(state.getAccount(ADDRESSES.get(1))).isEmpty();
  }
}
