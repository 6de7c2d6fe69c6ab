package org.megaeth.sequencer.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaeth.core.api.AccountProof;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.diff.AccountDiff;
import org.megaeth.core.diff.AccountInfo;
import org.megaeth.core.diff.SlotChange;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.state.Account;

/**
 * However the pending state groups and merges its mini-block layers, every read after every
 * mini-block equals what applying the diffs one by one to the sealed state gives: accounts created,
 * changed and deleted, storage written, cleared, and recreated after a deletion.
 */
class PendingStatePropertyTest {
  private static final int ADDRESSES = 8;
  private static final int SLOTS = 6;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void shouldReadWhatTheDiffsAppliedInOrderGive(int seed) {
    Random random = new Random(seed);
    Model model = new Model(random);
    PendingState state = PendingState.of(model.base, 0);
    int miniBlocks = 50 + random.nextInt(400);
    for (int sequence = 1; sequence <= miniBlocks; sequence++) {
      StateDiff diff = model.randomDiff(random);
      state = state.with(diff, sequence);
      model.apply(diff);
      model.check(state);
    }
  }

  /** The sealed state plus the diffs applied one at a time, the simple way. */
  private static final class Model {
    final MapBaseState base = new MapBaseState();
    final List<Address> addresses = new ArrayList<>();

    /** The newest info per touched address; null marks a deletion. */
    final Map<Address, AccountInfo> accounts = new HashMap<>();

    final Set<Address> deleted = new HashSet<>();

    /** Storage written since the sealed state; the sealed storage hidden when in {@link #wiped}. */
    final Map<Address, Map<UInt256, UInt256>> storage = new HashMap<>();

    final Set<Address> wiped = new HashSet<>();

    Model(Random random) {
      for (int i = 0; i < ADDRESSES; i++) {
        Address address = Address.ofNumber(0x1000 + i);
        addresses.add(address);
        if (random.nextBoolean()) {
          base.accounts.put(
              address,
              new Account(
                  random.nextInt(5),
                  Wei.of(random.nextInt(1000)),
                  Hash.wrap(Keccak.keccak256(address.bytes().toArray())),
                  Keccak.EMPTY));
          for (int s = 0; s < SLOTS; s++) {
            if (random.nextBoolean()) {
              base.slots.put(key(address, slot(s)), UInt256.valueOf(1 + random.nextInt(9)));
            }
          }
        }
      }
    }

    boolean exists(Address address) {
      if (deleted.contains(address)) {
        return false;
      }
      return accounts.containsKey(address) || base.accounts.containsKey(address);
    }

    StateDiff randomDiff(Random random) {
      TreeMap<Address, AccountDiff> diffs = new TreeMap<>();
      int touched = 1 + random.nextInt(3);
      for (int t = 0; t < touched; t++) {
        Address address = addresses.get(random.nextInt(ADDRESSES));
        if (exists(address) && random.nextInt(8) == 0) {
          diffs.put(address, AccountDiff.deletion(address));
          continue;
        }
        boolean clear = random.nextInt(10) == 0;
        // An account that does not exist is (re)created with its fields; one that exists may
        // change only its storage.
        Optional<AccountInfo> info =
            !exists(address) || clear || random.nextBoolean()
                ? Optional.of(
                    new AccountInfo(
                        random.nextInt(100),
                        UInt256.valueOf(random.nextInt(100_000)),
                        Keccak.EMPTY,
                        Optional.empty()))
                : Optional.empty();
        TreeMap<UInt256, SlotChange> slots = new TreeMap<>();
        int writes = random.nextInt(3);
        for (int w = 0; w < writes; w++) {
          UInt256 slot = slot(random.nextInt(SLOTS));
          slots.put(
              slot,
              new SlotChange(
                  slot,
                  random.nextInt(4) == 0 ? UInt256.ZERO : UInt256.valueOf(random.nextInt(50))));
        }
        diffs.put(
            address, new AccountDiff(address, false, clear, info, new ArrayList<>(slots.values())));
      }
      return new StateDiff(new ArrayList<>(diffs.values()));
    }

    void apply(StateDiff diff) {
      for (AccountDiff account : diff.accounts()) {
        Address address = account.address();
        if (account.deleted()) {
          deleted.add(address);
          accounts.remove(address);
          storage.remove(address);
          wiped.add(address);
          continue;
        }
        if (account.storageCleared() || deleted.contains(address)) {
          storage.remove(address);
          wiped.add(address);
        }
        deleted.remove(address);
        account.info().ifPresent(info -> accounts.put(address, info));
        for (SlotChange slot : account.slots()) {
          storage.computeIfAbsent(address, a -> new HashMap<>()).put(slot.key(), slot.value());
        }
      }
    }

    void check(PendingState state) {
      for (Address address : addresses) {
        Optional<Account> read = state.account(address);
        if (!exists(address)) {
          assertThat(read).as("%s", address).isEmpty();
        } else {
          AccountInfo info = accounts.get(address);
          Account expected = info == null ? base.accounts.get(address) : null;
          assertThat(read).as("%s", address).isPresent();
          assertThat(read.get().nonce()).isEqualTo(info != null ? info.nonce() : expected.nonce());
          assertThat(read.get().balance())
              .isEqualTo(info != null ? Wei.of(info.balance()) : expected.balance());
        }
        for (int s = 0; s < SLOTS; s++) {
          UInt256 slot = slot(s);
          UInt256 expected;
          Map<UInt256, UInt256> written = storage.get(address);
          if (!exists(address)) {
            expected = UInt256.ZERO;
          } else if (written != null && written.containsKey(slot)) {
            expected = written.get(slot);
          } else if (wiped.contains(address)) {
            expected = UInt256.ZERO;
          } else {
            expected = base.storage(address, slot);
          }
          assertThat(state.storage(address, slot)).as("%s slot %s", address, s).isEqualTo(expected);
        }
      }
    }
  }

  private static UInt256 slot(int s) {
    return UInt256.valueOf(s + 1);
  }

  private static Bytes key(Address address, UInt256 slot) {
    return Bytes.concatenate(address.bytes(), Bytes.wrap(slot.toBytes32()));
  }

  /** A sealed state in two maps. */
  private static final class MapBaseState implements BaseState {
    final Map<Address, Account> accounts = new HashMap<>();
    final Map<Bytes, UInt256> slots = new HashMap<>();

    @Override
    public Hash rootHash() {
      return MerklePatriciaTrie.EMPTY_TRIE_ROOT;
    }

    @Override
    public Optional<Account> account(Address address) {
      return Optional.ofNullable(accounts.get(address));
    }

    @Override
    public UInt256 storage(Address address, UInt256 slot) {
      return slots.getOrDefault(key(address, slot), UInt256.ZERO);
    }

    @Override
    public Optional<Bytes> code(Hash codeHash) {
      return Optional.empty();
    }

    @Override
    public AccountProof proof(Address address, List<UInt256> slots) {
      throw new UnsupportedOperationException("not read by this test");
    }
  }
}
