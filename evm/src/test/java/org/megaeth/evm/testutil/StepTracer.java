package org.megaeth.evm.testutil;

import java.util.ArrayList;
import java.util.List;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.tracing.Tracer;

/** Records, per executed instruction at depth 0, the opcode and the gas it cost in total. */
public final class StepTracer implements Tracer {
  public record Step(int opcode, long gasBefore) {}

  public final List<Step> steps = new ArrayList<>();
  public final List<Long> costs = new ArrayList<>();
  private long lastGas = -1;
  private int lastOpcode = -1;

  @Override
  public void onStep(Frame frame, int opcode) {
    if (frame.ctx.depth() != 0) {
      return;
    }
    long before = frame.gas + frame.env.spec.staticGas()[opcode];
    if (lastOpcode >= 0) {
      costs.add(lastGas - before);
    }
    steps.add(new Step(opcode, before));
    lastGas = before;
    lastOpcode = opcode;
  }

  @Override
  public void onFrameExit(Frame frame, int exit) {
    if (frame.ctx.depth() == 0 && lastOpcode >= 0) {
      costs.add(lastGas - frame.gas);
      lastOpcode = -1;
    }
  }

  /** The total cost of the first executed instruction with {@code opcode}. */
  public long costOf(int opcode) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).opcode() == opcode) {
        return costs.get(i);
      }
    }
    throw new AssertionError("opcode 0x%02x not executed".formatted(opcode));
  }
}
