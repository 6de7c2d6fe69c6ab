package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

class TransactionDecoderTest {
  /**
   * A block body's transactions from ethereum/tests BlockchainTests
   * bcEIP4844-blobtransactions/blockWithAllTransactionTypes: one of each of types 0 to 3.
   */
  static final Bytes ALL_TYPES_BODY =
      Bytes.fromHexString(
          "0xf901cbf864808203e885e8d4a5100094100000000000000000000000000000000000000a01801ca09de4"
              + "adda6288582a6700dbcd8eb70c0a4a7fc9487d965f7bf22424e0bd121095a01cdb078764cc3770d5"
              + "db847e99e10333aa7c356247baaf09b03eae04d64e7926b86901f86601018203e885e8d4a5100094"
              + "100000000000000000000000000000000000000a0380c080a025090740da12684493e4fb466a3979"
              + "e365b194e8cf462edf3c2c3be2f130bb2ea034fa18fb4c1bff4d957d72e28535d27f1352517a942a"
              + "eaca0ed944085f0cd8bbb86a02f8670102018203e885e8d4a5100094100000000000000000000000"
              + "000000000000000a0580c080a0352a7be5002ce111bc5167f3addf97a75e2e0b810d826af71d2caa"
              + "e18aed284ea065d38f8a5c8948ce706842e8861fb21020b93a4d5e489162a0e6d419a457b735b88c"
              + "03f8890103018203e885e8d4a5100094100000000000000000000000000000000000000a0780c00a"
              + "e1a001a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8809f638144c4"
              + "6d5de7a9e630c0e7c5c63ae829ecfd8cc94715d9c29fe17c464de0a06c5fc54c3aa868ba35ef31a4"
              + "e12431611631ab7bcdceb4214dd273d83f73b5e1");

  private static final Address SENDER =
      Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");

  /** A well-formed unprotected legacy transaction's fields, as raw RLP items. */
  private static final String[] LEGACY_FIELDS = {
    "0x80", // nonce
    "0x01", // gasPrice
    "0x825208", // gas
    "0x94095e7baea6a6c7c4c2dfeb977efac326af552d87", // to
    "0x0a", // value
    "0x80", // data
    "0x1b", // v
    "0x01", // r
    "0x01" // s
  };

  @Test
  void shouldDecodeEveryTypeWhenBlockBodyHasAllTypes() {
    List<Transaction> txs = TransactionDecoder.decodeBlockBody(ALL_TYPES_BODY);

    assertThat(txs)
        .extracting(Transaction::type)
        .containsExactly(
            TransactionType.LEGACY,
            TransactionType.ACCESS_LIST,
            TransactionType.DYNAMIC_FEE,
            TransactionType.BLOB);
    assertThat(txs).allSatisfy(tx -> assertThat(tx.sender().address()).contains(SENDER));
    assertThat(txs.get(3).blobVersionedHashes()).containsExactly(TestTransactions.BLOB_HASH);
  }

  @Test
  void shouldDecodeEverySignedTypeWhenCanonical() {
    for (Transaction tx :
        List.of(
            TestTransactions.signed(TestTransactions.legacy()),
            TestTransactions.signed(TestTransactions.accessList(List.of())),
            TestTransactions.signed(TestTransactions.dynamicFee()),
            TestTransactions.signed(TestTransactions.blob()),
            TestTransactions.signed(TestTransactions.setCode()))) {
      assertThat(TransactionDecoder.decode(tx.encoded())).isEqualTo(tx);
    }
  }

