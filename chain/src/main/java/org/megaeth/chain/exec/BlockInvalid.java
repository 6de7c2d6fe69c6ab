package org.megaeth.chain.exec;

import java.util.Objects;

/** Why a block was rejected: the rule it broke and the specifics (expected and actual values). */
public record BlockInvalid(BlockRule rule, String detail) {
  public BlockInvalid {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
  }

  /** One line: the rule's description, then the specifics. */
  public String message() {
    return detail.isEmpty() ? rule.description() : rule.description() + ": " + detail;
  }

  @Override
  public String toString() {
    return rule + " (" + message() + ")";
  }
}
