package org.megaeth.sequencer.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.SenderAccount;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * The pool's incremental ready index against the plain definition of {@link Mempool#selectReady}
 * (every sender's transaction at its state nonce, best effective tip first, each sender's in nonce
 * order), over random sequences of additions, replacements, inclusions, removals and base fee
 * changes; and its remembered gap-free counts (pending or queued, next nonces) against a count from
 * scratch after every step.
 */
class MempoolSelectionPropertyTest {
  private static final int SENDERS = 6;
  private static final int NONCES = 6;
  private static final long[][] FEES = {{1, 2}, {2, 30}, {3, 4}, {5, 60}}; // tip, cap in gwei
  private static final Wei[] BASE_FEES = {Wei.fromGwei(1), Wei.fromGwei(3), Wei.fromGwei(25)};
  private static final Address SINK = Address.ofNumber(0x5151);

  /** Signed once for all tries: [sender][nonce][fee level]. */
  private static final PoolTransaction[][][] TXS = signAll();

  private static PoolTransaction[][][] signAll() {
    PoolTransaction[][][] txs = new PoolTransaction[SENDERS][NONCES][FEES.length];
    for (int s = 0; s < SENDERS; s++) {
      KeyPair key = KeyPair.of(SecretKey.of(UInt256.valueOf(100 + s).toBytes32()));
      for (int n = 0; n < NONCES; n++) {
        for (int f = 0; f < FEES.length; f++) {
          Transaction tx =
              TransactionSigner.sign(
                  new DynamicFeeTransaction(
                      Optional.of(UInt256.ONE),
                      n,
                      Wei.fromGwei(FEES[f][0]),
                      Wei.fromGwei(FEES[f][1]),
                      21_000 + 1_000L * f,
                      Optional.of(SINK),
                      Wei.of(1),
                      Bytes.EMPTY,
                      List.of(),
                      TransactionSigner.UNSIGNED),
                  key.secretKey());
          txs[s][n][f] = PoolTransaction.of(tx, key.address());
        }
      }
    }
    return txs;
  }

  /** The test's own record of what the pool holds, from what the pool answered. */
  private record Held(PoolTransaction ptx, long arrival) {}

  private final Map<Address, TreeMap<Long, Held>> model = new HashMap<>();
  private final Map<Address, Long> stateNonces = new HashMap<>();
  private long arrivals;

  @Property(tries = 300)
  void shouldSelectWhatAFullScanSelects(@ForAll long seed) {
    Random random = new Random(seed);
    Mempool pool = new Mempool(MempoolConfig.defaults(30_000_000));
    // The state's nonces follow what was included, as the producer's executed state does.
    SenderAccounts accounts =
        sender -> SenderAccount.eoa(stateNonces.getOrDefault(sender, 0L), Wei.fromEth(1));
    model.clear();
    stateNonces.clear();
    arrivals = 0;
    for (int step = 0; step < 120; step++) {
      int op = random.nextInt(10);
      Wei baseFee = BASE_FEES[random.nextInt(BASE_FEES.length)];
      if (op < 6) {
        PoolTransaction ptx =
            TXS[random.nextInt(SENDERS)][random.nextInt(NONCES)][random.nextInt(FEES.length)];
        if (pool.add(ptx, accounts, baseFee) instanceof AddResult.Added added) {
          model
              .computeIfAbsent(ptx.sender(), a -> new TreeMap<>())
              .put(ptx.nonce(), new Held(ptx, arrivals++));
          long state = stateNonces.getOrDefault(ptx.sender(), 0L);
          assertThat(added.pending())
              .as("step %d: pending, nonce %d from %d", step, ptx.nonce(), state)
              .isEqualTo(ptx.nonce() - state < contiguous(ptx.sender()));
        }
      } else if (op < 7 && !model.isEmpty()) {
        // A mini-block included the first transactions of some senders.
        Map<Address, Long> next = new HashMap<>();
        for (Address sender : model.keySet()) {
          if (random.nextBoolean()) {
            next.put(sender, stateNonces.getOrDefault(sender, 0L) + 1 + random.nextInt(2));
          }
        }
        pool.removeIncluded(next);
        next.forEach(
            (sender, nonce) -> {
              stateNonces.put(sender, nonce);
              model.get(sender).headMap(nonce, false).clear();
            });
      } else if (op < 8 && !model.isEmpty()) {
        List<Held> all = model.values().stream().flatMap(m -> m.values().stream()).toList();
        if (!all.isEmpty()) {
          PoolTransaction victim = all.get(random.nextInt(all.size())).ptx();
          pool.remove(victim.hash());
          model.get(victim.sender()).tailMap(victim.nonce(), true).clear();
        }
      } else {
        long gas = 21_000L * (1 + random.nextInt(12));
        int max = 1 + random.nextInt(20);
        assertThat(hashes(pool.selectReady(baseFee, gas, max)))
            .as("step %d, base fee %s, gas %d, max %d", step, baseFee, gas, max)
            .isEqualTo(hashes(scan(baseFee, gas, max)));
      }
      model.values().removeIf(TreeMap::isEmpty);
      int pending = 0;
      for (Address sender : model.keySet()) {
        pending += contiguous(sender);
        assertThat(pool.nextNonce(sender))
            .as("step %d: next nonce", step)
            .hasValue(stateNonces.getOrDefault(sender, 0L) + contiguous(sender));
      }
      assertThat(pool.pendingCount()).as("step %d: pending count", step).isEqualTo(pending);
    }
  }

  /** How many of the sender's transactions follow its state nonce without a gap. */
  private int contiguous(Address sender) {
    TreeMap<Long, Held> txs = model.getOrDefault(sender, new TreeMap<>());
    long nonce = stateNonces.getOrDefault(sender, 0L);
    int count = 0;
    while (txs.containsKey(nonce + count)) {
      count++;
    }
    return count;
  }

  /** The definition, by a pass over every sender. */
  private List<PoolTransaction> scan(Wei baseFee, long gasBudget, int maxCount) {
    record Head(Held held, UInt256 tip) {}
    PriorityQueue<Head> heads =
        new PriorityQueue<>(
            Comparator.comparing(Head::tip, Comparator.reverseOrder())
                .thenComparingLong(h -> h.held().arrival()));
    model.forEach(
        (sender, txs) -> {
          Held first = txs.get(stateNonces.getOrDefault(sender, 0L));
          if (first != null && payable(first, baseFee)) {
            heads.add(new Head(first, tip(first, baseFee)));
          }
        });
    List<PoolTransaction> selected = new ArrayList<>();
    long gasLeft = gasBudget;
    while (!heads.isEmpty() && selected.size() < maxCount) {
      Held held = heads.poll().held();
      Transaction tx = held.ptx().tx();
      if (tx.gasLimit() > gasLeft) {
        continue;
      }
      selected.add(held.ptx());
      gasLeft -= tx.gasLimit();
      Held next = model.get(held.ptx().sender()).get(tx.nonce() + 1);
      if (next != null && payable(next, baseFee)) {
        heads.add(new Head(next, tip(next, baseFee)));
      }
    }
    return selected;
  }

  private static boolean payable(Held held, Wei baseFee) {
    return held.ptx().tx().maxFeePerGas().compareTo(baseFee) >= 0;
  }

  private static UInt256 tip(Held held, Wei baseFee) {
    return held.ptx().tx().effectivePriorityFee(baseFee).value();
  }

  private static List<Hash> hashes(List<PoolTransaction> txs) {
    return txs.stream().map(PoolTransaction::hash).toList();
  }
}