  @Test
  void shouldRejectInputWhenEmpty() {
    assertThatThrownBy(() -> TransactionDecoder.decode(Bytes.EMPTY))
        .isInstanceOf(RlpException.class)
        .hasMessage("typed transaction too short");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x00c0", "0x05c0", "0x7fc0", "0xb85f00"})
  void shouldRejectTypeWhenNotKnown(String hex) {
    assertThatThrownBy(() -> TransactionDecoder.decode(Bytes.fromHexString(hex)))
        .isInstanceOf(RlpException.class)
        .hasMessageStartingWith("transaction type not supported");
  }

  @Test
  void shouldDecodeLegacyWhenFieldsAreWellFormed() {
    Transaction tx = TransactionDecoder.decode(legacyWith(-1, null));

    assertThat(tx.to()).contains(Address.fromHex("0x095e7baea6a6c7c4c2dfeb977efac326af552d87"));
    assertThat(tx.chainId()).isEmpty();
  }

  @Test
  void shouldRejectNonceWhenItHasLeadingZeros() {
    assertThatThrownBy(() -> TransactionDecoder.decode(legacyWith(0, "0x820001")))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("field nonce")
        .hasMessageContaining("leading zero");
  }

  @Test
  void shouldRejectNonceWhenWiderThan64Bits() {
    assertThatThrownBy(() -> TransactionDecoder.decode(legacyWith(0, "0x89010000000000000000")))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("field nonce");
  }

  @Test
  void shouldRejectGasLimitWhenWiderThan64Bits() {
    assertThatThrownBy(() -> TransactionDecoder.decode(legacyWith(2, "0x89010000000000000000")))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("field gasLimit");
  }

  @Test
  void shouldRejectValueWhenWiderThan256Bits() {
    String wide = "0xa1" + "01" + "00".repeat(32);

    assertThatThrownBy(() -> TransactionDecoder.decode(legacyWith(4, wide)))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("field value");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 19, 21, 32})
  void shouldRejectRecipientWhenNotTwentyBytes(int size) {
    String item = "0x%02x".formatted(0x80 + size) + "11".repeat(size);

    assertThatThrownBy(() -> TransactionDecoder.decode(legacyWith(3, item)))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("field to")
        .hasMessageContaining("20 bytes");
  }

