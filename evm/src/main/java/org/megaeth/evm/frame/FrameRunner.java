package org.megaeth.evm.frame;

import java.util.ArrayDeque;
import java.util.Optional;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.ExecutionContext;
import org.megaeth.evm.code.Code;
import org.megaeth.evm.code.Delegation;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.operation.Interpreter;
import org.megaeth.evm.precompile.Precompile;
import org.megaeth.evm.precompile.PrecompileResult;
import org.megaeth.evm.state.WorldState;
import org.megaeth.evm.word.Limbs;

/**
 * Runs a message and every message it starts with one loop over an explicit frame stack: no Java
 * recursion, whatever the call depth (Besu's {@code Deque<MessageFrame>}, revm's {@code
 * run_exec_loop}). It owns the message semantics: depth and balance checks, value transfer,
 * precompiles, EIP-7702 delegations, contract creation (addresses, collisions, EIP-170/3541 code
 * checks, code deposit), and reverting the world state and substate of a frame that fails. Stacks,
 * memories and the frame stack come from an {@link ExecutionResources} that outlives the runner, so
 * a message allocates none of them. One runner per message; not thread-safe.
 */
public final class FrameRunner {
  /** The deepest a message may be (the transaction's frame is depth 0). */
  public static final int MAX_DEPTH = 1024;

  private static final byte[] EMPTY = new byte[0];

  private final ExecutionContext env;
  private final ExecutionResources resources;
  private final ArrayDeque<Frame> frames;

  /** Set by a start method that finished the message without a frame. */
  private MessageResult immediate;

  /** A runner with resources of its own, for one-off messages (system calls, tests). */
  public FrameRunner(ExecutionContext env) {
    this(env, new ExecutionResources());
  }

  /**
   * A runner that borrows {@code resources} for the message it runs; the caller must not use them
   * for anything else until it returns.
   */
  public FrameRunner(ExecutionContext env, ExecutionResources resources) {
    this.env = env;
    this.resources = resources;
    this.frames = resources.frames;
  }

  /**
   * Runs a message call from {@code caller} to {@code to} (the transaction's, at depth 0). The
   * value moves as part of the message.
   */
  public MessageResult call(
      Address caller, Address to, UInt256 value, byte[] input, long gas, boolean isStatic) {
    Frame frame = startCall(MessageKind.CALL, caller, to, to, value, true, input, gas, isStatic, 0);
    return frame == null ? immediate : loop(frame);
  }

  /** Runs a contract creation by {@code caller} with {@code initCode} (the transaction's). */
  public MessageResult create(Address caller, UInt256 value, byte[] initCode, long gas) {
    Frame frame = startCreate(MessageKind.CREATE, caller, value, initCode, null, gas, 0);
    return frame == null ? immediate : loop(frame);
  }

  /**
   * Benchmark before refactoring: {@code
   * benchmarks/src/main/java/org/megaeth/benchmarks/evm/Erc20TransferBenchmark.java} and {@code
   * UniswapV2SwapBenchmark.java} (calls), {@code CallBenchmark} (to be written).
   */
  private MessageResult loop(Frame first) {
    frames.clear(); // frames of a message an exception cut short
    frames.push(first);
    Frame current = first;
    while (true) {
      int exit = Interpreter.run(current);
      if (exit == Exit.SUSPEND) {
        Frame child = startChild(current);
        if (child != null) {
          frames.push(child);
          current = child;
        } else {
          resume(current, immediate);
        }
        continue;
      }
      MessageResult result = complete(current, exit);
      frames.pop();
      release(current);
      if (frames.isEmpty()) {
        resources.trim();
        return result;
      }
      current = frames.peek();
      resume(current, result);
    }
  }

  private Frame startChild(Frame parent) {
    PendingMessage p = parent.pending;
    CallContext ctx = parent.ctx;
    int depth = ctx.depth() + 1;
    return switch (p.kind) {
      case CALL ->
          startCall(
              p.kind,
              ctx.address(),
              p.target,
              p.target,
              p.value,
              p.transfersValue,
              p.input,
              p.gas,
              ctx.isStatic(),
              depth);
      case CALLCODE ->
          startCall(
              p.kind,
              ctx.address(),
              ctx.address(),
              p.target,
              p.value,
              p.transfersValue,
              p.input,
              p.gas,
              ctx.isStatic(),
              depth);
      case DELEGATECALL ->
          startCall(
              p.kind,
              ctx.caller(),
              ctx.address(),
              p.target,
              p.value,
              false,
              p.input,
              p.gas,
              ctx.isStatic(),
              depth);
      case STATICCALL ->
          startCall(
              p.kind,
              ctx.address(),
              p.target,
              p.target,
              UInt256.ZERO,
              false,
              p.input,
              p.gas,
              true,
              depth);
      case CREATE, CREATE2 ->
          startCreate(p.kind, ctx.address(), p.value, p.input, p.salt, p.gas, depth);
    };
  }

