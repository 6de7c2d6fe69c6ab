package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;

/** DUP1..DUP16 (0x80-0x8f): pushes a copy of the n-th word from the top. */
public final class DupOperation {
  public static final int FIRST_OPCODE = 0x80;
  public static final int LAST_OPCODE = 0x8f;

  private DupOperation() {}

  public static String mnemonic(int opcode) {
    return "DUP" + (opcode - FIRST_OPCODE + 1);
  }

  public static int stackIn(int opcode) {
    return opcode - FIRST_OPCODE + 1;
  }

  public static int stackOut(int opcode) {
    return stackIn(opcode) + 1;
  }

  public static void execute(Stack stack, int n) {
    long[] s = stack.data;
    int src = (stack.size - n) << 2;
    int dst = stack.size << 2;
    s[dst] = s[src];
    s[dst + 1] = s[src + 1];
    s[dst + 2] = s[src + 2];
    s[dst + 3] = s[src + 3];
    stack.size++;
  }
}
