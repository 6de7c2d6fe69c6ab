package org.megaeth.evm.operation;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.block.Log;
import org.megaeth.core.types.Hash;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.word.Limbs;

/**
 * LOG0..LOG4 (0xa0-0xa4): appends a log with n topics. Topics are static gas; data costs 8 per
 * byte. Forbidden in a static context (EIP-214).
 */
public final class LogOperation {
  public static final int FIRST_OPCODE = 0xa0;
  public static final int LAST_OPCODE = 0xa4;

  private LogOperation() {}

  public static String mnemonic(int opcode) {
    return "LOG" + (opcode - FIRST_OPCODE);
  }

  public static int stackIn(int opcode) {
    return opcode - FIRST_OPCODE + 2;
  }

  public static int execute(Frame frame, int topics) {
    if (frame.ctx.isStatic()) {
      return Exit.STATIC_CALL_VIOLATION;
    }
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    long offset = Limbs.toLongSaturated(s, a);
    long length = Limbs.toLongSaturated(s, a - 4);
    if (!frame.charge(Gas.logDataCost(length)) || !frame.expandMemory(offset, length)) {
      return Exit.OUT_OF_GAS;
    }
    Hash[] topicArray = new Hash[topics];
    byte[] word = new byte[32];
    for (int i = 0; i < topics; i++) {
      Limbs.toBytes(s, a - 8 - 4 * i, word, 0);
      topicArray[i] = Hash.of(word);
    }
    // An unmodifiable list from List.of, which Log's List.copyOf keeps as it is (no second copy).
    List<Hash> topicList = List.of(topicArray);
    byte[] data = frame.memory.slice(offset, length);
    frame.env.substate.addLog(new Log(frame.ctx.address(), topicList, Bytes.wrap(data)));
    stack.size -= 2 + topics;
    return Exit.CONTINUE;
  }
}
