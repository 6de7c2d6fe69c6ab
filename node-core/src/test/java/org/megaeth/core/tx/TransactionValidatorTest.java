package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

class TransactionValidatorTest {
  private static final long CHAIN = TestTransactions.CHAIN_ID;

  @Test
  void shouldReturnSenderAndIntrinsicGasWhenValid() {
    Transaction tx = TestTransactions.signed(TestTransactions.dynamicFee());

    TransactionValidity result = TransactionValidator.validate(tx, Fork.CANCUN, CHAIN);

    assertThat(result)
        .isEqualTo(new TransactionValidity.Valid(TestTransactions.KEY_ADDRESS, 21_000));
  }

  @Test
  void shouldAcceptEveryTypeWhenItsForkIsActive() {
    assertValid(TestTransactions.signed(TestTransactions.legacy()), Fork.SPURIOUS_DRAGON);
    assertValid(TestTransactions.signed(TestTransactions.accessList(List.of())), Fork.BERLIN);
    assertValid(TestTransactions.signed(TestTransactions.dynamicFee()), Fork.LONDON);
    assertValid(TestTransactions.signed(TestTransactions.blob()), Fork.CANCUN);
    assertValid(TestTransactions.signed(TestTransactions.setCode()), Fork.PRAGUE);
  }

  @Test
  void shouldRefuseTypeWhenItsForkIsNotActive() {
    assertInvalid(
        TestTransactions.signed(TestTransactions.accessList(List.of())),
        Fork.ISTANBUL,
        TransactionInvalid.TYPE_NOT_SUPPORTED);
    assertInvalid(
        TestTransactions.signed(TestTransactions.dynamicFee()),
        Fork.BERLIN,
        TransactionInvalid.TYPE_NOT_SUPPORTED);
    assertInvalid(
        TestTransactions.signed(TestTransactions.blob()),
        Fork.SHANGHAI,
        TransactionInvalid.TYPE_NOT_SUPPORTED);
    assertInvalid(
        TestTransactions.signed(TestTransactions.setCode()),
        Fork.CANCUN,
        TransactionInvalid.TYPE_NOT_SUPPORTED);
  }

  @Test
  void shouldRefuseChainIdWhenNotThisChain() {
    TransactionValidity result =
        TransactionValidator.validate(
            TestTransactions.signed(TestTransactions.dynamicFee()), Fork.CANCUN, 5);

    assertThat(result).isInstanceOf(TransactionValidity.Invalid.class);
    assertThat(((TransactionValidity.Invalid) result).message())
        .isEqualTo("invalid chain id for signer: have 1 want 5");
    assertInvalidOn(
        TestTransactions.signed(TestTransactions.legacy()),
        Fork.CANCUN,
        5,
        TransactionInvalid.INVALID_CHAIN_ID);
  }

  @Test
  void shouldRefuseReplayProtectionWhenBeforeSpuriousDragon() {
    assertInvalid(
        TestTransactions.signed(TestTransactions.legacy()),
        Fork.TANGERINE_WHISTLE,
        TransactionInvalid.INVALID_CHAIN_ID);
  }

  @Test
  void shouldAcceptUnprotectedLegacyWhenAnyFork() {
    LegacyTransaction unprotected = TestTransactions.signed(unprotected(TestTransactions.legacy()));

    assertValid(unprotected, Fork.FRONTIER);
    assertValid(unprotected, Fork.PRAGUE);
  }

  @Test
  void shouldRefuseNonceWhenItIsTheMaximum() {
    LegacyTransaction tx = TestTransactions.legacy();
    LegacyTransaction maxNonce =
        TestTransactions.signed(
            new LegacyTransaction(
                -1L,
                tx.gasPrice(),
                tx.gasLimit(),
                tx.to(),
                tx.value(),
                tx.data(),
                tx.chainId(),
                tx.signature()));

    assertInvalid(maxNonce, Fork.CANCUN, TransactionInvalid.NONCE_MAX);
  }

