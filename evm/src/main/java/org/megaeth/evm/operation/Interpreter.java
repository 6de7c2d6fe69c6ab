package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.tracing.Tracer;

/**
 * The interpreter loop: one method, one {@code switch (opcode)} calling each operation's static
 * {@code execute} directly. Per instruction it reads the byte, looks up the fork's static gas
 * (which also rejects undefined opcodes), checks the stack bounds from {@link Opcodes}, charges,
 * and dispatches. It returns when the frame stops, halts, or suspends to start a child message,
 * which the {@link org.megaeth.evm.frame.FrameRunner} handles; the runner resumes the frame by
 * calling {@link #run} again.
 *
 * <p>Benchmark before refactoring: {@code benchmarks/.../InterpreterBenchmark} (to be written).
 */
public final class Interpreter {
  private Interpreter() {}

  /** Runs {@code frame} from its program counter; returns an {@link Exit} code, never CONTINUE. */
  public static int run(Frame frame) {
    final byte[] code = frame.ctx.code().bytes();
    final long[] staticGas = frame.env.spec.staticGas();
    final Stack stack = frame.stack;
    final int[] minStack = Opcodes.MIN_STACK;
    final int[] maxStack = Opcodes.MAX_STACK;
    final Tracer tracer = frame.env.tracer;
    final boolean tracing = tracer != null;
    while (true) {
      final int pc = frame.pc;
      final int opcode = pc < code.length ? code[pc] & 0xFF : StopOperation.OPCODE;
      final long cost = staticGas[opcode];
      if (cost < 0) {
        return InvalidOperation.execute();
      }
      final int size = stack.size;
      if (size < minStack[opcode]) {
        return Exit.STACK_UNDERFLOW;
      }
      if (size > maxStack[opcode]) {
        return Exit.STACK_OVERFLOW;
      }
      if (frame.gas < cost) {
        return Exit.OUT_OF_GAS;
      }
      frame.gas -= cost;
      if (tracing) {
        tracer.onStep(frame, opcode);
      }
      switch (opcode) {
        case 0x00 -> {
          return StopOperation.execute();
        }
        case 0x01 -> AddOperation.execute(stack);
        case 0x02 -> MulOperation.execute(stack);
        case 0x03 -> SubOperation.execute(stack);
        case 0x04 -> DivOperation.execute(stack);
        case 0x05 -> SDivOperation.execute(stack);
        case 0x06 -> ModOperation.execute(stack);
        case 0x07 -> SModOperation.execute(stack);
        case 0x08 -> AddModOperation.execute(stack);
        case 0x09 -> MulModOperation.execute(stack);
        case 0x0a -> {
          int r = ExpOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x0b -> SignExtendOperation.execute(stack);
        case 0x10 -> LtOperation.execute(stack);
        case 0x11 -> GtOperation.execute(stack);
        case 0x12 -> SLtOperation.execute(stack);
        case 0x13 -> SGtOperation.execute(stack);
        case 0x14 -> EqOperation.execute(stack);
        case 0x15 -> IsZeroOperation.execute(stack);
        case 0x16 -> AndOperation.execute(stack);
        case 0x17 -> OrOperation.execute(stack);
        case 0x18 -> XorOperation.execute(stack);
        case 0x19 -> NotOperation.execute(stack);
        case 0x1a -> ByteOperation.execute(stack);
        case 0x1b -> ShlOperation.execute(stack);
        case 0x1c -> ShrOperation.execute(stack);
        case 0x1d -> SarOperation.execute(stack);
        case 0x20 -> {
          int r = Keccak256Operation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x30 -> {
          int r = AddressOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x31 -> {
          int r = BalanceOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x32 -> {
          int r = OriginOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x33 -> {
          int r = CallerOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x34 -> {
          int r = CallValueOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x35 -> {
          int r = CallDataLoadOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x36 -> {
          int r = CallDataSizeOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x37 -> {
          int r = CallDataCopyOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x38 -> {
          int r = CodeSizeOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x39 -> {
          int r = CodeCopyOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x3a -> {
          int r = GasPriceOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x3b -> {
          int r = ExtCodeSizeOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x3c -> {
          int r = ExtCodeCopyOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x3d -> {
          int r = ReturnDataSizeOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x3e -> {
          int r = ReturnDataCopyOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x3f -> {
          int r = ExtCodeHashOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x40 -> {
          int r = BlockHashOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x41 -> {
          int r = CoinbaseOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x42 -> {
          int r = TimestampOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x43 -> {
          int r = NumberOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x44 -> {
          int r = PrevRandaoOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x45 -> {
          int r = GasLimitOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x46 -> {
          int r = ChainIdOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x47 -> {
          int r = SelfBalanceOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x48 -> {
          int r = BaseFeeOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x49 -> {
          int r = BlobHashOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x4a -> {
          int r = BlobBaseFeeOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x50 -> PopOperation.execute(stack);
        case 0x51 -> {
          int r = MLoadOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x52 -> {
          int r = MStoreOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x53 -> {
          int r = MStore8Operation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x54 -> {
          int r = SLoadOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x55 -> {
          int r = SStoreOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x56 -> {
          int r = JumpOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
          continue;
        }
        case 0x57 -> {
          int r = JumpiOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
          continue;
        }
        case 0x58 -> {
          int r = PcOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x59 -> {
          int r = MSizeOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x5a -> {
          int r = GasOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x5b -> JumpDestOperation.execute(stack);
        case 0x5c -> {
          int r = TLoadOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x5d -> {
          int r = TStoreOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x5e -> {
          int r = MCopyOperation.execute(frame);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        case 0x5f -> Push0Operation.execute(stack);
        case 0xf0 -> {
          frame.pc++;
          return CreateOperation.execute(frame);
        }
        case 0xf1 -> {
          frame.pc++;
          return CallOperation.execute(frame);
        }
        case 0xf2 -> {
          frame.pc++;
          return CallCodeOperation.execute(frame);
        }
        case 0xf3 -> {
          return ReturnOperation.execute(frame);
        }
        case 0xf4 -> {
          frame.pc++;
          return DelegateCallOperation.execute(frame);
        }
        case 0xf5 -> {
          frame.pc++;
          return Create2Operation.execute(frame);
        }
        case 0xfa -> {
          frame.pc++;
          return StaticCallOperation.execute(frame);
        }
        case 0xfd -> {
          return RevertOperation.execute(frame);
        }
        case 0xff -> {
          return SelfDestructOperation.execute(frame);
        }
        case 0x60,
            0x61,
            0x62,
            0x63,
            0x64,
            0x65,
            0x66,
            0x67,
            0x68,
            0x69,
            0x6a,
            0x6b,
            0x6c,
            0x6d,
            0x6e,
            0x6f,
            0x70,
            0x71,
            0x72,
            0x73,
            0x74,
            0x75,
            0x76,
            0x77,
            0x78,
            0x79,
            0x7a,
            0x7b,
            0x7c,
            0x7d,
            0x7e,
            0x7f ->
            PushOperation.execute(frame, opcode - 0x5f);
        case 0x80,
            0x81,
            0x82,
            0x83,
            0x84,
            0x85,
            0x86,
            0x87,
            0x88,
            0x89,
            0x8a,
            0x8b,
            0x8c,
            0x8d,
            0x8e,
            0x8f ->
            DupOperation.execute(stack, opcode - 0x7f);
        case 0x90,
            0x91,
            0x92,
            0x93,
            0x94,
            0x95,
            0x96,
            0x97,
            0x98,
            0x99,
            0x9a,
            0x9b,
            0x9c,
            0x9d,
            0x9e,
            0x9f ->
            SwapOperation.execute(stack, opcode - 0x8f);
        case 0xa0, 0xa1, 0xa2, 0xa3, 0xa4 -> {
          int r = LogOperation.execute(frame, opcode - 0xa0);
          if (r != Exit.CONTINUE) {
            return r;
          }
        }
        default -> {
          return InvalidOperation.execute();
        }
      }
      frame.pc++;
    }
  }
}
