package org.megaeth.evm.testutil;

import java.util.List;
import java.util.Map;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.ExecutionContext;
import org.megaeth.evm.TxEnv;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.evm.frame.MessageResult;
import org.megaeth.evm.frame.Substate;
import org.megaeth.evm.state.InMemoryWorldState;
import org.megaeth.evm.tracing.Tracer;

/** Runs bytecode in a fresh in-memory world: the test fixture for operations and frames. */
public final class EvmHarness {
  public static final Address CALLER =
      Address.fromHex("0x00000000000000000000000000000000000000ca");
  public static final Address CONTRACT =
      Address.fromHex("0x00000000000000000000000000000000000c0de0");
  public static final Address COINBASE =
      Address.fromHex("0x00000000000000000000000000000000000000cb");

  public final InMemoryWorldState world = new InMemoryWorldState();
  public Substate substate = new Substate();
  public Tracer tracer;
  private final EvmSpec spec;

  public EvmHarness() {
    this(Fork.CANCUN);
  }

  public EvmHarness(Fork fork) {
    this.spec = EvmSpec.of(fork);
    world.putAccount(CALLER, 0, UInt256.valueOf(1_000_000_000_000L), new byte[0], Map.of());
  }

  public static BlockEnv block() {
    return new BlockEnv(
        COINBASE,
        100,
        1_000,
        30_000_000,
        Hash.ZERO,
        UInt256.valueOf(7),
        UInt256.ONE,
        1,
        n -> Keccak.hash(Long.toString(n).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  public EvmHarness code(Address address, String hex) {
    world.putAccount(address, 1, UInt256.ZERO, Hex.decodeLenient(hex), Map.of());
    return this;
  }

  public EvmHarness code(String hex) {
    return code(CONTRACT, hex);
  }

  /** A fresh context over the same world and substate. */
  public ExecutionContext context() {
    substate.warmAddress(CALLER);
    substate.warmAddress(CONTRACT);
    spec.precompiles().keySet().forEach(substate::warmAddress);
    return new ExecutionContext(
        spec,
        block(),
        new TxEnv(CALLER, UInt256.valueOf(10), List.of()),
        world,
        substate,
        new CodeCache(16),
        tracer);
  }

  public MessageResult call(long gas) {
    return call(CONTRACT, new byte[0], gas);
  }

  public MessageResult call(Address to, byte[] input, long gas) {
    return new FrameRunner(context()).call(CALLER, to, UInt256.ZERO, input, gas, false);
  }

  public MessageResult create(String initCode, long gas) {
    return new FrameRunner(context())
        .create(CALLER, UInt256.ZERO, Hex.decodeLenient(initCode), gas);
  }

  public UInt256 storage(Address address, long slot) {
    return world.getStorage(address, UInt256.valueOf(slot));
  }

  public UInt256 storage(long slot) {
    return storage(CONTRACT, slot);
  }

  /** Gas used by a call with {@code gas}. */
  public long gasUsed(long gas) {
    return gas - call(gas).gasLeft();
  }
}
