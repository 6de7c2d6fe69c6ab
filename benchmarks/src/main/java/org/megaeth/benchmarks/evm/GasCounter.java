package org.megaeth.benchmarks.evm;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Gas used by the measured transactions. As a throughput counter JMH reports it per second beside
 * the operations: gas/s, so Mgas/s is the score divided by 10^6.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class GasCounter {
  public long gas;

  @Setup(Level.Iteration)
  public void reset() {
    gas = 0;
  }
}
