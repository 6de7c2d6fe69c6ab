package org.megaeth.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaeth.core.util.HexFormatException;

class AddressTest {
  /** The test vectors of EIP-55. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
      })
  void shouldProduceTheEip55ChecksumOfTheEipVectors(String checksummed) {
    Address address = Address.fromHex(checksummed.toLowerCase(Locale.ROOT));
    assertThat(address.toChecksumString()).isEqualTo(checksummed);
    assertThat(Address.fromHex(checksummed)).isEqualTo(address);
  }

  @Property
  void shouldParseItsOwnChecksumForm(@ForAll("addresses") Address address) {
    assertThat(Address.fromHex(address.toChecksumString())).isEqualTo(address);
    assertThat(Address.fromHex(address.toHexString())).isEqualTo(address);
  }

  @Property
  void shouldHashByValueWhenHashCodeIsCached(@ForAll("addresses") Address address) {
    Address copy = Address.of(address.toArray());
    assertThat(address.hashCode()).isEqualTo(java.util.Arrays.hashCode(address.toArray()));
    assertThat(address.hashCode()).isEqualTo(address.hashCode()); // cached
    assertThat(copy).isEqualTo(address).hasSameHashCodeAs(address);
  }

  @Property
  void shouldRejectAMixedCaseAddressWithOneLetterFlipped(@ForAll("addresses") Address address) {
    String good = address.toChecksumString();
    int letter = firstLetterIndex(good);
    if (letter < 0) {
      return; // all digits: no case to flip
    }
    char c = good.charAt(letter);
    char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    String bad = good.substring(0, letter) + flipped + good.substring(letter + 1);
    boolean stillMixed =
        !bad.substring(2).equals(bad.substring(2).toLowerCase(Locale.ROOT))
            && !bad.substring(2).equals(bad.substring(2).toUpperCase(Locale.ROOT));
    if (stillMixed) {
      assertThatThrownBy(() -> Address.fromHex(bad))
          .isInstanceOf(HexFormatException.class)
          .hasMessageContaining("invalid EIP-55 checksum");
    }
  }

  @Provide
  Arbitrary<Address> addresses() {
    return Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap);
  }

  private static int firstLetterIndex(String hex) {
    for (int i = 2; i < hex.length(); i++) {
      if (Character.isLetter(hex.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
