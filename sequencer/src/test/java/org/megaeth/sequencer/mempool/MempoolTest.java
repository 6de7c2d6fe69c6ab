package org.megaeth.sequencer.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.SenderAccount;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

class MempoolTest {
  private static final KeyPair ALICE = key(1);
  private static final KeyPair BOB = key(2);
  private static final KeyPair CAROL = key(3);
  private static final Address SINK = Address.ofNumber(0x5151);
  private static final Wei BASE_FEE = Wei.fromGwei(1);
  private static final long BLOCK_GAS = 30_000_000;

  private final Map<Address, SenderAccount> state = new HashMap<>();
  private final SenderAccounts accounts =
      sender -> state.getOrDefault(sender, SenderAccount.eoa(0, Wei.ZERO));
  private Mempool pool = new Mempool(MempoolConfig.defaults(BLOCK_GAS));

  MempoolTest() {
    for (KeyPair k : List.of(ALICE, BOB, CAROL)) {
      state.put(k.address(), SenderAccount.eoa(0, Wei.fromEth(1)));
    }
  }

  private static KeyPair key(int n) {
    return KeyPair.of(SecretKey.of(UInt256.valueOf(n).toBytes32()));
  }

  /** A 21,000-gas transfer paying {@code tipGwei} over a cap of {@code capGwei}. */
  private static PoolTransaction tx(KeyPair from, long nonce, long tipGwei, long capGwei) {
    return tx(from, nonce, Wei.fromGwei(tipGwei), Wei.fromGwei(capGwei), 21_000, Bytes.EMPTY);
  }

  private static PoolTransaction tx(
      KeyPair from, long nonce, Wei tip, Wei cap, long gas, Bytes data) {
    return PoolTransaction.of(
        TransactionSigner.sign(
            new DynamicFeeTransaction(
                Optional.of(UInt256.ONE),
                nonce,
                tip,
                cap,
                gas,
                Optional.of(SINK),
                Wei.of(1),
                data,
                List.of(),
                TransactionSigner.UNSIGNED),
            from.secretKey()),
        from.address());
  }

  private AddResult add(PoolTransaction ptx) {
    return pool.add(ptx, accounts, BASE_FEE);
  }

  private static String reason(AddResult result) {
    return ((AddResult.Rejected) result).reason();
  }

  @Test
  void shouldQueueATransactionAfterANonceGapAndPromoteItWhenTheGapFills() {
    AddResult later = add(tx(ALICE, 1, 1, 10));
    AddResult first = add(tx(ALICE, 0, 1, 10));

    assertThat(later)
        .isInstanceOfSatisfying(AddResult.Added.class, a -> assertThat(a.pending()).isFalse());
    assertThat(first)
        .isInstanceOfSatisfying(AddResult.Added.class, a -> assertThat(a.pending()).isTrue());
    assertThat(pool.pendingCount()).isEqualTo(2);
    assertThat(pool.queuedCount()).isZero();
  }

  @Test
  void shouldNeverSelectATransactionBehindAGap() {
    add(tx(ALICE, 0, 1, 10));
    add(tx(ALICE, 2, 50, 100));

    assertThat(pool.selectReady(BASE_FEE, BLOCK_GAS, 100))
        .extracting(PoolTransaction::nonce)
        .containsExactly(0L);
    assertThat(pool.queuedCount()).isEqualTo(1);
  }

