package org.megaeth.core.tx;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Wei;

/**
 * What the validator needs to know of the sender's account.
 *
 * @param nonce unsigned 64-bit
 * @param code the account's code: empty for an EOA, or an EIP-7702 delegation designator
 */
public record SenderAccount(long nonce, Wei balance, Bytes code) {
  /** EIP-7702 delegation designator prefix: {@code 0xef0100 || address}. */
  public static final Bytes DELEGATION_PREFIX = Bytes.fromHexString("0xef0100");

  /** 3-byte prefix and a 20-byte address. */
  public static final int DELEGATION_SIZE = 23;

  public SenderAccount {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(code, "code");
  }

  /** An account with no code. */
  public static SenderAccount eoa(long nonce, Wei balance) {
    return new SenderAccount(nonce, balance, Bytes.EMPTY);
  }

  /** Whether the code is an EIP-7702 delegation designator. */
  public boolean isDelegated() {
    return code.size() == DELEGATION_SIZE && code.slice(0, 3).equals(DELEGATION_PREFIX);
  }
}
