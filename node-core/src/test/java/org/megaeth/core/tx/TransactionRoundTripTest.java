package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/** Properties of the codec and the signer over random transactions of every type. */
class TransactionRoundTripTest {

  @Property
  void shouldDecodeToTheSameTransactionWhenCanonicalEncoding(
      @ForAll("transactions") Transaction tx) {
    Bytes encoded = tx.encoded();

    Transaction decoded = TransactionDecoder.decode(encoded);

    assertThat(decoded).isEqualTo(tx);
    assertThat(decoded.encoded()).isEqualTo(encoded);
    assertThat(decoded.hash()).isEqualTo(tx.hash());
  }

  @Property(tries = 200)
  void shouldDecodeToTheSameListWhenBlockBodyEncoding(
      @ForAll("transactionLists") List<Transaction> txs) {
    Bytes body = TransactionEncoder.encodeBlockBody(txs);

    assertThat(TransactionDecoder.decodeBlockBody(body)).isEqualTo(txs);
  }

  @Property(tries = 200)
  void shouldRecoverTheSignerWhenSigned(
      @ForAll("transactions") Transaction tx, @ForAll("secretKeys") SecretKey key) {
    Transaction signed = TransactionSigner.sign(tx, key);

    assertThat(signed.signature().isLowS()).isTrue();
    assertThat(signed.sender().address()).contains(KeyPair.of(key).address());
    assertThat(TransactionDecoder.decode(signed.encoded()).sender().address())
        .contains(KeyPair.of(key).address());
  }

  @Property(tries = 200)
  void shouldRecoverTheAuthorityWhenAuthorizationSigned(
      @ForAll("uint256s") UInt256 chainId,
      @ForAll("addresses") Address address,
      @ForAll long nonce,
      @ForAll("secretKeys") SecretKey key) {
    Authorization auth = TransactionSigner.signAuthorization(chainId, address, nonce, key);

    assertThat(auth.authority()).contains(KeyPair.of(key).address());
  }

  /** Any byte string decodes to at most one transaction: what decodes re-encodes to itself. */
  @Property
  void shouldRejectOrReproduceInputWhenBytesAreMutated(
      @ForAll("transactions") Transaction tx, @ForAll int position, @ForAll byte replacement) {
    byte[] bytes = tx.encoded().toArray();
    int at = Math.floorMod(position, bytes.length);
    bytes[at] = replacement;
    Bytes mutated = Bytes.wrap(bytes);

    assertThatCode(
            () -> {
              try {
                assertThat(TransactionDecoder.decode(mutated).encoded()).isEqualTo(mutated);
              } catch (RlpException expected) {
                // a malformed input: the only other allowed outcome
              }
            })
        .doesNotThrowAnyException();
  }

  @Property
  void shouldRejectOrReproduceInputWhenBytesAreRandom(@ForAll("randomInputs") byte[] input) {
    Bytes bytes = Bytes.wrap(input);
    try {
      assertThat(TransactionDecoder.decode(bytes).encoded()).isEqualTo(bytes);
    } catch (RlpException expected) {
      // the usual outcome for random bytes
    }
  }

  @Provide
  Arbitrary<Transaction> transactions() {
    return Arbitraries.oneOf(legacy(), accessListTx(), dynamicFee(), blob(), setCode());
  }

  @Provide
  Arbitrary<List<Transaction>> transactionLists() {
    return transactions().list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<SecretKey> secretKeys() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(32)
        .filter(
            b -> {
              UInt256 k = UInt256.fromBytes(b);
              return !k.isZero() && k.compareTo(Secp256k1.CURVE_ORDER) < 0;
            })
        .map(SecretKey::of);
  }

