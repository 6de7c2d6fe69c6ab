package org.megaeth.evm.code;

import org.megaeth.core.types.Address;

/**
 * EIP-7702 (Prague) delegation designators: the code {@code 0xef0100 || address} that an
 * authorization writes into an account. Calls into such an account run the code of {@code address}
 * instead (one hop: a designator found there is run as code and halts on 0xef); EXTCODESIZE,
 * EXTCODECOPY and EXTCODEHASH still see the 23 designator bytes.
 */
public final class Delegation {
  /** 3-byte prefix and a 20-byte address. */
  public static final int SIZE = 23;

  private static final byte PREFIX_0 = (byte) 0xef;
  private static final byte PREFIX_1 = 0x01;
  private static final byte PREFIX_2 = 0x00;

  private Delegation() {}

  /** Whether {@code code} is a delegation designator. */
  public static boolean isDesignator(byte[] code) {
    return code.length == SIZE && code[0] == PREFIX_0 && code[1] == PREFIX_1 && code[2] == PREFIX_2;
  }

  /** The address {@code code} delegates to, or null when it is not a designator. */
  public static Address target(byte[] code) {
    if (!isDesignator(code)) {
      return null;
    }
    byte[] address = new byte[Address.SIZE];
    System.arraycopy(code, 3, address, 0, Address.SIZE);
    return Address.wrap(address);
  }

  /** The designator {@code 0xef0100 || target}. */
  public static byte[] designator(Address target) {
    byte[] code = new byte[SIZE];
    code[0] = PREFIX_0;
    code[1] = PREFIX_1;
    code[2] = PREFIX_2;
    target.copyTo(code, 3);
    return code;
  }
}
