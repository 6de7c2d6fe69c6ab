package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

class AuthorizationTest {
  private static final UInt256 CHAIN = UInt256.fromHexString("0xc72dd9d5e883e");
  private static final Address TARGET =
      Address.fromHex("0x8c2319620d7c348bb4e2b2a0b230c81f310e9561");

  /** From execution-apis eth_getTransactionByHash/get-setcode-tx. */
  private static final Authorization RPC_EXAMPLE =
      new Authorization(
          CHAIN,
          TARGET,
          0,
          0,
          UInt256.fromHexString(
              "0xf17d59102e9ebed035d1bd77bc668b170eb1d38edef6e7d971857d85781d68fe"),
          UInt256.fromHexString(
              "0x193dbdc8dea2fc194da75febbd4de9689b625eecd1e4ca30e27b45339af22572"));

  @Test
  void shouldRecoverTheDelegatedAccountWhenFromRpcVector() {
    // eth_getCode/get-code-eip7702-delegation: this account holds 0xef0100 || TARGET.
    assertThat(RPC_EXAMPLE.authority())
        .contains(Address.fromHex("0xeda8645ba6948855e3b3cd596bbb07596d59c603"));
  }

  @Test
  void shouldHashMagicAndRlpTupleWhenComputingSigningHash() {
    Bytes expectedPreimage =
        Bytes.concatenate(
            Bytes.of(0x05),
            Bytes.fromHexString(
                "0xde870c72dd9d5e883e948c2319620d7c348bb4e2b2a0b230c81f310e956180"));

    assertThat(RPC_EXAMPLE.signingHash()).isEqualTo(Keccak.hash(expectedPreimage));
  }

  @Test
  void shouldRecoverSignerWhenSignedBySigner() {
    Authorization auth =
        TransactionSigner.signAuthorization(UInt256.ZERO, TARGET, 7, TestTransactions.KEY);

    assertThat(auth.nonce()).isEqualTo(7);
    assertThat(auth.authority()).contains(TestTransactions.KEY_ADDRESS);
  }

  @Test
  void shouldHaveNoAuthorityWhenYParityIsNotZeroOrOne() {
    Authorization auth = withSignature(RPC_EXAMPLE, 2, RPC_EXAMPLE.r(), RPC_EXAMPLE.s());

    assertThat(auth.authority()).isEmpty();
  }

  @Test
  void shouldHaveNoAuthorityWhenSIsHigh() {
    // s -> n - s with the other parity is the same point, but EIP-7702 wants low s.
    UInt256 highS = Secp256k1.CURVE_ORDER.subtract(RPC_EXAMPLE.s());
    Authorization auth = withSignature(RPC_EXAMPLE, 1, RPC_EXAMPLE.r(), highS);

    assertThat(auth.authority()).isEmpty();
  }

  @Test
  void shouldHaveNoAuthorityWhenRIsZero() {
    assertThat(withSignature(RPC_EXAMPLE, 0, UInt256.ZERO, RPC_EXAMPLE.s()).authority()).isEmpty();
  }

  @Test
  void shouldRejectYParityWhenWiderThanAByte() {
    assertThatThrownBy(() -> withSignature(RPC_EXAMPLE, 256, UInt256.ONE, UInt256.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uint8");
  }

  private static Authorization withSignature(Authorization a, int yParity, UInt256 r, UInt256 s) {
    return new Authorization(a.chainId(), a.address(), a.nonce(), yParity, r, s);
  }
}
