package org.megaeth.evm.operation;

import org.megaeth.core.crypto.Keccak;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.word.Limbs;

/** KECCAK256 (0x20): keccak256 of a memory range; 6 gas per word. */
public final class Keccak256Operation {
  public static final int OPCODE = 0x20;
  public static final String MNEMONIC = "KECCAK256";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private Keccak256Operation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    long offset = Limbs.toLongSaturated(s, a);
    long length = Limbs.toLongSaturated(s, a - 4);
    if (!frame.charge(Gas.keccakWordCost(length)) || !frame.expandMemory(offset, length)) {
      return Exit.OUT_OF_GAS;
    }
    byte[] word = stack.word;
    Keccak.keccak256(frame.memory.data(), length == 0 ? 0 : (int) offset, (int) length, word, 0);
    Limbs.fromBytes(s, a - 4, word, 0, 32);
    stack.size--;
    return Exit.CONTINUE;
  }
}