  @Test
  void shouldRejectFieldWhenGivenAsList() {
    assertThatThrownBy(() -> TransactionDecoder.decode(legacyWith(5, "0xc0")))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("field data");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x80", "0x01", "0x1a", "0x1d", "0x22"})
  void shouldRejectLegacyVWhenNeither27Nor28NorEip155(String v) {
    assertThatThrownBy(() -> TransactionDecoder.decode(legacyWith(6, v)))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("EIP-155");
  }

  @Test
  void shouldDecodeChainIdZeroWhenVIs35() {
    // Not a decoding error: the validator says "invalid chain id".
    Transaction tx = TransactionDecoder.decode(legacyWith(6, "0x23"));

    assertThat(tx.chainId()).contains(UInt256.ZERO);
  }

  @Test
  void shouldRejectListWhenTooFewFields() {
    Bytes eight = list(Arrays.copyOf(LEGACY_FIELDS, 8));

    assertThatThrownBy(() -> TransactionDecoder.decode(eight))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("too few fields");
  }

  @Test
  void shouldRejectListWhenTooManyFields() {
    String[] ten = Arrays.copyOf(LEGACY_FIELDS, 10);
    ten[9] = "0x01";

    assertThatThrownBy(() -> TransactionDecoder.decode(list(ten)))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("too many fields");
  }

  @Test
  void shouldRejectInputWhenBytesFollowTheTransaction() {
    Bytes withTrailer = Bytes.concatenate(legacyWith(-1, null), Bytes.of(0));

    assertThatThrownBy(() -> TransactionDecoder.decode(withTrailer))
        .isInstanceOf(RlpException.class);
  }

  @Test
  void shouldRejectYParityWhenNotZeroOrOne() {
    Bytes encoded = TestTransactions.signed(TestTransactions.dynamicFee()).encoded();
    Bytes tampered = replaceTypedField(encoded, 9, "0x02");

    assertThatThrownBy(() -> TransactionDecoder.decode(tampered))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("yParity");
  }

  @Test
  void shouldRejectBlobTransactionWhenRecipientIsEmpty() {
    Bytes encoded = TestTransactions.signed(TestTransactions.blob()).encoded();
    Bytes creation = replaceTypedField(encoded, 5, "0x80");

    assertThatThrownBy(() -> TransactionDecoder.decode(creation))
        .isInstanceOf(RlpException.class)
        .hasMessageStartingWith("blob transaction of type create");
  }

  @Test
  void shouldRejectSetCodeTransactionWhenDestinationIsEmpty() {
    Bytes encoded = TestTransactions.signed(TestTransactions.setCode()).encoded();
    Bytes creation = replaceTypedField(encoded, 5, "0x80");

    assertThatThrownBy(() -> TransactionDecoder.decode(creation))
        .isInstanceOf(RlpException.class)
        .hasMessageStartingWith("EIP-7702 transaction cannot be used to create contract");
  }

  @Test
  void shouldRejectAuthorizationWhenYParityIsWiderThanAByte() {
    Bytes encoded = TestTransactions.signed(TestTransactions.setCode()).encoded();
    Bytes authorization =
        list("0x01", "0x94" + "11".repeat(20), "0x80", "0x820100", "0x01", "0x01");
    Bytes badAuth =
        replaceTypedField(encoded, 9, Rlp.encodeList(w -> w.writeRaw(authorization)).toHexString());

    assertThatThrownBy(() -> TransactionDecoder.decode(badAuth))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("uint8");
  }

  @Test
  void shouldRejectNetworkFormWhenCanonicalExpected() {
    Bytes network = TransactionEncoder.encodePooled(BlobSidecarTest.pooledWithOneBlob(0));

    assertThatThrownBy(() -> TransactionDecoder.decode(network))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("network form");
  }

  @Test
  void shouldRejectCanonicalBlobWhenNetworkFormExpected() {
    Bytes canonical = TestTransactions.signed(TestTransactions.blob()).encoded();

    assertThatThrownBy(() -> TransactionDecoder.decodePooled(canonical))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("canonical form");
  }

  @Test
  void shouldRejectLegacyTransactionWhenWrappedAsStringInBlockBody() {
    Bytes legacy = TestTransactions.signed(TestTransactions.legacy()).encoded();
    Bytes body = Rlp.encodeList(w -> w.writeBytes(legacy));

    assertThatThrownBy(() -> TransactionDecoder.decodeBlockBody(body))
        .isInstanceOf(RlpException.class)
        .hasMessageStartingWith("transaction type not supported");
  }

  @Test
  void shouldRejectTypedTransactionWhenNotWrappedInBlockBody() {
    Bytes typed = TestTransactions.signed(TestTransactions.dynamicFee()).encoded();
    Bytes body = Rlp.encodeList(w -> w.writeRaw(typed));

    assertThatThrownBy(() -> TransactionDecoder.decodeBlockBody(body))
        .isInstanceOf(RlpException.class);
  }

  /** The legacy fields with field {@code index} replaced by {@code rawItem} (-1: unchanged). */
  static Bytes legacyWith(int index, String rawItem) {
    String[] fields = LEGACY_FIELDS.clone();
    if (index >= 0) {
      fields[index] = rawItem;
    }
    return list(fields);
  }

  static Bytes list(String... rawItems) {
    return Rlp.encodeList(
        w -> {
          for (String item : rawItems) {
            w.writeRaw(Bytes.fromHexString(item));
          }
        });
  }

  /** Re-encodes a typed transaction with field {@code index} of its payload replaced. */
  static Bytes replaceTypedField(Bytes typed, int index, String rawItem) {
    List<Bytes> items =
        Rlp.decodeList(
            typed.slice(1),
            r -> {
              List<Bytes> raw = new ArrayList<>();
              while (!r.isComplete()) {
                raw.add(r.readRaw());
              }
              return raw;
            });
    items.set(index, Bytes.fromHexString(rawItem));
    Bytes payload = Rlp.encodeList(w -> items.forEach(w::writeRaw));
    return Bytes.concatenate(typed.slice(0, 1), payload);
  }
}
