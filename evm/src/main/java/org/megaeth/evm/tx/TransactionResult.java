package org.megaeth.evm.tx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.block.Log;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.evm.frame.HaltReason;

/** What processing one transaction did: refused it, or executed it (successfully or not). */
public sealed interface TransactionResult
    permits TransactionResult.Invalid, TransactionResult.Executed {

  /** The transaction is not valid here; the state is unchanged. */
  record Invalid(TransactionValidity.Invalid reason) implements TransactionResult {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The transaction was included: gas was bought, fees paid, and the state changed.
   *
   * @param success the EIP-658 status
   * @param gasUsed what the block's gas counter advances by (after refunds; EIP-7623 floor)
   * @param refund the refund applied (already deducted from gasUsed)
   * @param logs empty unless successful
   * @param output RETURN or REVERT data of the top frame
   * @param haltReason set when the top frame halted exceptionally
   * @param createdAddress set for a successful contract creation
   */
  record Executed(
      int type,
      boolean success,
      long gasUsed,
      long refund,
      List<Log> logs,
      byte[] output,
      Optional<HaltReason> haltReason,
      Optional<Address> createdAddress)
      implements TransactionResult {
    public Executed {
      logs = List.copyOf(logs);
    }

    /** The receipt, given the block's gas used before this transaction. */
    public Receipt receipt(long cumulativeGasUsedBefore) {
      return Receipt.of(type, success, cumulativeGasUsedBefore + gasUsed, logs);
    }
  }
}
