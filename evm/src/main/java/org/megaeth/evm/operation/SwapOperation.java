package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;

/** SWAP1..SWAP16 (0x90-0x9f): exchanges the top word with the (n+1)-th. */
public final class SwapOperation {
  public static final int FIRST_OPCODE = 0x90;
  public static final int LAST_OPCODE = 0x9f;

  private SwapOperation() {}

  public static String mnemonic(int opcode) {
    return "SWAP" + (opcode - FIRST_OPCODE + 1);
  }

  public static int stackIn(int opcode) {
    return opcode - FIRST_OPCODE + 2;
  }

  public static int stackOut(int opcode) {
    return stackIn(opcode);
  }

  public static void execute(Stack stack, int n) {
    long[] s = stack.data;
    int a = (stack.size - 1) << 2;
    int b = (stack.size - 1 - n) << 2;
    for (int i = 0; i < 4; i++) {
      long t = s[a + i];
      s[a + i] = s[b + i];
      s[b + i] = t;
    }
  }
}
