package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaeth.core.fork.Fork;

class TransactionTypeTest {
  @ParameterizedTest
  @CsvSource({
    "LEGACY, FRONTIER, FRONTIER",
    "ACCESS_LIST, ISTANBUL, BERLIN",
    "DYNAMIC_FEE, BERLIN, LONDON",
    "BLOB, SHANGHAI, CANCUN",
    "SET_CODE, CANCUN, PRAGUE"
  })
  void shouldBeSupportedFromItsForkOn(TransactionType type, Fork before, Fork from) {
    if (before != from) {
      assertThat(type.isSupportedIn(before)).isFalse();
    }
    assertThat(type.isSupportedIn(from)).isTrue();
    assertThat(type.isSupportedIn(Fork.OSAKA)).isTrue();
    assertThat(type.introducedIn()).isEqualTo(from);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void shouldFindTypeWhenTypeByteIsKnown(int typeByte) {
    assertThat(TransactionType.ofTypeByte(typeByte))
        .hasValueSatisfying(type -> assertThat(type.number()).isEqualTo(typeByte));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, 0x7f, 0xc0})
  void shouldFindNothingWhenTypeByteIsNotATypedTransaction(int typeByte) {
    assertThat(TransactionType.ofTypeByte(typeByte)).isEmpty();
  }
}
