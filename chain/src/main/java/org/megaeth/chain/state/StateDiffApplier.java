package org.megaeth.chain.state;

import org.megaeth.core.diff.AccountDiff;
import org.megaeth.core.diff.AccountInfo;
import org.megaeth.core.diff.InvalidStateDiffException;
import org.megaeth.core.diff.SlotChange;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.Account;
import org.megaeth.trie.state.WorldState;

/**
 * Applies a block's state diff to its parent's state, the way a full node follows the chain without
 * re-executing. The changes stay pending: the caller computes the root and compares it with the
 * header's (or reverts).
 */
public final class StateDiffApplier {
  private StateDiffApplier() {}

  /**
   * @throws InvalidStateDiffException if the diff does not fit the state: it changes an account's
   *     code hash without carrying the code. The state must then be reverted by the caller.
   */
  public static void apply(StateDiff diff, WorldState state) throws InvalidStateDiffException {
    for (AccountDiff account : diff.accounts()) {
      if (account.deleted()) {
        state.deleteAccount(account.address());
        continue;
      }
      if (account.storageCleared()) {
        state.createAccount(account.address());
      }
      if (account.info().isPresent()) {
        AccountInfo info = account.info().get();
        state.setNonce(account.address(), info.nonce());
        state.setBalance(account.address(), Wei.of(info.balance()));
        if (info.code().isPresent()) {
          state.setCode(account.address(), info.code().get());
        } else {
          Hash current =
              state
                  .getAccount(account.address())
                  .map(Account::codeHash)
                  .orElse(Account.EMPTY.codeHash());
          if (!current.equals(info.codeHash())) {
            throw new InvalidStateDiffException(
                "account %s changes its code hash to %s without the code"
                    .formatted(account.address(), info.codeHash()));
          }
        }
      }
      for (SlotChange slot : account.slots()) {
        state.setStorage(account.address(), slot.key(), slot.value());
      }
    }
  }
}
