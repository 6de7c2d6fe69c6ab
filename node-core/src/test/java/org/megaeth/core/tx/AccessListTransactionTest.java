package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

class AccessListTransactionTest {
  /** execution-apis eth_sendRawTransaction/send-access-list-transaction. */
  private static final Bytes RAW =
      Bytes.fromHexString(
          "0x01f8cc870c72dd9d5e883e028401a2158b83015f90947dcd17433742f4c0ca53122ab541d0ba67fc27df"
              + "8083010203f85bf859947dcd17433742f4c0ca53122ab541d0ba67fc27dff842a00000000000000000"
              + "000000000000000000000000000000000000000000000000a001000000000000000000000000000000"
              + "0000000000000000000000000000000080a077c7fff2b3316a4a0b112a12eed09f6f10d31f3f4600a8"
              + "82301970ecb8451644a02e2136e1c2c3244ad1dfd367c11de1c288faba87991a8866b3fbbbda6033fa0b");

  @Test
  void shouldMatchKnownHashWhenDecodedFromRpcVector() {
    Transaction tx = TransactionDecoder.decode(RAW);

    assertThat(tx).isInstanceOf(AccessListTransaction.class);
    AccessListTransaction typed = (AccessListTransaction) tx;
    assertThat(typed.chainId()).contains(UInt256.fromHexString("0xc72dd9d5e883e"));
    assertThat(typed.nonce()).isEqualTo(2);
    assertThat(typed.gasPrice()).isEqualTo(Wei.of(0x1a2158bL));
    assertThat(typed.gasLimit()).isEqualTo(0x15f90);
    assertThat(typed.data()).isEqualTo(Bytes.fromHexString("0x010203"));
    assertThat(typed.accessList())
        .containsExactly(
            new AccessListEntry(
                Address.fromHex("0x7dcd17433742f4c0ca53122ab541d0ba67fc27df"),
                List.of(
                    Hash.ZERO,
                    Hash.fromHex(
                        "0x0100000000000000000000000000000000000000000000000000000000000000"))));
    assertThat(typed.hash())
        .isEqualTo(
            Hash.fromHex("0x2a47fd29365246f5bc1ba9209d2f8c27ba501f78a2e697d470448ddf799a98d4"));
    assertThat(typed.encoded()).isEqualTo(RAW);
  }

  @Test
  void shouldRequireChainIdWhenTyped() {
    assertThatThrownBy(
            () ->
                new AccessListTransaction(
                    Optional.empty(),
                    0,
                    Wei.ZERO,
                    0,
                    Optional.empty(),
                    Wei.ZERO,
                    Bytes.EMPTY,
                    List.of(),
                    TransactionSigner.UNSIGNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chain id");
  }

  @Test
  void shouldRecoverSignerWhenSigned() {
    AccessListTransaction tx =
        TestTransactions.signed(
            TestTransactions.accessList(
                List.of(new AccessListEntry(TestTransactions.RECIPIENT, List.of(Hash.ZERO)))));

    assertThat(tx.sender().address()).contains(TestTransactions.KEY_ADDRESS);
    assertThat(tx.maxFeePerGas()).isEqualTo(tx.gasPrice());
    assertThat(tx.maxPriorityFeePerGas()).isEqualTo(tx.gasPrice());
  }
}
