package org.megaeth.chain.exec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.witness.ExecutionWitness;

/** What executing a block gave: accepted with its artifacts, or rejected with the rule it broke. */
public sealed interface BlockResult permits BlockResult.Valid, BlockResult.Invalid {

  /**
   * The block is valid and its changes are committed to the state.
   *
   * @param witness present when it was asked for
   */
  record Valid(
      Block block, List<Receipt> receipts, StateDiff diff, Optional<ExecutionWitness> witness)
      implements BlockResult {
    public Valid {
      Objects.requireNonNull(block, "block");
      receipts = List.copyOf(receipts);
      Objects.requireNonNull(diff, "diff");
      Objects.requireNonNull(witness, "witness");
    }
  }

  /** The block is invalid; the state is as it was before. */
  record Invalid(BlockInvalid reason) implements BlockResult {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }

    public static Invalid of(BlockRule rule, String detail) {
      return new Invalid(new BlockInvalid(rule, detail));
    }
  }
}
