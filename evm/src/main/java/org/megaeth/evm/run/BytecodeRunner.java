package org.megaeth.evm.run;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.ExecutionContext;
import org.megaeth.evm.TxEnv;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.frame.ExecutionResources;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.evm.frame.MessageResult;
import org.megaeth.evm.frame.Substate;
import org.megaeth.evm.state.InMemoryWorldState;

/**
 * Runs raw bytecode as a call from {@link #SENDER} to {@link #RECEIVER}, the way geth's {@code evm
 * run} and revm's {@code revme} do: no transaction validation, no intrinsic gas, no fee payment,
 * just the message. Every run starts from the same world (changes are undone afterwards), so a run
 * can be repeated to time the interpreter.
 */
public final class BytecodeRunner {
  /** geth's default addresses: "sender" and "receiver" in ASCII. */
  public static final Address SENDER = Address.fromHex("0x" + "00".repeat(14) + "73656e646572");

  public static final Address RECEIVER =
      Address.fromHex("0x" + "00".repeat(12) + "7265636569766572");

  private final EvmSpec spec;
  private final InMemoryWorldState world;
  private final BlockEnv block;
  private final CodeCache codeCache = new CodeCache(64);
  private final ExecutionResources resources = new ExecutionResources();

  /**
   * @param world the pre-state; the receiver's code is set here, and the sender is created with a
   *     large balance when absent
   */
  public BytecodeRunner(Fork fork, InMemoryWorldState world, byte[] code) {
    this.spec = EvmSpec.of(fork);
    this.world = world;
    this.block =
        new BlockEnv(
            Address.ZERO,
            1,
            1,
            Long.MAX_VALUE,
            Hash.ZERO,
            UInt256.ZERO,
            UInt256.ONE,
            1,
            n -> Keccak.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));
    if (!world.exists(SENDER)) {
      world.putAccount(SENDER, 0, UInt256.MAX.divide(UInt256.valueOf(2)), new byte[0], Map.of());
    }
    world.setCode(RECEIVER, code);
    world.commitTransaction();
  }

  /** What a run gave. */
  public record Outcome(MessageResult result, long gasUsed) {}

  /** Runs the code once with {@code input} and {@code gas}, then undoes its changes. */
  public Outcome run(byte[] input, long gas) {
    int snapshot = world.snapshot();
    try {
      Substate substate = new Substate(spec.precompiles().keySet());
      substate.warmAddress(SENDER);
      substate.warmAddress(RECEIVER);
      ExecutionContext context =
          new ExecutionContext(
              spec,
              block,
              new TxEnv(SENDER, UInt256.ZERO, List.of()),
              world,
              substate,
              codeCache,
              null);
      MessageResult result =
          new FrameRunner(context, resources)
              .call(SENDER, RECEIVER, UInt256.ZERO, input, gas, false);
      return new Outcome(result, gas - result.gasLeft());
    } finally {
      world.revertToSnapshot(snapshot);
      world.commitTransaction(); // forget originals, transient storage and touches of this run
    }
  }
}
