package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpReader;

class TransactionEncoderTest {
  @Test
  void shouldReproduceBlockBodyWhenReencodingDecodedTransactions() {
    List<Transaction> txs =
        TransactionDecoder.decodeBlockBody(TransactionDecoderTest.ALL_TYPES_BODY);

    assertThat(TransactionEncoder.encodeBlockBody(txs))
        .isEqualTo(TransactionDecoderTest.ALL_TYPES_BODY);
  }

  @Test
  void shouldWrapTypedTransactionsAsStringsWhenInBlockBody() {
    Transaction legacy = TestTransactions.signed(TestTransactions.legacy());
    Transaction typed = TestTransactions.signed(TestTransactions.dynamicFee());

    Bytes body = TransactionEncoder.encodeBlockBody(List.of(legacy, typed));

    List<Bytes> items =
        Rlp.decodeList(
            body,
            r -> {
              Bytes first = r.readRaw();
              Bytes second = r.readBytes();
              return List.of(first, second);
            });
    assertThat(items.get(0)).isEqualTo(legacy.encoded());
    assertThat(items.get(1)).isEqualTo(typed.encoded());
  }

  @Test
  void shouldPrefixTypeByteWhenTyped() {
    assertThat(TestTransactions.accessList(List.of()).encoded().get(0)).isEqualTo((byte) 1);
    assertThat(TestTransactions.dynamicFee().encoded().get(0)).isEqualTo((byte) 2);
    assertThat(TestTransactions.blob().encoded().get(0)).isEqualTo((byte) 3);
    assertThat(TestTransactions.setCode().encoded().get(0)).isEqualTo((byte) 4);
    assertThat(TestTransactions.legacy().encoded().get(0) & 0xFF).isGreaterThanOrEqualTo(0xc0);
  }

  @Test
  void shouldLeaveSignatureOutWhenEncodingForSigning() {
    Transaction tx = TestTransactions.signed(TestTransactions.dynamicFee());

    Bytes signing = TransactionEncoder.encodeForSigning(tx);
    int fields = Rlp.decodeList(signing.slice(1), TransactionEncoderTest::countItems);

    assertThat(signing.get(0)).isEqualTo((byte) 2);
    assertThat(fields).isEqualTo(9);
  }

  @Test
  void shouldAppendChainIdAndTwoZerosWhenSigningProtectedLegacy() {
    int fields =
        Rlp.decodeList(
            TransactionEncoder.encodeForSigning(TestTransactions.legacy()),
            TransactionEncoderTest::countItems);

    assertThat(fields).isEqualTo(9);
  }

  private static int countItems(RlpReader r) {
    int n = 0;
    while (!r.isComplete()) {
      r.skip();
      n++;
    }
    return n;
  }
}