  /** Puts a finished child's result into its parent and lets the parent go on. */
  private void resume(Frame parent, MessageResult result) {
    PendingMessage p = parent.pending;
    Stack stack = parent.stack;
    boolean success = result.isSuccess();
    parent.gas += result.gasLeft();
    if (p.kind.isCreate()) {
      if (success && result.createdAddress().isPresent()) {
        pushAddress(stack, result.createdAddress().get());
      } else {
        stack.pushZero();
      }
      parent.returnData = result.isRevert() ? result.output() : EMPTY;
    } else {
      stack.pushLong(success ? 1 : 0);
      parent.returnData = (success || result.isRevert()) ? result.output() : EMPTY;
      if (success || result.isRevert()) {
        long copy = Math.min(p.returnSize, result.output().length);
        if (copy > 0) {
          System.arraycopy(
              result.output(), 0, parent.memory.data(), (int) p.returnOffset, (int) copy);
        }
      }
    }
    p.input = null;
  }

  private Frame startCall(
      MessageKind kind,
      Address caller,
      Address address,
      Address codeAddress,
      UInt256 value,
      boolean transfersValue,
      byte[] input,
      long gas,
      boolean isStatic,
      int depth) {
    WorldState world = env.world;
    if (depth > MAX_DEPTH) {
      return done(Exit.FAILED, gas, EMPTY);
    }
    if (transfersValue && world.getBalance(caller).compareTo(value) < 0) {
      return done(Exit.FAILED, gas, EMPTY);
    }
    int snapshot = world.snapshot();
    int checkpoint = env.substate.checkpoint();
    Precompile precompile = env.spec.precompiles().get(codeAddress);
    if (kind == MessageKind.CALL) {
      if (!world.exists(address)) {
        if (precompile == null && value.isZero()) {
          return done(Exit.STOP, gas, EMPTY); // EIP-161: nothing to create or run
        }
        world.createAccount(address);
      }
    } else if (kind == MessageKind.STATICCALL) {
      world.touch(address); // as geth: a zero-value transfer that only touches
    }
    if (transfersValue) {
      transfer(caller, address, value);
    } else if (kind == MessageKind.CALL) {
      world.touch(address);
    }

    if (precompile != null) {
      long cost = precompile.gasCost(input);
      PrecompileResult out = cost <= gas ? precompile.execute(input) : PrecompileResult.halt();
      if (!out.success()) {
        revert(snapshot, checkpoint);
        return done(Exit.halt(HaltReason.PRECOMPILE_FAILURE), 0, EMPTY);
      }
      return done(Exit.RETURN, gas - cost, out.output());
    }
    byte[] bytes = world.getCode(codeAddress);
    Address executing = codeAddress;
    if (env.spec.isAtLeast(Fork.PRAGUE)) {
      // EIP-7702: run the delegate's code, one hop only. A precompile delegate is not run: its
      // account's code (normally none) is.
      Address delegate = Delegation.target(bytes);
      if (delegate != null) {
        executing = delegate;
        bytes = world.getCode(delegate);
      }
    }
    if (bytes.length == 0) {
      return done(Exit.STOP, gas, EMPTY);
    }
    Code code = env.codeCache.get(world.getCodeHash(executing), bytes);
    CallContext ctx =
        new CallContext(kind, address, caller, executing, value, input, code, isStatic, depth);
    return newFrame(ctx, gas, snapshot, checkpoint);
  }

  private Frame startCreate(
      MessageKind kind,
      Address caller,
      UInt256 value,
      byte[] initCode,
      UInt256 salt,
      long gas,
      int depth) {
    WorldState world = env.world;
    if (depth > MAX_DEPTH || world.getBalance(caller).compareTo(value) < 0) {
      return done(Exit.FAILED, gas, EMPTY);
    }
    long nonce = world.getNonce(caller);
    if (nonce == -1L) {
      return done(Exit.FAILED, gas, EMPTY); // EIP-2681
    }
    world.setNonce(caller, nonce + 1);
    Address address =
        kind == MessageKind.CREATE
            ? createAddress(caller, nonce)
            : create2Address(caller, salt, initCode);
    env.substate.warmAddress(address); // EIP-2929: even when the creation then fails
    if (world.getNonce(address) != 0
        || world.getCode(address).length != 0
        || world.hasStorage(address)) {
      // EIP-684 and EIP-7610: never overwrite an account; all the gas is consumed.
      return done(Exit.halt(HaltReason.CREATE_COLLISION), 0, EMPTY);
    }
    int snapshot = world.snapshot();
    int checkpoint = env.substate.checkpoint();
    world.createAccount(address);
    world.setNonce(address, 1); // EIP-161
    transfer(caller, address, value);
    env.substate.markCreated(address);
    Code code = Code.ofInitCode(initCode);
    CallContext ctx =
        new CallContext(kind, address, caller, address, value, EMPTY, code, false, depth);
    if (initCode.length == 0) {
      immediate = finishCreate(ctx, Exit.STOP, gas, EMPTY, snapshot, checkpoint);
      return null;
    }
    return newFrame(ctx, gas, snapshot, checkpoint);
  }