  @Test
  void shouldRefuseTipWhenAboveFeeCap() {
    Transaction tx = TestTransactions.signed(TestTransactions.dynamicFee(Wei.of(2), Wei.of(1)));
    assertInvalid(tx, Fork.LONDON, TransactionInvalid.TIP_ABOVE_FEE_CAP);
    assertThat(
            ((TransactionValidity.Invalid) TransactionValidator.validate(tx, Fork.LONDON, CHAIN))
                .message())
        .as("geth's pool message, exactly")
        .isEqualTo("max priority fee per gas higher than max fee per gas");
  }

  @Test
  void shouldRefuseFeeCapWhenGasTimesFeeExceeds256Bits() {
    Wei huge = Wei.of(UInt256.MAX.divide(UInt256.valueOf(1000)));

    assertInvalid(
        TestTransactions.signed(TestTransactions.dynamicFee(Wei.ZERO, huge)),
        Fork.LONDON,
        TransactionInvalid.INSUFFICIENT_FUNDS);
  }

  @Test
  void shouldRefuseGasLimitWhenAboveOsakaCap() {
    DynamicFeeTransaction tx = TestTransactions.dynamicFee();
    DynamicFeeTransaction big =
        TestTransactions.signed(
            new DynamicFeeTransaction(
                tx.chainId(),
                0,
                tx.maxPriorityFeePerGas(),
                tx.maxFeePerGas(),
                (1L << 24) + 1,
                tx.to(),
                tx.value(),
                tx.data(),
                tx.accessList(),
                tx.signature()));

    assertValid(big, Fork.PRAGUE);
    assertInvalid(big, Fork.OSAKA, TransactionInvalid.GAS_LIMIT_TOO_HIGH);
  }

  @Test
  void shouldRefuseBlobTransactionWhenItHasNoBlobs() {
    assertInvalid(
        TestTransactions.signed(TestTransactions.blob(List.of())),
        Fork.CANCUN,
        TransactionInvalid.MISSING_BLOB_HASHES);
  }

  @Test
  void shouldLimitBlobCountPerFork() {
    BlobTransaction seven =
        TestTransactions.signed(
            TestTransactions.blob(Collections.nCopies(7, TestTransactions.BLOB_HASH)));

    assertInvalid(seven, Fork.CANCUN, TransactionInvalid.TOO_MANY_BLOBS);
    assertValid(seven, Fork.PRAGUE);
    assertInvalid(seven, Fork.OSAKA, TransactionInvalid.TOO_MANY_BLOBS);
  }

  @Test
  void shouldRefuseVersionedHashWhenVersionIsNotKzg() {
    assertInvalid(
        TestTransactions.signed(TestTransactions.blob(List.of(Hash.ZERO))),
        Fork.CANCUN,
        TransactionInvalid.INVALID_BLOB_HASH_VERSION);
  }

  @Test
  void shouldRefuseSetCodeTransactionWhenAuthorizationListIsEmpty() {
    TransactionValidity result =
        TransactionValidator.validate(
            TestTransactions.signed(TestTransactions.setCode(List.of())), Fork.PRAGUE, CHAIN);

    assertThat(result)
        .isEqualTo(TransactionValidity.invalid(TransactionInvalid.EMPTY_AUTH_LIST, ""));
    assertThat(((TransactionValidity.Invalid) result).message())
        .isEqualTo("EIP-7702 transaction with empty auth list");
  }

  @Test
  void shouldRefuseInitCodeWhenAboveLimitFromShanghai() {
    LegacyTransaction create =
        withGas(
            TestTransactions.legacy(Optional.empty(), Bytes.wrap(new byte[49_153])), 10_000_000);

    assertValid(create, Fork.PARIS);
    assertInvalid(create, Fork.SHANGHAI, TransactionInvalid.MAX_INITCODE_SIZE_EXCEEDED);
  }

  @Test
  void shouldAcceptInitCodeWhenExactlyAtLimit() {
    LegacyTransaction create =
        withGas(
            TestTransactions.legacy(Optional.empty(), Bytes.wrap(new byte[49_152])), 10_000_000);

    assertValid(create, Fork.SHANGHAI);
  }

