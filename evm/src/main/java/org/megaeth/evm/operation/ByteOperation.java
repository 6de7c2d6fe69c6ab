package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** BYTE (0x1a): Byte i of x, 0 being the most significant. */
public final class ByteOperation {
  public static final int OPCODE = 0x1a;
  public static final String MNEMONIC = "BYTE";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private ByteOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.byteOp(stack.data, a, a - 4);
    stack.size--;
  }
}
