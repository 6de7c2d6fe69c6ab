package org.megaeth.chain.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.chain.state.StateDiffApplier;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.diff.AccountDiff;
import org.megaeth.core.diff.AccountInfo;
import org.megaeth.core.diff.InvalidStateDiffException;
import org.megaeth.core.diff.SlotChange;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.trie.state.Account;
import org.megaeth.trie.state.WorldState;

/**
 * Blocks made of state diffs, for the stored-state tests: a diff is applied to a state, and the
 * block carrying it is an empty block whose header has the resulting state root. The chain store
 * does not re-execute, so such blocks exercise the state's storage with any change a block can make
 * (slots, code, deletions, wiped storage) without building transactions for each.
 */
final class DiffChain {
  private DiffChain() {}

  /** Applies {@code diff} to {@code state}, computes the root, and wraps both in a child block. */
  static BlockResult.Valid apply(BlockHeader parent, WorldState state, StateDiff diff) {
    try {
      StateDiffApplier.apply(diff, state);
    } catch (InvalidStateDiffException e) {
      throw new AssertionError(e);
    }
    Hash root = state.computeRoot();
    return new BlockResult.Valid(
        new Block(child(parent, root), BlockBody.EMPTY), List.of(), diff, Optional.empty());
  }

  static BlockHeader child(BlockHeader parent, Hash stateRoot) {
    return new BlockHeader(
        parent.hash(),
        parent.ommersHash(),
        parent.coinbase(),
        stateRoot,
        parent.transactionsRoot(),
        parent.receiptsRoot(),
        parent.logsBloom(),
        parent.difficulty(),
        parent.number() + 1,
        parent.gasLimit(),
        0,
        parent.timestamp() + 1,
        Bytes.EMPTY,
        parent.mixHash(),
        0,
        parent.baseFeePerGas(),
        parent.withdrawalsRoot(),
        parent.blobGasUsed(),
        parent.excessBlobGas(),
        parent.parentBeaconBlockRoot(),
        parent.requestsHash());
  }

  static Address address(int i) {
    return Address.ofNumber(0x1000 + i);
  }

  static AccountInfo info(long nonce, long balance) {
    return new AccountInfo(nonce, UInt256.valueOf(balance), Keccak.EMPTY, Optional.empty());
  }

  static AccountInfo infoWithCode(long nonce, Bytes code) {
    return new AccountInfo(nonce, UInt256.ONE, Keccak.hash(code), Optional.of(code));
  }

  static AccountDiff account(Address address, AccountInfo info, SlotChange... slots) {
    return new AccountDiff(address, false, false, Optional.of(info), List.of(slots));
  }

  /** One diff; {@code accounts} need not be sorted. */
  static StateDiff diff(AccountDiff... accounts) {
    TreeMap<Address, AccountDiff> sorted = new TreeMap<>();
    for (AccountDiff account : accounts) {
      sorted.put(account.address(), account);
    }
    return new StateDiff(List.copyOf(sorted.values()));
  }

  static SlotChange slot(long key, long value) {
    return new SlotChange(UInt256.valueOf(key), UInt256.valueOf(value));
  }

  /**
   * A random diff over {@code accounts} addresses and {@code slotKeys} slot keys: new nonces and
   * balances, slot writes (a quarter of them zero, i.e. deletions), now and then new code, an
   * account deleted, or an account's storage wiped and written again. {@code parent} is the state
   * it applies to (a diff that keeps an account's code repeats its code hash).
   */
  static StateDiff random(
      Random random, WorldState parent, int accounts, int slotKeys, int changes) {
    TreeMap<Address, AccountDiff> diffs = new TreeMap<>();
    for (int i = 0; i < changes; i++) {
      Address address = address(random.nextInt(accounts));
      int kind = random.nextInt(20);
      if (kind == 0) {
        diffs.put(address, AccountDiff.deletion(address));
        continue;
      }
      TreeMap<UInt256, SlotChange> slots = new TreeMap<>();
      int slotCount = random.nextInt(6);
      for (int s = 0; s < slotCount; s++) {
        UInt256 key = UInt256.valueOf(random.nextInt(slotKeys));
        long value = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1_000_000);
        slots.put(key, new SlotChange(key, UInt256.valueOf(value)));
      }
      boolean wipe = kind == 2;
      Hash codeHash =
          wipe
              ? Keccak.EMPTY
              : parent.getAccount(address).map(Account::codeHash).orElse(Keccak.EMPTY);
      AccountInfo info =
          kind == 1 || !codeHash.equals(Keccak.EMPTY)
              ? infoWithCode(1 + random.nextInt(9), Bytes.of(0x60, random.nextInt(256), 0x00))
              : info(1 + random.nextInt(1000), random.nextInt(1_000_000_000));
      diffs.put(
          address,
          new AccountDiff(
              address, false, wipe, Optional.of(info), new ArrayList<>(slots.values())));
    }
    return new StateDiff(List.copyOf(diffs.values()));
  }
}
