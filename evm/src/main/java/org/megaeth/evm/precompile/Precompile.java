package org.megaeth.evm.precompile;

import org.megaeth.core.types.Address;

/**
 * A precompiled contract: a stateless pure function of its input. The caller charges {@link
 * #gasCost} before calling {@link #execute}, so no work is done for a call that cannot pay.
 */
public interface Precompile {
  Address address();

  /** The gas {@code input} costs; {@link Long#MAX_VALUE} when no gas limit could pay it. */
  long gasCost(byte[] input);

  PrecompileResult execute(byte[] input);
}