  @Test
  void shouldRefuseGasLimitWhenBelowIntrinsicGas() {
    TransactionValidity result =
        TransactionValidator.validate(
            withGas(TestTransactions.legacy(), 20_999), Fork.CANCUN, CHAIN);

    assertThat(((TransactionValidity.Invalid) result).message())
        .isEqualTo("intrinsic gas too low: gas 20999, minimum needed 21000");
  }

  @Test
  void shouldRefuseGasLimitWhenBelowFloorInPrague() {
    // 100 non-zero bytes: intrinsic 22600, floor 21000 + 10 * 400 = 25000.
    LegacyTransaction tx =
        withGas(
            TestTransactions.legacy(
                Optional.of(TestTransactions.RECIPIENT), Bytes.wrap(new byte[100]).not()),
            24_999);

    assertValid(tx, Fork.CANCUN);
    assertInvalid(tx, Fork.PRAGUE, TransactionInvalid.FLOOR_DATA_GAS_TOO_LOW);
  }

  @Test
  void shouldRefuseSignatureWhenROrSIsOutOfRange() {
    LegacyTransaction tx = TestTransactions.legacy();

    assertInvalid(
        tx.withSignature(new Signature(UInt256.ZERO, UInt256.ONE, 0)),
        Fork.CANCUN,
        TransactionInvalid.INVALID_SENDER);
    assertInvalid(
        tx.withSignature(new Signature(UInt256.ONE, Secp256k1.CURVE_ORDER, 0)),
        Fork.CANCUN,
        TransactionInvalid.INVALID_SENDER);
  }

  @Test
  void shouldRefuseHighSWhenHomesteadOrLater() {
    LegacyTransaction signed = TestTransactions.signed(unprotected(TestTransactions.legacy()));
    Signature low = signed.signature();
    Signature high =
        new Signature(low.r(), Secp256k1.CURVE_ORDER.subtract(low.s()), low.recId() ^ 1);
    LegacyTransaction highS = signed.withSignature(high);

    assertThat(TransactionValidator.validate(highS, Fork.FRONTIER, CHAIN))
        .isEqualTo(new TransactionValidity.Valid(TestTransactions.KEY_ADDRESS, 21_000));
    assertInvalid(highS, Fork.HOMESTEAD, TransactionInvalid.INVALID_SENDER);
  }

  @Test
  void shouldAcceptTransactionWhenItFitsTheBlock() {
    Transaction tx = TestTransactions.blob();
    TransactionValidator.BlockLimits block =
        new TransactionValidator.BlockLimits(
            30_000_000, Optional.of(Wei.fromGwei(10)), Optional.of(Wei.of(10)));

    assertThat(TransactionValidator.checkBlock(tx, block)).isEmpty();
  }

  @Test
  void shouldRefuseTransactionWhenAboveBlockGasLimit() {
    TransactionValidator.BlockLimits block =
        new TransactionValidator.BlockLimits(99_999, Optional.empty(), Optional.empty());

    assertThat(TransactionValidator.checkBlock(TestTransactions.legacy(), block))
        .map(TransactionValidity.Invalid::reason)
        .contains(TransactionInvalid.EXCEEDS_BLOCK_GAS_LIMIT);
  }

  @Test
  void shouldRefuseFeeCapWhenBelowBaseFee() {
    TransactionValidator.BlockLimits block =
        new TransactionValidator.BlockLimits(
            30_000_000, Optional.of(Wei.fromGwei(11)), Optional.empty());

    assertThat(TransactionValidator.checkBlock(TestTransactions.dynamicFee(), block))
        .map(TransactionValidity.Invalid::message)
        .contains(
            "max fee per gas less than block base fee: maxFeePerGas: 10000000000, baseFee:"
                + " 11000000000");
  }

