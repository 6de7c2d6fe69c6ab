package org.megaeth.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.SenderRecovery;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;

class TransferPlanTest {
  private static final Address TOKEN =
      Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");
  private static final Fees FEES = new Fees(Wei.fromGwei(3), Wei.fromGwei(1));
  private static final TransferPlan PLAN =
      new TransferPlan(1337, TOKEN, UInt256.valueOf(1_000), 43_515, FEES);

  @Test
  void shouldSignTransfersThatTheNodesDecoderReadsBackWithTheirSender() {
    List<KeyPair> keys = SenderKeys.derive("test", 3);
    long[] firstNonces = {0, 7, 2};
    List<SignedTransfer> load = PLAN.sign(keys, firstNonces, 7);

    for (int i = 0; i < load.size(); i++) {
      SignedTransfer transfer = load.get(i);
      Transaction tx = TransactionDecoder.decode(Bytes.wrap(Hex.decode(transfer.raw())));
      assertThat(tx).isInstanceOf(DynamicFeeTransaction.class);
      assertThat(tx.hash()).isEqualTo(transfer.hash());
      assertThat(tx.chainId()).contains(UInt256.valueOf(1337));
      assertThat(tx.to()).contains(TOKEN);
      assertThat(tx.value()).isEqualTo(Wei.ZERO);
      assertThat(tx.gasLimit()).isEqualTo(43_515);
      assertThat(tx.maxFeePerGas()).isEqualTo(Wei.fromGwei(3));
      assertThat(tx.maxPriorityFeePerGas()).isEqualTo(Wei.fromGwei(1));
      assertThat(tx.nonce()).isEqualTo(transfer.nonce());
      assertThat(tx.sender())
          .isEqualTo(SenderRecovery.recovered(keys.get(transfer.sender()).address()));
      assertThat(tx.data())
          .isEqualTo(
              Erc20.transfer(keys.get(transfer.recipient()).address(), UInt256.valueOf(1_000)));
    }
    // Senders take turns; each one's nonces count up from its first.
    assertThat(load.stream().map(SignedTransfer::sender)).containsExactly(0, 1, 2, 0, 1, 2, 0);
    assertThat(load.stream().map(SignedTransfer::nonce))
        .containsExactly(0L, 7L, 2L, 1L, 8L, 3L, 2L);
  }

  @Test
  void shouldSignTheSameLoadOnEveryRun() {
    List<KeyPair> keys = SenderKeys.derive("same", 4);
    long[] nonces = new long[4];
    assertThat(PLAN.sign(keys, nonces, 20)).isEqualTo(PLAN.sign(keys, nonces, 20));
  }

  @Property
  void shouldNeverLetASenderPayItselfWhenThereAreOthers(
      @ForAll @IntRange(min = 2, max = 50) int senders,
      @ForAll @IntRange(min = 0, max = 5_000) int index) {
    int recipient = TransferPlan.recipientOf(index, senders);
    assertThat(recipient)
        .isBetween(0, senders - 1)
        .isNotEqualTo(TransferPlan.senderOf(index, senders));
  }

  @Property
  void shouldSpreadTransfersSoEachSenderGetsItsCount(
      @ForAll @IntRange(min = 1, max = 40) int senders,
      @ForAll @IntRange(min = 0, max = 500) int extra) {
    int transactions = senders + extra;
    Map<Integer, Integer> counted = new HashMap<>();
    IntStream.range(0, transactions)
        .forEach(i -> counted.merge(TransferPlan.senderOf(i, senders), 1, Integer::sum));
    int total = 0;
    for (int s = 0; s < senders; s++) {
      int count = TransferPlan.countOf(s, senders, transactions);
      assertThat(counted.get(s)).isEqualTo(count);
      total += count;
    }
    assertThat(total).isEqualTo(transactions);
  }

  @Test
  void shouldRotateRecipientsOverEveryOtherSender() {
    // Sender 0 of 4 pays 1, 2, 3, then 1 again: receiving is spread evenly.
    assertThat(IntStream.of(0, 4, 8, 12).map(i -> TransferPlan.recipientOf(i, 4)))
        .containsExactly(1, 2, 3, 1);
    assertThat(TransferPlan.recipientOf(5, 1)).isZero();
  }
}
