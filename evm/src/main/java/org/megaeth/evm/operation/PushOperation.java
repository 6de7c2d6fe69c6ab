package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/**
 * PUSH1..PUSH32 (0x60-0x7f): pushes the next n code bytes, zero-padded on the right when the code
 * ends first (the missing bytes read as STOP, i.e. zero).
 */
public final class PushOperation {
  public static final int FIRST_OPCODE = 0x60;
  public static final int LAST_OPCODE = 0x7f;
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private PushOperation() {}

  public static String mnemonic(int opcode) {
    return "PUSH" + (opcode - FIRST_OPCODE + 1);
  }

  /** Pushes {@code n} immediate bytes and moves the program counter over them. */
  public static void execute(Frame frame, int n) {
    Stack stack = frame.stack;
    byte[] code = frame.ctx.code().bytes();
    int start = frame.pc + 1;
    int o = stack.size << 2;
    if (start + n <= code.length) {
      Limbs.fromBytes(stack.data, o, code, start, n);
    } else {
      int available = Math.max(0, code.length - start);
      Limbs.fromBytes(stack.data, o, code, start, available);
      // The bytes present are the high-order ones: shift them up over the missing ones.
      int missingBits = (n - available) * 8;
      for (int i = 0; i < missingBits / 64; i++) {
        shiftLeft64(stack.data, o);
      }
      int rest = missingBits % 64;
      if (rest != 0) {
        shiftLeftBits(stack.data, o, rest);
      }
    }
    stack.size++;
    frame.pc += n;
  }

  private static void shiftLeft64(long[] s, int o) {
    s[o + 3] = s[o + 2];
    s[o + 2] = s[o + 1];
    s[o + 1] = s[o];
    s[o] = 0;
  }

  private static void shiftLeftBits(long[] s, int o, int bits) {
    s[o + 3] = (s[o + 3] << bits) | (s[o + 2] >>> (64 - bits));
    s[o + 2] = (s[o + 2] << bits) | (s[o + 1] >>> (64 - bits));
    s[o + 1] = (s[o + 1] << bits) | (s[o] >>> (64 - bits));
    s[o] = s[o] << bits;
  }
}
