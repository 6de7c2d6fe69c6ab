package org.megaeth.evm.frame;

import java.util.Optional;
import org.megaeth.core.types.Address;

/**
 * How a message (a call or a creation) ended.
 *
 * @param exit an {@link Exit} code: STOP/RETURN/SELFDESTRUCT succeed, REVERT reverts, {@link
 *     Exit#FAILED} means it never started (depth, balance, nonce), others are exceptional halts
 * @param gasLeft gas returned to the caller
 * @param output RETURN or REVERT data
 * @param createdAddress the new contract for a successful creation
 */
public record MessageResult(
    int exit, long gasLeft, byte[] output, Optional<Address> createdAddress) {

  public boolean isSuccess() {
    return exit == Exit.STOP || exit == Exit.RETURN || exit == Exit.SELFDESTRUCT;
  }

  public boolean isRevert() {
    return exit == Exit.REVERT;
  }

  public Optional<HaltReason> haltReason() {
    return Exit.isHalt(exit) ? Optional.of(Exit.haltReason(exit)) : Optional.empty();
  }
}
