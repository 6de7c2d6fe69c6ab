package org.megaeth.evm.frame;

import java.util.Arrays;
import org.megaeth.evm.gas.Gas;

/**
 * A frame's memory: a byte array that grows by 32-byte words and is zero-filled. {@link #size} is
 * the active size the yellow paper's {@code μ_i} counts (always a multiple of 32); the backing
 * array may be larger, so a frame reused at the same depth keeps its buffer.
 */
public final class Memory {
  private static final byte[] EMPTY = new byte[0];

  /** Beyond this the expansion cost exceeds any gas a block can hold; also Java's array limit. */
  public static final long MAX_SIZE = 0x7FFF_0000L;

  /**
   * The largest buffer kept for reuse (see {@link ExecutionResources}): a frame that grows beyond
   * it has paid over 14,000 gas for its memory, so allocating afresh is cheap beside that.
   */
  public static final int RETAINED_BYTES = 64 * 1024;

  private byte[] data = EMPTY;
  private int size;

  public int size() {
    return size;
  }

  public byte[] data() {
    return data;
  }

  /**
   * Empties the memory for its next frame: zeroes the active bytes (the rest of the buffer is
   * always zero) and gives up a buffer larger than {@link #RETAINED_BYTES}.
   */
  public void reset() {
    if (data.length > RETAINED_BYTES) {
      data = EMPTY;
    } else if (size > 0) {
      Arrays.fill(data, 0, size, (byte) 0);
    }
    size = 0;
  }

  /**
   * The gas to grow memory so that {@code [offset, offset + length)} is addressable, or {@link
   * Long#MAX_VALUE} when that is out of any range; 0 when no growth is needed or {@code length} is
   * 0. Does not grow: call {@link #ensure} after charging.
   */
  public long expansionCost(long offset, long length) {
    if (length == 0) {
      return 0;
    }
    long end = offset + length;
    if (offset < 0 || length < 0 || end < 0 || end > MAX_SIZE) {
      return Long.MAX_VALUE;
    }
    if (end <= size) {
      return 0;
    }
    long newWords = (end + 31) >>> 5;
    return Gas.memoryCost(newWords) - Gas.memoryCost(size >>> 5);
  }

  /** Grows the active size to cover {@code [offset, offset + length)}; a no-op for length 0. */
  public void ensure(long offset, long length) {
    if (length == 0) {
      return;
    }
    long end = offset + length;
    if (end <= size) {
      return;
    }
    int newSize = (int) (((end + 31) >>> 5) << 5);
    if (newSize > data.length) {
      data = Arrays.copyOf(data, Math.max(newSize, Math.min(data.length * 2, (int) MAX_SIZE)));
    }
    size = newSize;
  }

  /**
   * Copies {@code length} bytes of {@code src} from {@code srcOffset} into memory, zero-padding.
   */
  public void setPadded(long offset, long length, byte[] src, long srcOffset) {
    if (length == 0) {
      return;
    }
    int off = (int) offset;
    int len = (int) length;
    long available = srcOffset >= src.length ? 0 : src.length - srcOffset;
    int copy = (int) Math.min(available, len);
    if (copy > 0) {
      System.arraycopy(src, (int) srcOffset, data, off, copy);
    }
    if (copy < len) {
      Arrays.fill(data, off + copy, off + len, (byte) 0);
    }
  }

  /** MCOPY (EIP-5656): overlapping copy within memory. */
  public void copyWithin(long dst, long src, long length) {
    if (length == 0) {
      return;
    }
    System.arraycopy(data, (int) src, data, (int) dst, (int) length);
  }

  public byte[] slice(long offset, long length) {
    if (length == 0) {
      return EMPTY;
    }
    return Arrays.copyOfRange(data, (int) offset, (int) (offset + length));
  }
}
