package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Hash;

class IntrinsicGasTest {
  private static final Bytes ZERO_AND_ONE = Bytes.of(0, 1);

  @ParameterizedTest(name = "{0}: call {1}, create {2}, data 0x0001 {3}")
  @CsvSource({
    "FRONTIER,   21000, 21000, 21072",
    "HOMESTEAD,  21000, 53000, 21072",
    "PETERSBURG, 21000, 53000, 21072",
    "ISTANBUL,   21000, 53000, 21020", // EIP-2028
    "LONDON,     21000, 53000, 21020",
    "CANCUN,     21000, 53000, 21020",
    "PRAGUE,     21000, 53000, 21020",
  })
  void shouldFollowForkTableWhenNoAccessList(Fork fork, long call, long create, long data) {
    assertThat(IntrinsicGas.of(TestTransactions.legacy(), fork)).isEqualTo(call);
    assertThat(IntrinsicGas.of(TestTransactions.legacy(Optional.empty(), Bytes.EMPTY), fork))
        .isEqualTo(create);
    assertThat(
            IntrinsicGas.of(
                TestTransactions.legacy(Optional.of(TestTransactions.RECIPIENT), ZERO_AND_ONE),
                fork))
        .isEqualTo(data);
  }

  @Test
  void shouldChargeAddressesAndKeysWhenAccessListPresent() {
    AccessListTransaction tx =
        TestTransactions.accessList(
            List.of(
                new AccessListEntry(TestTransactions.RECIPIENT, List.of(Hash.ZERO, Hash.ZERO)),
                new AccessListEntry(TestTransactions.RECIPIENT, List.of(Hash.ZERO))));

    assertThat(IntrinsicGas.of(tx, Fork.BERLIN)).isEqualTo(21_000 + 2 * 2_400 + 3 * 1_900);
  }

  @Test
  void shouldChargeInitCodeWordsWhenCreationFromShanghai() {
    LegacyTransaction create =
        TestTransactions.legacy(Optional.empty(), Bytes.wrap(new byte[33]).not());

    assertThat(IntrinsicGas.of(create, Fork.PARIS)).isEqualTo(53_000 + 33 * 16);
    assertThat(IntrinsicGas.of(create, Fork.SHANGHAI)).isEqualTo(53_000 + 33 * 16 + 2 * 2);
  }

  @Test
  void shouldNotChargeInitCodeWordsWhenCall() {
    LegacyTransaction call =
        TestTransactions.legacy(Optional.of(TestTransactions.RECIPIENT), Bytes.wrap(new byte[33]));

    assertThat(IntrinsicGas.of(call, Fork.SHANGHAI)).isEqualTo(21_000 + 33 * 4);
  }

  @Test
  void shouldChargePerAuthorizationWhenSetCode() {
    SetCodeTransaction tx = TestTransactions.setCode();
    SetCodeTransaction two =
        TestTransactions.setCode(
            List.of(tx.authorizationList().get(0), tx.authorizationList().get(0)));

    assertThat(IntrinsicGas.of(two, Fork.PRAGUE)).isEqualTo(21_000 + 2 * 25_000);
  }

  @Test
  void shouldComputeFloorFromTokensWhenPrague() {
    Bytes data = Bytes.concatenate(Bytes.wrap(new byte[5]), Bytes.wrap(new byte[10]).not());
    LegacyTransaction tx = TestTransactions.legacy(Optional.of(TestTransactions.RECIPIENT), data);

    // tokens = 5 zero bytes + 4 * 10 non-zero bytes = 45 (EIP-7623).
    assertThat(IntrinsicGas.floorDataGas(tx, Fork.PRAGUE)).isEqualTo(21_000 + 10 * 45);
    assertThat(IntrinsicGas.of(tx, Fork.PRAGUE)).isEqualTo(21_000 + 5 * 4 + 10 * 16);
  }

  @Test
  void shouldHaveNoFloorWhenBeforePrague() {
    assertThat(IntrinsicGas.floorDataGas(TestTransactions.legacy(), Fork.CANCUN)).isZero();
  }

  @Test
  void shouldUseFloorBaseOnlyWhenCreationInPrague() {
    LegacyTransaction create = TestTransactions.legacy(Optional.empty(), Bytes.EMPTY);

    assertThat(IntrinsicGas.floorDataGas(create, Fork.PRAGUE)).isEqualTo(21_000);
  }
}
