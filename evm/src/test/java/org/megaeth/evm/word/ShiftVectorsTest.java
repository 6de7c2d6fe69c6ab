package org.megaeth.evm.word;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.types.UInt256;

/** The EIP-145 test vectors for SHL, SHR and SAR. */
class ShiftVectorsTest {
  private static final String ONE =
      "0x0000000000000000000000000000000000000000000000000000000000000001";
  private static final String MAX =
      "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

  @ParameterizedTest(name = "{0} {1} by {2} = {3}")
  @CsvSource({
    "SHL, " + ONE + ", 0x00, " + ONE,
    "SHL, " + ONE + ", 0x01, 0x02",
    "SHL, " + ONE + ", 0xff, 0x8000000000000000000000000000000000000000000000000000000000000000",
    "SHL, " + ONE + ", 0x0100, 0x00",
    "SHL, " + ONE + ", 0x0101, 0x00",
    "SHL, " + MAX + ", 0x00, " + MAX,
    "SHL, " + MAX + ", 0x01, 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe",
    "SHL, " + MAX + ", 0xff, 0x8000000000000000000000000000000000000000000000000000000000000000",
    "SHL, " + MAX + ", 0x0100, 0x00",
    "SHL, 0x00, 0x01, 0x00",
    "SHL, 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 0x01, 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe",
    "SHR, " + ONE + ", 0x00, " + ONE,
    "SHR, " + ONE + ", 0x01, 0x00",
    "SHR, 0x8000000000000000000000000000000000000000000000000000000000000000, 0x01, 0x4000000000000000000000000000000000000000000000000000000000000000",
    "SHR, 0x8000000000000000000000000000000000000000000000000000000000000000, 0xff, 0x01",
    "SHR, 0x8000000000000000000000000000000000000000000000000000000000000000, 0x0100, 0x00",
    "SHR, 0x8000000000000000000000000000000000000000000000000000000000000000, 0x0101, 0x00",
    "SHR, " + MAX + ", 0x00, " + MAX,
    "SHR, " + MAX + ", 0x01, 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "SHR, " + MAX + ", 0xff, 0x01",
    "SHR, " + MAX + ", 0x0100, 0x00",
    "SHR, 0x00, 0x01, 0x00",
    "SAR, " + ONE + ", 0x00, " + ONE,
    "SAR, " + ONE + ", 0x01, 0x00",
    "SAR, 0x8000000000000000000000000000000000000000000000000000000000000000, 0x01, 0xc000000000000000000000000000000000000000000000000000000000000000",
    "SAR, 0x8000000000000000000000000000000000000000000000000000000000000000, 0xff, " + MAX,
    "SAR, 0x8000000000000000000000000000000000000000000000000000000000000000, 0x0100, " + MAX,
    "SAR, 0x8000000000000000000000000000000000000000000000000000000000000000, 0x0101, " + MAX,
    "SAR, " + MAX + ", 0x00, " + MAX,
    "SAR, " + MAX + ", 0x01, " + MAX,
    "SAR, " + MAX + ", 0xff, " + MAX,
    "SAR, " + MAX + ", 0x0100, " + MAX,
    "SAR, 0x00, 0x01, 0x00",
    "SAR, 0x4000000000000000000000000000000000000000000000000000000000000000, 0xfe, 0x01",
    "SAR, 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 0xf8, 0x7f",
    "SAR, 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 0xfe, 0x01",
    "SAR, 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 0xff, 0x00",
    "SAR, 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 0x0100, 0x00",
  })
  void shouldMatchEip145VectorWhenShifting(String op, String value, String shift, String expected) {
    long[] s = new long[8];
    put(s, 4, UInt256.fromHexString(shift));
    put(s, 0, UInt256.fromHexString(value));
    switch (op) {
      case "SHL" -> Limbs.shl(s, 4, 0);
      case "SHR" -> Limbs.shr(s, 4, 0);
      default -> Limbs.sar(s, 4, 0);
    }
    assertThat(new UInt256(s[3], s[2], s[1], s[0])).isEqualTo(UInt256.fromHexString(expected));
  }

  private static void put(long[] s, int o, UInt256 v) {
    Limbs.set(s, o, v.u3(), v.u2(), v.u1(), v.u0());
  }
}