  @Test
  void shouldReplaceOnlyWithATenPercentBumpOfBothFeeCaps() {
    PoolTransaction original = tx(ALICE, 0, 10, 100);
    add(original);

    assertThat(reason(add(tx(ALICE, 0, 10, 109)))).isEqualTo("replacement transaction underpriced");
    assertThat(reason(add(tx(ALICE, 0, 10, 110)))).isEqualTo("replacement transaction underpriced");
    PoolTransaction bumped = tx(ALICE, 0, 11, 110);
    assertThat(add(bumped))
        .isInstanceOfSatisfying(
            AddResult.Added.class, a -> assertThat(a.replaced()).contains(original));
    assertThat(pool.contains(original.hash())).isFalse();
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void shouldRefuseWithGethsWords() {
    state.put(BOB.address(), SenderAccount.eoa(5, Wei.of(21_000L * 1_000_000_000L)));
    PoolTransaction known = tx(ALICE, 0, 1, 10);
    add(known);

    assertThat(reason(add(known))).isEqualTo("already known");
    assertThat(reason(add(tx(BOB, 4, 1, 1)))).isEqualTo("nonce too low: next nonce 5, tx nonce 4");
    assertThat(reason(add(tx(BOB, 5, 1, 2))))
        .isEqualTo(
            "insufficient funds for gas * price + value: balance 21000000000000,"
                + " tx cost 42000000000001, overshot 21000000000001");
    assertThat(
            reason(add(tx(CAROL, 0, Wei.fromGwei(1), Wei.fromGwei(2), BLOCK_GAS + 1, Bytes.EMPTY))))
        .isEqualTo("exceeds block gas limit");
    assertThat(
            reason(
                add(
                    tx(
                        CAROL,
                        0,
                        Wei.fromGwei(1),
                        Wei.fromGwei(2),
                        5_000_000,
                        Bytes.wrap(new byte[140_000])))))
        .startsWith("oversized data: transaction size 140");
  }

  @Test
  void shouldRefuseASenderWithCode() {
    state.put(CAROL.address(), new SenderAccount(0, Wei.fromEth(1), Bytes.of(0x60, 0x00)));

    assertThat(reason(add(tx(CAROL, 0, 1, 10))))
        .isEqualTo("sender not an eoa: address " + CAROL.address());
  }

  @Test
  void shouldRefuseATipBelowTheMinimum() {
    pool = new Mempool(new MempoolConfig(16, 100, 10, 131_072, Wei.fromGwei(2), BLOCK_GAS));

    assertThat(reason(add(tx(ALICE, 0, 1, 10))))
        .isEqualTo("transaction underpriced: tip 1000000000, minimum 2000000000");
  }

  @Test
  void shouldRefuseBeyondThePerSenderLimit() {
    pool = new Mempool(new MempoolConfig(2, 100, 10, 131_072, Wei.ZERO, BLOCK_GAS));
    add(tx(ALICE, 0, 1, 10));
    add(tx(ALICE, 1, 1, 10));

    assertThat(reason(add(tx(ALICE, 2, 1, 10)))).isEqualTo("account limit exceeded");
    assertThat(add(tx(BOB, 0, 1, 10))).isInstanceOf(AddResult.Added.class);
  }

  @Test
  void shouldEvictTheCheapestTailWhenFullAndRefuseWhatIsCheaperStill() {
    pool = new Mempool(new MempoolConfig(16, 3, 10, 131_072, Wei.ZERO, BLOCK_GAS));
    PoolTransaction aliceCheapTail = tx(ALICE, 1, 1, 10);
    add(tx(ALICE, 0, 5, 10));
    add(aliceCheapTail);
    add(tx(BOB, 0, 3, 10));

    assertThat(reason(add(tx(CAROL, 0, 1, 10)))).isEqualTo("txpool is full");
    assertThat(add(tx(CAROL, 0, 2, 10))).isInstanceOf(AddResult.Added.class);
    assertThat(pool.contains(aliceCheapTail.hash())).isFalse();
    assertThat(pool.size()).isEqualTo(3);
  }

  @Test
  void shouldSelectByEffectiveTipAcrossSendersAndByNonceWithinOne() {
    add(tx(ALICE, 0, 1, 10));
    add(tx(ALICE, 1, 9, 10));
    add(tx(BOB, 0, 5, 10));
    // Carol's tip is capped by maxFee - baseFee = 2 gwei.
    add(tx(CAROL, 0, 8, 3));

    List<PoolTransaction> ready = pool.selectReady(BASE_FEE, BLOCK_GAS, 100);

    assertThat(ready)
        .extracting(p -> p.sender(), PoolTransaction::nonce)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BOB.address(), 0L),
            org.assertj.core.groups.Tuple.tuple(CAROL.address(), 0L),
            org.assertj.core.groups.Tuple.tuple(ALICE.address(), 0L),
            org.assertj.core.groups.Tuple.tuple(ALICE.address(), 1L));
  }

  @Test
  void shouldLeaveOutWhatCannotPayTheBaseFeeOrDoesNotFitTheGas() {
    add(tx(ALICE, 0, 1, 10));
    add(tx(BOB, 0, 1, 10));

    assertThat(pool.selectReady(Wei.fromGwei(11), BLOCK_GAS, 100)).isEmpty();
    assertThat(pool.selectReady(BASE_FEE, 30_000, 100)).hasSize(1);
    assertThat(pool.selectReady(BASE_FEE, BLOCK_GAS, 1)).hasSize(1);
  }

  @Test
  void shouldForgetIncludedTransactionsAndKeepTheRest() {
    add(tx(ALICE, 0, 1, 10));
    add(tx(ALICE, 1, 1, 10));
    add(tx(ALICE, 3, 1, 10));

    pool.removeIncluded(Map.of(ALICE.address(), 2L));

    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.pendingCount()).isZero();
    assertThat(pool.queuedCount()).isEqualTo(1);
  }

  @Test
  void shouldDropAnInvalidatedTransactionWithTheSendersLaterOnes() {
    PoolTransaction first = tx(ALICE, 0, 1, 10);
    add(first);
    add(tx(ALICE, 1, 1, 10));
    PoolTransaction bob = tx(BOB, 0, 1, 10);
    add(bob);

    assertThat(pool.remove(first.hash())).hasSize(2);
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.contains(bob.hash())).isTrue();
  }
}
