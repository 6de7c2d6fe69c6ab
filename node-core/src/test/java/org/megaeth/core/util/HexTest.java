package org.megaeth.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HexTest {
  @Property
  void shouldRoundTripAnyBytes(@ForAll byte[] bytes) {
    assertThat(Hex.decode(Hex.encode(bytes))).isEqualTo(bytes);
    assertThat(Hex.decode(Hex.encodeNoPrefix(bytes))).isEqualTo(bytes);
  }

  @Test
  void shouldAcceptUpperCaseDigitsAndPrefix() {
    assertThat(Hex.decode("0XABcd")).containsExactly(0xab, 0xcd);
    assertThat(Hex.decode("0x")).isEmpty();
  }

  @Test
  void shouldNameTheBadCharacterWhenADigitIsNotHex() {
    assertThatThrownBy(() -> Hex.decode("0x12zz"))
        .isInstanceOf(HexFormatException.class)
        .hasMessage("hex string \"0x12zz\" has a non-hex character 'z' at position 4");
  }

  @Test
  void shouldRejectOddLengthDataButAcceptOddQuantities() {
    assertThatThrownBy(() -> Hex.decode("0x123")).hasMessageContaining("odd number of digits");
    assertThat(Hex.decodeLenient("0x123")).containsExactly(0x01, 0x23);
  }

  @Test
  void shouldRejectWrongLengthWhenExactLengthIsRequired() {
    assertThatThrownBy(() -> Hex.decodeExact("0x1234", 20)).hasMessageContaining("expected 20");
  }

  @Test
  void shouldRejectNonAsciiDigits() {
    // Character.digit accepts full-width digits; hex on the wire never contains them.
    assertThatThrownBy(() -> Hex.decode("0x\uFF11\uFF12")).isInstanceOf(HexFormatException.class);
  }
}
