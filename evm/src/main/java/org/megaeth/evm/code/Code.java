package org.megaeth.evm.code;

import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;

/**
 * Contract code with its analysis: a bitmap of the valid JUMPDEST positions (a 0x5b byte that is
 * not inside PUSH data). Immutable; shared between frames and, through {@link CodeCache}, between
 * transactions.
 */
public final class Code {
  public static final Code EMPTY = new Code(new byte[0], Keccak.EMPTY);

  private final byte[] bytes;
  private final Hash hash;
  private final long[] jumpDests;

  private Code(byte[] bytes, Hash hash) {
    this.bytes = bytes;
    this.hash = hash;
    this.jumpDests = analyse(bytes);
  }

  /** Analyses {@code bytes}, which the caller must not modify afterwards. */
  public static Code of(byte[] bytes, Hash hash) {
    return bytes.length == 0 ? EMPTY : new Code(bytes, hash);
  }

  /** Analyses init code, whose hash is not needed (computed lazily elsewhere if at all). */
  public static Code ofInitCode(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Code(bytes, null);
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The code hash; null for init code. */
  public Hash hash() {
    return hash;
  }

  public int size() {
    return bytes.length;
  }

  public boolean isJumpDest(long pc) {
    return pc >= 0 && pc < bytes.length && (jumpDests[(int) (pc >>> 6)] & (1L << pc)) != 0;
  }

  private static long[] analyse(byte[] code) {
    long[] bitmap = new long[(code.length + 63) >>> 6];
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xFF;
      if (op == 0x5b) {
        bitmap[pc >>> 6] |= 1L << pc;
        pc++;
      } else if (op >= 0x60 && op <= 0x7f) {
        pc += op - 0x5f + 1;
      } else {
        pc++;
      }
    }
    return bitmap;
  }
}
