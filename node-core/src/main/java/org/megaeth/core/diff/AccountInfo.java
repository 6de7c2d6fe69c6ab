package org.megaeth.core.diff;

import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * An account's new nonce, balance and code hash.
 *
 * @param nonce unsigned 64-bit
 * @param code the code, present when the account's code changed in the block (a deployment or an
 *     EIP-7702 delegation), so a node that applies the diff can store it
 */
public record AccountInfo(long nonce, UInt256 balance, Hash codeHash, Optional<Bytes> code) {
  public AccountInfo {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(code, "code");
    if (code.isPresent() && !Keccak.hash(code.get()).equals(codeHash)) {
      throw new IllegalArgumentException("code does not hash to the code hash " + codeHash);
    }
  }

  public boolean hasCode() {
    return !codeHash.equals(Keccak.EMPTY);
  }
}