  private MessageResult complete(Frame frame, int exit) {
    if (env.tracer != null) {
      env.tracer.onFrameExit(frame, exit);
    }
    CallContext ctx = frame.ctx;
    if (ctx.kind().isCreate()) {
      return finishCreate(
          ctx, exit, frame.gas, frame.output, frame.stateSnapshot, frame.substateCheckpoint);
    }
    if (exit == Exit.REVERT) {
      revert(frame.stateSnapshot, frame.substateCheckpoint);
      return new MessageResult(exit, frame.gas, frame.output, Optional.empty());
    }
    if (Exit.isHalt(exit)) {
      revert(frame.stateSnapshot, frame.substateCheckpoint);
      return new MessageResult(exit, 0, EMPTY, Optional.empty());
    }
    return new MessageResult(exit, frame.gas, frame.output, Optional.empty());
  }

  private MessageResult finishCreate(
      CallContext ctx, int exit, long gas, byte[] output, int snapshot, int checkpoint) {
    if (exit == Exit.REVERT) {
      revert(snapshot, checkpoint);
      return new MessageResult(exit, gas, output, Optional.empty());
    }
    if (Exit.isHalt(exit)) {
      revert(snapshot, checkpoint);
      return new MessageResult(exit, 0, EMPTY, Optional.empty());
    }
    int failure = -1;
    if (output.length > env.spec.maxCodeSize()) {
      failure = Exit.halt(HaltReason.CODE_SIZE_EXCEEDED); // EIP-170
    } else if (output.length > 0 && (output[0] & 0xFF) == 0xEF) {
      failure = Exit.halt(HaltReason.INVALID_CODE_PREFIX); // EIP-3541
    } else {
      long deposit = Gas.codeDepositCost(output.length);
      if (gas < deposit) {
        failure = Exit.OUT_OF_GAS;
      } else {
        gas -= deposit;
      }
    }
    if (failure >= 0) {
      revert(snapshot, checkpoint);
      return new MessageResult(failure, 0, EMPTY, Optional.empty());
    }
    env.world.setCode(ctx.address(), output);
    return new MessageResult(Exit.RETURN, gas, EMPTY, Optional.of(ctx.address()));
  }

  private void transfer(Address from, Address to, UInt256 value) {
    WorldState world = env.world;
    world.subtractBalance(from, value);
    world.addBalance(to, value);
  }

  private void revert(int snapshot, int checkpoint) {
    env.world.revertToSnapshot(snapshot);
    env.substate.revertTo(checkpoint);
  }

  private Frame done(int exit, long gas, byte[] output) {
    immediate = new MessageResult(exit, gas, output, Optional.empty());
    return null;
  }

  private Frame newFrame(CallContext ctx, long gas, int snapshot, int checkpoint) {
    int depth = ctx.depth();
    Frame frame =
        new Frame(
            env, ctx, resources.stack(depth), resources.memory(depth), gas, snapshot, checkpoint);
    if (env.tracer != null) {
      env.tracer.onFrameEnter(frame);
    }
    return frame;
  }

  private void release(Frame frame) {
    frame.memory.reset();
  }

  private static void pushAddress(Stack stack, Address address) {
    byte[] word = stack.word;
    java.util.Arrays.fill(word, 0, 12, (byte) 0);
    address.copyTo(word, 12);
    Limbs.fromBytes(stack.data, stack.size << 2, word, 0, 32);
    stack.size++;
  }

  /** The CREATE address: {@code keccak256(rlp([sender, nonce]))[12:]}. */
  public static Address createAddress(Address sender, long nonce) {
    byte[] encoded =
        Rlp.encodeList(
                w -> {
                  w.writeAddress(sender);
                  w.writeUInt64(nonce);
                })
            .toArrayUnsafe();
    return Address.fromWord(Keccak.keccak256(encoded), 0);
  }

  /**
   * The CREATE2 address (EIP-1014): {@code keccak256(0xff ++ sender ++ salt ++ keccak256(init))}.
   */
  public static Address create2Address(Address sender, UInt256 salt, byte[] initCode) {
    byte[] buf = new byte[85];
    buf[0] = (byte) 0xff;
    sender.copyTo(buf, 1);
    salt.writeTo(buf, 21);
    Keccak.keccak256(initCode, 0, initCode.length, buf, 53);
    return Address.fromWord(Keccak.keccak256(buf), 0);
  }
}