  @Test
  void shouldRefuseBlobFeeCapWhenBelowBlobBaseFee() {
    TransactionValidator.BlockLimits block =
        new TransactionValidator.BlockLimits(
            30_000_000, Optional.of(Wei.of(1)), Optional.of(Wei.of(11)));

    assertThat(TransactionValidator.checkBlock(TestTransactions.blob(), block))
        .map(TransactionValidity.Invalid::reason)
        .contains(TransactionInvalid.BLOB_FEE_CAP_TOO_LOW);
  }

  @Test
  void shouldRefuseNonceWhenNotTheAccountNonce() {
    Address sender = TestTransactions.KEY_ADDRESS;
    Transaction tx = TestTransactions.legacy(); // nonce 0

    assertThat(
            TransactionValidator.checkAccount(
                tx, Fork.CANCUN, sender, SenderAccount.eoa(5, Wei.fromEth(1))))
        .map(TransactionValidity.Invalid::message)
        .contains("nonce too low: address " + sender + ", tx: 0 state: 5");
    assertThat(
            TransactionValidator.checkAccount(
                withNonce(TestTransactions.legacy(), 6),
                Fork.CANCUN,
                sender,
                SenderAccount.eoa(5, Wei.fromEth(1))))
        .map(TransactionValidity.Invalid::reason)
        .contains(TransactionInvalid.NONCE_TOO_HIGH);
  }

  @Test
  void shouldRefuseSenderWhenItHasCode() {
    SenderAccount contract = new SenderAccount(0, Wei.fromEth(1), Bytes.of(0x60, 0x00));

    assertThat(
            TransactionValidator.checkAccount(
                TestTransactions.legacy(), Fork.CANCUN, TestTransactions.KEY_ADDRESS, contract))
        .map(TransactionValidity.Invalid::reason)
        .contains(TransactionInvalid.SENDER_NOT_EOA);
  }

  @Test
  void shouldAcceptDelegatedSenderWhenPrague() {
    SenderAccount delegated =
        new SenderAccount(
            0,
            Wei.fromEth(1),
            Bytes.concatenate(SenderAccount.DELEGATION_PREFIX, TestTransactions.RECIPIENT.bytes()));

    assertThat(
            TransactionValidator.checkAccount(
                TestTransactions.legacy(), Fork.PRAGUE, TestTransactions.KEY_ADDRESS, delegated))
        .isEmpty();
    assertThat(
            TransactionValidator.checkAccount(
                TestTransactions.legacy(), Fork.CANCUN, TestTransactions.KEY_ADDRESS, delegated))
        .map(TransactionValidity.Invalid::reason)
        .contains(TransactionInvalid.SENDER_NOT_EOA);
  }

  @Test
  void shouldRequireGasValueAndBlobFeeWhenCheckingBalance() {
    BlobTransaction tx = TestTransactions.blob();
    // 100000 gas * 10 gwei + 0 value + 131072 blob gas * 10 wei.
    Wei needed = Wei.of(100_000L * 10_000_000_000L + 131_072L * 10);

    assertThat(TransactionValidator.upfrontCost(tx)).isEqualTo(needed.toBigInteger());
    assertThat(
            TransactionValidator.checkAccount(
                tx, Fork.CANCUN, TestTransactions.KEY_ADDRESS, SenderAccount.eoa(0, needed)))
        .isEmpty();
    assertThat(
            TransactionValidator.checkAccount(
                tx,
                Fork.CANCUN,
                TestTransactions.KEY_ADDRESS,
                SenderAccount.eoa(0, needed.subtract(Wei.of(1)))))
        .map(TransactionValidity.Invalid::reason)
        .contains(TransactionInvalid.INSUFFICIENT_FUNDS);
  }

  @Test
  void shouldRefuseEvenTheLargestBalanceWhenUpfrontCostExceeds256Bits() {
    DynamicFeeTransaction tx =
        TestTransactions.dynamicFee(Wei.ZERO, Wei.of(UInt256.MAX.divide(UInt256.valueOf(1000))));

    assertThat(
            TransactionValidator.checkAccount(
                tx,
                Fork.LONDON,
                TestTransactions.KEY_ADDRESS,
                SenderAccount.eoa(0, Wei.of(UInt256.MAX))))
        .map(TransactionValidity.Invalid::detail)
        .hasValueSatisfying(
            detail -> assertThat(detail).endsWith("want " + TransactionValidator.upfrontCost(tx)));
  }

