package org.megaeth.trie.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerklePatriciaTrie;

class AccountTest {
  @Property(tries = 500)
  void shouldDecodeWhatItEncodesWhenFieldsAreRandom(
      @ForAll long nonce,
      @ForAll byte[] balanceBytes,
      @ForAll @IntRange(min = 0, max = 2) int roots) {
    byte[] balance = new byte[Math.min(balanceBytes.length, 32)];
    System.arraycopy(balanceBytes, 0, balance, 0, balance.length);
    Hash storageRoot = roots == 0 ? MerklePatriciaTrie.EMPTY_TRIE_ROOT : Keccak.hash(balance);
    Hash codeHash = roots == 1 ? Keccak.EMPTY : Keccak.hash(Bytes.wrap(balance).reverse());
    Account account = new Account(nonce, Wei.of(UInt256.fromBytes(balance)), storageRoot, codeHash);

    Account decoded = Account.decode(account.encode());

    assertThat(decoded).isEqualTo(account);
    if (roots == 0) {
      assertThat(decoded.storageRoot()).isSameAs(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
    }
  }

  @Test
  void shouldRejectEncodingWhenScalarHasLeadingZeroOrWrongShape() {
    Bytes valid = Account.EMPTY.withNonce(5).withBalance(Wei.of(BigInteger.TEN.pow(20))).encode();
    byte[] leadingZero = valid.toArray();
    // nonce 5 (0x05) re-encoded as the two-byte string 0x8105 is not canonical
    Bytes nonCanonical =
        Bytes.concatenate(Bytes.of((leadingZero[0] & 0xFF) + 1, 0x81, 0x05), valid.slice(2));

    assertThat(Account.decode(valid).nonce()).isEqualTo(5);
    assertThatThrownBy(() -> Account.decode(nonCanonical)).isInstanceOf(RlpException.class);
    assertThatThrownBy(() -> Account.decode(valid.slice(0, valid.size() - 1)))
        .isInstanceOf(RlpException.class);
  }
}
