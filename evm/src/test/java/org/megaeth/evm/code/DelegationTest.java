package org.megaeth.evm.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.types.Address;
import org.megaeth.core.util.Hex;

class DelegationTest {
  private static final Address TARGET =
      Address.fromHex("0x1111111111111111111111111111111111111111");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0xef01001111111111111111111111111111111111111111, true",
    // Wrong version byte, wrong magic, one byte short, one byte long, empty.
    "0xef01011111111111111111111111111111111111111111, false",
    "0xef02001111111111111111111111111111111111111111, false",
    "0xef010011111111111111111111111111111111111111, false",
    "0xef0100111111111111111111111111111111111111111100, false",
    "0x, false",
  })
  void shouldRecognizeOnlyExactDesignatorWhenCodeIsChecked(String code, boolean designator) {
    byte[] bytes = Hex.decodeLenient(code);
    assertThat(Delegation.isDesignator(bytes)).isEqualTo(designator);
    assertThat(Delegation.target(bytes)).isEqualTo(designator ? TARGET : null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0x1111111111111111111111111111111111111111",
    "0x0000000000000000000000000000000000000004"
  })
  void shouldRoundTripWhenDesignatorIsBuilt(String address) {
    Address target = Address.fromHex(address);
    byte[] designator = Delegation.designator(target);
    assertThat(Hex.encode(designator)).isEqualTo("0xef0100" + address.substring(2));
    assertThat(Delegation.target(designator)).isEqualTo(target);
  }
}
