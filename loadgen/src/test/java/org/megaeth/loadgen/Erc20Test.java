package org.megaeth.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

class Erc20Test {
  private static final Address BOB = Address.fromHex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

  @Test
  void shouldEncodeTransferAsTheSolidityAbiDoes() {
    assertThat(Erc20.transfer(BOB, UInt256.valueOf(1_000)).toHexString())
        .isEqualTo(
            "0xa9059cbb"
                + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
                + "00000000000000000000000000000000000000000000000000000000000003e8");
  }

  @Test
  void shouldEncodeBalanceOfAsTheSolidityAbiDoes() {
    assertThat(Erc20.balanceOf(BOB).toHexString())
        .isEqualTo(
            "0x70a08231" + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8");
  }

  @Test
  void shouldAppendTheSupplyToTheBenchTokenInitCode() {
    Bytes deployment = Erc20.benchTokenDeployment(UInt256.valueOf(0xabcdef));
    assertThat(deployment.size()).isGreaterThan(1_000);
    assertThat(deployment.slice(deployment.size() - 32).toHexString())
        .isEqualTo("0x0000000000000000000000000000000000000000000000000000000000abcdef");
    // Solidity init code starts with the free-memory-pointer setup: PUSH1 0x80 PUSH1 0x40 MSTORE.
    assertThat(deployment.slice(0, 5).toHexString()).isEqualTo("0x6080604052");
  }
}
