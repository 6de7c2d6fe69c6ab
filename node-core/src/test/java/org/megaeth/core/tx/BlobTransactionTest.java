package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

class BlobTransactionTest {
  /** execution-apis eth_getTransactionByHash/get-blob-tx: the fields as the RPC returns them. */
  private static final BlobTransaction RPC_EXAMPLE =
      new BlobTransaction(
          Optional.of(UInt256.fromHexString("0xc72dd9d5e883e")),
          0xc7,
          Wei.of(1),
          Wei.of(0x813f23cL),
          0x186a0,
          Optional.of(Address.fromHex("0x7dcd17433742f4c0ca53122ab541d0ba67fc27df")),
          Wei.of(3),
          Bytes.fromHexString("0x29db68258899c2fe656d6974"),
          List.of(
              new AccessListEntry(
                  Address.fromHex("0x7dcd17433742f4c0ca53122ab541d0ba67fc27df"),
                  List.of(
                      Hash.ZERO,
                      Hash.fromHex(
                          "0x35f96bc70aa62a539fa99d9153b0f8aaa4594abf70cc8a8d9018e04e39a17982")))),
          Wei.of(0x20000),
          List.of(
              Hash.fromHex("0x015a4cab4911426699ed34483de6640cf55a568afc5c5edffdcbd8bcd4452f68")),
          new Signature(
              UInt256.fromHexString(
                  "0xf5b2ecf5fb4a93d85bfa76fab96a57eed00c3e5ed379f0018756e33d3cbb985a"),
              UInt256.fromHexString(
                  "0x6647a16a0b2aee4772edf9c03afb679e21d134ce3231f0fce7f6bfa9d1152f03"),
              1));

  @Test
  void shouldMatchRpcHashAndSenderWhenBuiltFromItsFields() {
    assertThat(RPC_EXAMPLE.hash())
        .isEqualTo(
            Hash.fromHex("0x4bb6fa064c302d27ea9ac821e061bcc336b8fa40de77f01e116c6461d47e7ac1"));
    assertThat(RPC_EXAMPLE.sender().address())
        .contains(Address.fromHex("0x7435ed30a8b4aeb0877cef0c6e8cffe834eb865f"));
    assertThat(TransactionDecoder.decode(RPC_EXAMPLE.encoded())).isEqualTo(RPC_EXAMPLE);
  }

  @Test
  void shouldChargeBlobGasPerVersionedHash() {
    assertThat(RPC_EXAMPLE.blobGas()).isEqualTo(131_072);
    assertThat(TestTransactions.blob(List.of(Hash.ZERO, Hash.ZERO)).blobGas()).isEqualTo(262_144);
    assertThat(TestTransactions.dynamicFee().blobGas()).isZero();
  }

  @Test
  void shouldRefuseContractCreationWhenBuilt() {
    BlobTransaction template = TestTransactions.blob();

    assertThatThrownBy(
            () ->
                new BlobTransaction(
                    template.chainId(),
                    0,
                    Wei.ZERO,
                    Wei.ZERO,
                    0,
                    Optional.empty(),
                    Wei.ZERO,
                    Bytes.EMPTY,
                    List.of(),
                    Wei.ZERO,
                    List.of(),
                    TransactionSigner.UNSIGNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("blob transaction of type create");
  }
}