  @Test
  void shouldRefuseAccountWhenItsNonceIsTheMaximum() {
    assertThat(
            TransactionValidator.checkAccount(
                withNonce(TestTransactions.legacy(), -1L),
                Fork.CANCUN,
                TestTransactions.KEY_ADDRESS,
                SenderAccount.eoa(-1L, Wei.fromEth(1))))
        .map(TransactionValidity.Invalid::reason)
        .contains(TransactionInvalid.NONCE_MAX);
  }

  @Test
  void shouldMatchSidecarWhenCommitmentsHashToVersionedHashes() {
    PooledTransaction pooled = BlobSidecarTest.pooledWithOneBlob(0);
    BlobTransaction tx = (BlobTransaction) pooled.transaction();

    assertThat(TransactionValidator.checkSidecar(tx, pooled.sidecar().orElseThrow())).isEmpty();
    assertThat(TransactionValidator.checkSidecar(TestTransactions.blob(), pooled.sidecar().get()))
        .map(TransactionValidity.Invalid::reason)
        .contains(TransactionInvalid.BLOB_SIDECAR_MISMATCH);
  }

  private static void assertValid(Transaction tx, Fork fork) {
    assertThat(TransactionValidator.validate(tx, fork, CHAIN))
        .isInstanceOf(TransactionValidity.Valid.class);
  }

  private static void assertInvalid(Transaction tx, Fork fork, TransactionInvalid reason) {
    assertInvalidOn(tx, fork, CHAIN, reason);
  }

  @Test
  void shouldReadAGasLimitWithTheTopBitSetAsUnsignedInTheUpfrontCost() {
    // 2^64 - 1 gas: a long of -1, which must count as 18446744073709551615, not as -1.
    LegacyTransaction tx = withGas(TestTransactions.legacy(), -1L);
    BigInteger gas = new BigInteger("18446744073709551615");

    assertThat(TransactionValidator.upfrontCost(tx))
        .isEqualTo(gas.multiply(tx.gasPrice().toBigInteger()).add(tx.value().toBigInteger()));
    assertThat(TransactionValidator.upfrontCost(withGas(TestTransactions.legacy(), 1L << 62)))
        .isEqualTo(
            BigInteger.ONE
                .shiftLeft(62)
                .multiply(tx.gasPrice().toBigInteger())
                .add(tx.value().toBigInteger()));
  }

  private static void assertInvalidOn(
      Transaction tx, Fork fork, long chainId, TransactionInvalid reason) {
    TransactionValidity result = TransactionValidator.validate(tx, fork, chainId);
    assertThat(result).isInstanceOf(TransactionValidity.Invalid.class);
    assertThat(((TransactionValidity.Invalid) result).reason()).isEqualTo(reason);
  }

  private static LegacyTransaction unprotected(LegacyTransaction tx) {
    return new LegacyTransaction(
        tx.nonce(),
        tx.gasPrice(),
        tx.gasLimit(),
        tx.to(),
        tx.value(),
        tx.data(),
        Optional.empty(),
        tx.signature());
  }

  private static LegacyTransaction withGas(LegacyTransaction tx, long gas) {
    return TestTransactions.signed(
        new LegacyTransaction(
            tx.nonce(),
            tx.gasPrice(),
            gas,
            tx.to(),
            tx.value(),
            tx.data(),
            tx.chainId(),
            tx.signature()));
  }

  private static LegacyTransaction withNonce(LegacyTransaction tx, long nonce) {
    return new LegacyTransaction(
        nonce,
        tx.gasPrice(),
        tx.gasLimit(),
        tx.to(),
        tx.value(),
        tx.data(),
        tx.chainId(),
        tx.signature());
  }
}
