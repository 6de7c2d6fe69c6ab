package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

class LegacyTransactionTest {
  /** The example in the text of EIP-155. */
  private static final LegacyTransaction EIP155_EXAMPLE =
      new LegacyTransaction(
          9,
          Wei.fromGwei(20),
          21_000,
          Optional.of(TestTransactions.RECIPIENT),
          Wei.fromEth(1),
          Bytes.EMPTY,
          Optional.of(UInt256.ONE),
          TransactionSigner.UNSIGNED);

  @Test
  void shouldMatchEip155ExampleWhenSignedWithChainId() {
    assertThat(TransactionEncoder.encodeForSigning(EIP155_EXAMPLE))
        .isEqualTo(
            Bytes.fromHexString(
                "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080"));
    assertThat(EIP155_EXAMPLE.signingHash())
        .isEqualTo(
            Hash.fromHex("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"));

    LegacyTransaction signed = TestTransactions.signed(EIP155_EXAMPLE);

    assertThat(signed.v()).isEqualTo(UInt256.valueOf(37));
    assertThat(signed.signature().r())
        .isEqualTo(
            UInt256.fromHexString(
                "0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"));
    assertThat(signed.signature().s())
        .isEqualTo(
            UInt256.fromHexString(
                "0x67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"));
    assertThat(signed.encoded())
        .isEqualTo(
            Bytes.fromHexString(
                "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7"
                    + "6400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa6362"
                    + "76a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"));
    assertThat(signed.sender().address())
        .contains(Address.fromHex("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"));
  }

  @Test
  void shouldUseV27Or28WhenNotReplayProtected() {
    LegacyTransaction unprotected =
        TestTransactions.legacy().withSignature(new Signature(UInt256.ONE, UInt256.ONE, 1));
    LegacyTransaction withoutChain =
        new LegacyTransaction(
            unprotected.nonce(),
            unprotected.gasPrice(),
            unprotected.gasLimit(),
            unprotected.to(),
            unprotected.value(),
            unprotected.data(),
            Optional.empty(),
            unprotected.signature());

    assertThat(withoutChain.v()).isEqualTo(UInt256.valueOf(28));
    assertThat(withoutChain.isProtected()).isFalse();
    assertThat(withoutChain.chainId()).isEmpty();
  }

  @Test
  void shouldSignWithoutChainIdWhenNotReplayProtected() {
    LegacyTransaction unprotected =
        new LegacyTransaction(
            0,
            Wei.of(1),
            21_000,
            Optional.empty(),
            Wei.ZERO,
            Bytes.of(1, 2, 3),
            Optional.empty(),
            TransactionSigner.UNSIGNED);

    LegacyTransaction signed = TestTransactions.signed(unprotected);

    assertThat(signed.v().toLongExact()).isIn(27L, 28L);
    assertThat(TransactionEncoder.encodeForSigning(signed).get(0) & 0xFF)
        .as("six fields, no EIP-155 suffix")
        .isLessThan(0xf8);
    assertThat(signed.sender().address()).contains(TestTransactions.KEY_ADDRESS);
  }

  @Test
  void shouldMapGasPriceToBothFeeFieldsWhenLegacy() {
    LegacyTransaction tx = TestTransactions.legacy();

    assertThat(tx.maxFeePerGas()).isEqualTo(tx.gasPrice());
    assertThat(tx.maxPriorityFeePerGas()).isEqualTo(tx.gasPrice());
    assertThat(tx.accessList()).isEmpty();
    assertThat(tx.type()).isEqualTo(TransactionType.LEGACY);
  }

  @Test
  void shouldRejectChainIdWhenItsVWouldExceed256Bits() {
    Optional<UInt256> huge = Optional.of(UInt256.MAX.divide(UInt256.valueOf(2)));

    assertThatThrownBy(
            () ->
                new LegacyTransaction(
                    0,
                    Wei.ZERO,
                    0,
                    Optional.empty(),
                    Wei.ZERO,
                    Bytes.EMPTY,
                    huge,
                    TransactionSigner.UNSIGNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chain id too large");
  }

  @Test
  void shouldDeriveEip155VWhenChainIdIsLarge() {
    // execution-apis eth_sendRawTransaction/send-legacy-transaction: chain id 0xc72dd9d5e883e.
    Transaction tx =
        TransactionDecoder.decode(
            Bytes.fromHexString(
                "0xf86c808401a213988261a894aa000000000000000000000000000000000000000a8255448718e5"
                    + "bb3abd109fa073fbe7ff7e74339e7cc61fb3cb3f7630cd3f1d5fef653d7297654b2d22894dae"
                    + "a042a188d30f35f19408c73c803bc1e9e17ce129c457e31fd2a368b54507af2f4c"));

    assertThat(tx).isInstanceOf(LegacyTransaction.class);
    assertThat(tx.chainId()).contains(UInt256.fromHexString("0xc72dd9d5e883e"));
    assertThat(((LegacyTransaction) tx).v()).isEqualTo(UInt256.fromHexString("0x18e5bb3abd109f"));
    assertThat(tx.hash())
        .isEqualTo(
            Hash.fromHex("0xb55b6dfd4ba0bb2b00283b0e84cda496c90bc7c5ae9025e07edc3a7fbaf6a269"));
  }
}