  @Provide
  Arbitrary<byte[]> randomInputs() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(120);
    // Start often with a plausible first byte so the parsers get exercised past it.
    return Combinators.combine(Arbitraries.of(0x01, 0x02, 0x03, 0x04, 0xf8, 0xc5), raw)
        .as(
            (first, rest) -> {
              byte[] out = rest.clone();
              out[0] = (byte) (int) first;
              return out;
            });
  }

  @Provide
  Arbitrary<UInt256> uint256s() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 1000).map(UInt256::valueOf)),
        net.jqwik.api.Tuple.of(
            3,
            Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, UInt256.MAX.toBigInteger())
                .map(UInt256::fromBigInteger)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(UInt256.ZERO, UInt256.MAX)));
  }

  @Provide
  Arbitrary<Address> addresses() {
    return Arbitraries.bytes().array(byte[].class).ofSize(Address.SIZE).map(Address::wrap);
  }

  private Arbitrary<Hash> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(Hash.SIZE).map(Hash::wrap);
  }

  private Arbitrary<Wei> weis() {
    return uint256s().map(Wei::of);
  }

  private Arbitrary<Bytes> data() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(Bytes::wrap);
  }

  private Arbitrary<List<AccessListEntry>> accessLists() {
    return Combinators.combine(addresses(), hashes().list().ofMaxSize(3))
        .as(AccessListEntry::new)
        .list()
        .ofMaxSize(3);
  }

  private Arbitrary<Signature> signatures() {
    return Combinators.combine(uint256s(), uint256s(), Arbitraries.of(0, 1)).as(Signature::new);
  }

  private Arbitrary<Authorization> authorizations() {
    return Combinators.combine(
            uint256s(),
            addresses(),
            Arbitraries.longs(),
            Arbitraries.integers().between(0, 255),
            uint256s(),
            uint256s())
        .as(Authorization::new);
  }

  /** The fields every type has, in the fee-market order. */
  private record Common(
      UInt256 chainId,
      long nonce,
      Wei tip,
      Wei feeCap,
      long gasLimit,
      Optional<Address> to,
      Wei value,
      Bytes data) {}

  private Arbitrary<Common> common() {
    return Combinators.combine(
            uint256s(),
            Arbitraries.longs(),
            weis(),
            weis(),
            Arbitraries.longs(),
            addresses().optional(),
            weis(),
            data())
        .as(Common::new);
  }

  private Arbitrary<Transaction> legacy() {
    Arbitrary<Optional<UInt256>> chainIds =
        Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(250))
            .map(UInt256::fromBigInteger)
            .optional();
    return Combinators.combine(common(), chainIds, signatures())
        .as(
            (c, chainId, sig) ->
                new LegacyTransaction(
                    c.nonce(),
                    c.feeCap(),
                    c.gasLimit(),
                    c.to(),
                    c.value(),
                    c.data(),
                    chainId,
                    sig));
  }

  private Arbitrary<Transaction> accessListTx() {
    return Combinators.combine(common(), accessLists(), signatures())
        .as(
            (c, al, sig) ->
                new AccessListTransaction(
                    Optional.of(c.chainId()),
                    c.nonce(),
                    c.feeCap(),
                    c.gasLimit(),
                    c.to(),
                    c.value(),
                    c.data(),
                    al,
                    sig));
  }

  private Arbitrary<Transaction> dynamicFee() {
    return Combinators.combine(common(), accessLists(), signatures())
        .as(
            (c, al, sig) ->
                new DynamicFeeTransaction(
                    Optional.of(c.chainId()),
                    c.nonce(),
                    c.tip(),
                    c.feeCap(),
                    c.gasLimit(),
                    c.to(),
                    c.value(),
                    c.data(),
                    al,
                    sig));
  }

  private Arbitrary<Transaction> blob() {
    return Combinators.combine(
            common(),
            addresses(),
            accessLists(),
            weis(),
            hashes().list().ofMaxSize(7),
            signatures())
        .as(
            (c, to, al, blobFee, hashes, sig) ->
                new BlobTransaction(
                    Optional.of(c.chainId()),
                    c.nonce(),
                    c.tip(),
                    c.feeCap(),
                    c.gasLimit(),
                    Optional.of(to),
                    c.value(),
                    c.data(),
                    al,
                    blobFee,
                    hashes,
                    sig));
  }

  private Arbitrary<Transaction> setCode() {
    return Combinators.combine(
            common(),
            addresses(),
            accessLists(),
            authorizations().list().ofMaxSize(3),
            signatures())
        .as(
            (c, to, al, auths, sig) ->
                new SetCodeTransaction(
                    Optional.of(c.chainId()),
                    c.nonce(),
                    c.tip(),
                    c.feeCap(),
                    c.gasLimit(),
                    Optional.of(to),
                    c.value(),
                    c.data(),
                    al,
                    auths,
                    sig));
  }
}
