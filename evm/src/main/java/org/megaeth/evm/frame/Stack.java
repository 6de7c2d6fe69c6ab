package org.megaeth.evm.frame;

import org.megaeth.core.types.UInt256;
import org.megaeth.evm.word.Limbs;

/**
 * The operand stack: 1024 words preallocated as one {@code long[4096]}, four limbs per slot, least
 * significant limb first (see {@link Limbs}). Operations work on {@link #data} in place: a binary
 * operation reads the two top slots, writes the result over the second and drops the first. The
 * interpreter checks underflow and overflow from per-opcode tables before an operation runs, so
 * nothing here checks bounds.
 */
public final class Stack {
  public static final int MAX_SIZE = 1024;

  /** The limbs; slot {@code i} (0 = bottom) starts at {@code 4 * i}. */
  public final long[] data = new long[4 * MAX_SIZE];

  /** Scratch space for division, modular arithmetic and EXP. */
  public final Limbs.Scratch scratch = new Limbs.Scratch();

  /** A 32-byte buffer for operations that go through bytes (KECCAK256). */
  public final byte[] word = new byte[32];

  /** Number of words on the stack. */
  public int size;

  /** The limb offset of the slot {@code depth} below the top (0 = the top). */
  public int offset(int depth) {
    return (size - 1 - depth) << 2;
  }

  public int top() {
    return (size - 1) << 2;
  }

  public void pushLong(long unsigned) {
    Limbs.setLong(data, size << 2, unsigned);
    size++;
  }

  public void pushZero() {
    Limbs.setZero(data, size << 2);
    size++;
  }

  public void pushBytes(byte[] in, int off, int len) {
    Limbs.fromBytes(data, size << 2, in, off, len);
    size++;
  }

  public void push(UInt256 v) {
    Limbs.set(data, size << 2, v.u3(), v.u2(), v.u1(), v.u0());
    size++;
  }

  /** The word {@code depth} below the top as a {@code UInt256} (allocates: boundaries only). */
  public UInt256 peek(int depth) {
    int o = offset(depth);
    return new UInt256(data[o + 3], data[o + 2], data[o + 1], data[o]);
  }

  public void pop(int n) {
    size -= n;
  }

  public void clear() {
    size = 0;
  }
}
