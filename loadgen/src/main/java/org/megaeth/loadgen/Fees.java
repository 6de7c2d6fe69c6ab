package org.megaeth.loadgen;

import org.megaeth.core.types.Wei;

/** The EIP-1559 fee fields every transaction of the run is signed with. */
public record Fees(Wei maxFeePerGas, Wei maxPriorityFeePerGas) {
  public Fees {
    if (maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
      throw new IllegalArgumentException(
          "the tip " + maxPriorityFeePerGas + " exceeds the fee cap " + maxFeePerGas);
    }
  }
}
