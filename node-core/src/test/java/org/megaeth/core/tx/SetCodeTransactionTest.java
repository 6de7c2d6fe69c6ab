package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

class SetCodeTransactionTest {
  private static final UInt256 CHAIN = UInt256.fromHexString("0xc72dd9d5e883e");

  /** execution-apis eth_getTransactionByHash/get-setcode-tx: the fields as the RPC returns them. */
  private static final SetCodeTransaction RPC_EXAMPLE =
      new SetCodeTransaction(
          Optional.of(CHAIN),
          0xd3,
          Wei.of(1),
          Wei.of(0x56a9214L),
          0xb3b0,
          Optional.of(Address.ZERO),
          Wei.ZERO,
          Bytes.EMPTY,
          List.of(),
          List.of(
              new Authorization(
                  CHAIN,
                  Address.fromHex("0x8c2319620d7c348bb4e2b2a0b230c81f310e9561"),
                  0,
                  0,
                  UInt256.fromHexString(
                      "0xf17d59102e9ebed035d1bd77bc668b170eb1d38edef6e7d971857d85781d68fe"),
                  UInt256.fromHexString(
                      "0x193dbdc8dea2fc194da75febbd4de9689b625eecd1e4ca30e27b45339af22572"))),
          new Signature(
              UInt256.fromHexString(
                  "0x333946e8b98c5b7eff15da75e7264e9e16728f06436e86611c82fd14eaee2256"),
              UInt256.fromHexString(
                  "0x3b268e5c9bb29a77f6976ae0f580f781ad765de3f9163b528ea9230ac02c996c"),
              0));

  @Test
  void shouldMatchRpcHashAndSenderWhenBuiltFromItsFields() {
    assertThat(RPC_EXAMPLE.hash())
        .isEqualTo(
            Hash.fromHex("0x99f7e58af4dd2735931a3262705fbe57ea2fcc79497668f74309cdeaf37cc223"));
    assertThat(RPC_EXAMPLE.sender().address())
        .contains(Address.fromHex("0x7435ed30a8b4aeb0877cef0c6e8cffe834eb865f"));
    assertThat(TransactionDecoder.decode(RPC_EXAMPLE.encoded())).isEqualTo(RPC_EXAMPLE);
  }

  @Test
  void shouldChargePerAuthorizationWhenPrague() {
    // The receipt of the same transaction: 46000 gas less the 12500 refund, capped at a fifth.
    assertThat(IntrinsicGas.of(RPC_EXAMPLE, Fork.PRAGUE)).isEqualTo(46_000);
  }

  @Test
  void shouldRecoverAuthorityWhenAuthorizationSignedByKnownKey() {
    SetCodeTransaction tx = TestTransactions.signed(TestTransactions.setCode());

    assertThat(tx.sender().address()).contains(TestTransactions.KEY_ADDRESS);
    assertThat(tx.authorizationList().getFirst().authority())
        .contains(TestTransactions.KEY_ADDRESS);
  }
}
