package org.megaeth.evm;

import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.frame.Substate;
import org.megaeth.evm.state.WorldState;
import org.megaeth.evm.tracing.Tracer;

/**
 * What every frame of one transaction shares: the fork's spec, the block and transaction
 * environments, the world state, the accrued substate, the code cache, and the tracer (null when
 * none is attached).
 */
public final class ExecutionContext {
  public final EvmSpec spec;
  public final BlockEnv block;
  public final TxEnv tx;
  public final WorldState world;
  public final Substate substate;
  public final CodeCache codeCache;
  public final Tracer tracer;

  public ExecutionContext(
      EvmSpec spec,
      BlockEnv block,
      TxEnv tx,
      WorldState world,
      Substate substate,
      CodeCache codeCache,
      Tracer tracer) {
    this.spec = spec;
    this.block = block;
    this.tx = tx;
    this.world = world;
    this.substate = substate;
    this.codeCache = codeCache;
    this.tracer = tracer;
  }
}
