package org.megaeth.evm.operation;

import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.word.Limbs;

/**
 * Conversions between stack words and domain types, and the memory-copy shape several operations
 * share. These are the boundaries where the EVM allocates (addresses, storage keys).
 */
final class Words {
  private Words() {}

  /** The low 160 bits of a word as an address. */
  static Address toAddress(long[] s, int o) {
    byte[] b = new byte[Address.SIZE];
    long l2 = s[o + 2];
    long l1 = s[o + 1];
    long l0 = s[o];
    for (int i = 0; i < 4; i++) {
      b[i] = (byte) (l2 >>> (24 - 8 * i));
    }
    for (int i = 0; i < 8; i++) {
      b[4 + i] = (byte) (l1 >>> (56 - 8 * i));
      b[12 + i] = (byte) (l0 >>> (56 - 8 * i));
    }
    return Address.wrap(b);
  }

  static UInt256 toUInt256(long[] s, int o) {
    return new UInt256(s[o + 3], s[o + 2], s[o + 1], s[o]);
  }

  static void set(long[] s, int o, UInt256 v) {
    Limbs.set(s, o, v.u3(), v.u2(), v.u1(), v.u0());
  }

  static void set(long[] s, int o, Hash h) {
    long l3 = 0;
    long l2 = 0;
    long l1 = 0;
    long l0 = 0;
    for (int i = 0; i < 8; i++) {
      l3 = (l3 << 8) | (h.get(i) & 0xFF);
      l2 = (l2 << 8) | (h.get(8 + i) & 0xFF);
      l1 = (l1 << 8) | (h.get(16 + i) & 0xFF);
      l0 = (l0 << 8) | (h.get(24 + i) & 0xFF);
    }
    Limbs.set(s, o, l3, l2, l1, l0);
  }

  static void pushAddress(Stack stack, Address address) {
    long l2 = 0;
    long l1 = 0;
    long l0 = 0;
    for (int i = 0; i < 4; i++) {
      l2 = (l2 << 8) | (address.get(i) & 0xFF);
    }
    for (int i = 0; i < 8; i++) {
      l1 = (l1 << 8) | (address.get(4 + i) & 0xFF);
      l0 = (l0 << 8) | (address.get(12 + i) & 0xFF);
    }
    Limbs.set(stack.data, stack.size << 2, 0, l2, l1, l0);
    stack.size++;
  }

  static void pushHash(Stack stack, Hash hash) {
    set(stack.data, stack.size << 2, hash);
    stack.size++;
  }

  /** Loads 32 bytes of {@code src} from {@code offset} into the word at o, zero-padded. */
  static void loadPadded(Stack stack, int o, byte[] src, long offset) {
    long[] s = stack.data;
    if (offset >= src.length) {
      Limbs.setZero(s, o);
      return;
    }
    int off = (int) offset;
    int available = Math.min(32, src.length - off);
    if (available == 32) {
      Limbs.fromBytes(s, o, src, off, 32);
      return;
    }
    byte[] padded = stack.word;
    System.arraycopy(src, off, padded, 0, available);
    java.util.Arrays.fill(padded, available, 32, (byte) 0);
    Limbs.fromBytes(s, o, padded, 0, 32);
  }

  /**
   * CALLDATACOPY, CODECOPY, EXTCODECOPY (after its address is popped), RETURNDATACOPY: pops
   * destOffset, offset, length, charges 3 per word and the memory growth, and copies zero-padded.
   */
  static int copyToMemory(Frame frame, byte[] src) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    long dest = Limbs.toLongSaturated(s, a);
    long offset = Limbs.toLongSaturated(s, a - 4);
    long length = Limbs.toLongSaturated(s, a - 8);
    if (!frame.charge(Gas.copyCost(length)) || !frame.expandMemory(dest, length)) {
      return Exit.OUT_OF_GAS;
    }
    frame.memory.setPadded(dest, length, src, offset);
    stack.size -= 3;
    return Exit.CONTINUE;
  }

  /** RETURN and REVERT: pops offset and length, grows memory and sets the frame's output. */
  static boolean output(Frame frame) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    long offset = Limbs.toLongSaturated(s, a);
    long length = Limbs.toLongSaturated(s, a - 4);
    if (!frame.expandMemory(offset, length)) {
      return false;
    }
    frame.output = frame.memory.slice(offset, length);
    stack.size -= 2;
    return true;
  }
}
