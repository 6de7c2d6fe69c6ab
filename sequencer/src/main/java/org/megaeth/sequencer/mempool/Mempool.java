package org.megaeth.sequencer.mempool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.megaeth.core.tx.BlobTransaction;
import org.megaeth.core.tx.SenderAccount;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionValidator;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * The sequencer's transaction pool. Each sender's transactions are kept in nonce order; those that
 * follow the sender's current nonce without a gap are <em>pending</em> (they can run now), the
 * others <em>queued</em> until the gap fills. A transaction with the nonce of one already pooled
 * replaces it only if it raises both fee caps by the configured bump (10%). Beyond the per-sender
 * limit new transactions are refused; beyond the total limit the cheapest sender's last transaction
 * is evicted, so no eviction opens a gap. {@link #selectReady} gives the next transactions to
 * execute by effective tip, each sender's in nonce order. Rejections use geth's words, so wallets
 * show the messages users know.
 *
 * <p>Thread-safe: ingress threads add while the production thread selects and removes. Adds are
 * <em>combined</em>: {@link #offer} queues the transaction and returns at once unless the pool's
 * lock is free, and whichever thread holds the lock admits every queued offer before it lets go (on
 * the way out of any locked method). So ingress threads never block on the lock, and under load one
 * holder admits a batch per lock acquisition. Before, each add took the lock itself; on two busy
 * cores a thread that found it taken was parked, and being woken again cost ~1.5 ms, far longer
 * than the few microseconds the lock is held (JFR: ingress threads spent a quarter of their time
 * waiting there). Offers are admitted in the order they were queued, with the same checks and
 * answers as one at a time.
 */
public final class Mempool {
  private static final Comparator<Long> NONCE_ORDER = Long::compareUnsigned;

  /** A pooled transaction and its arrival order, the tie-break between equal tips. */
  private record Entry(PoolTransaction ptx, long arrival) {}

  /**
   * A sender's next runnable transaction and its effective tip at {@link #indexBaseFee}: an entry
   * of {@link #ready}.
   */
  private record ReadyHead(Entry entry, UInt256 tip) {}

  /**
   * Best tip first, then first come; arrivals are unique, so the order is total. Written out rather
   * than composed from {@code Comparator.comparing}: each mini-block moves every included sender's
   * head in the index, some twenty comparisons each.
   */
  private static final Comparator<ReadyHead> BEST_FIRST =
      (a, b) -> {
        int byTip = b.tip().compareTo(a.tip());
        return byTip != 0 ? byTip : Long.compare(a.entry().arrival(), b.entry().arrival());
      };

  /** One sender's transactions and its nonce in the current state. */
  private static final class SenderQueue {
    final TreeMap<Long, Entry> byNonce = new TreeMap<>(NONCE_ORDER);
    long stateNonce;

    /** The entry at {@link #stateNonce} as it sits in {@link #ready}; null when there is none. */
    ReadyHead head;

    /**
     * The last {@link #contiguousFrom} count, from {@link #countedFrom}: adding transactions can
     * only extend the run, so the next count goes on from there (a sender appending n transactions
     * costs O(n) lookups in all, not O(n^2)); removing any forgets it.
     */
    boolean counted;

    long countedFrom;
    int count;

    void forgetCount() {
      counted = false;
    }

    SenderQueue(long stateNonce) {
      this.stateNonce = stateNonce;
    }
  }

  /** A transaction waiting to be admitted by whichever thread holds the lock next. */
  private record Offer(
      PoolTransaction ptx,
      SenderAccounts accounts,
      AddResult.Rejected refused,
      BigInteger cost,
      Wei baseFee,
      CompletableFuture<AddResult> result) {}

  private final MempoolConfig config;
  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Offer> offers = new ConcurrentLinkedQueue<>();
  private final Map<Hash, Entry> byHash = new HashMap<>();
  private final Map<Address, SenderQueue> bySender = new HashMap<>();
  private long arrivals;

  /**
   * Every sender's transaction at its state nonce, best first: what {@link #selectReady} starts
   * from, kept up to date on each change so that selecting costs O(k log k) for k transactions
   * rather than a pass over every sender (at 10 ms mini-blocks and thousands of senders that pass
   * took a quarter of the production thread).
   */
  private final TreeSet<ReadyHead> ready = new TreeSet<>(BEST_FIRST);

  /** The base fee the tips in {@link #ready} were computed at; re-ranked when it changes. */
  private Wei indexBaseFee = Wei.ZERO;

  public Mempool(MempoolConfig config) {
    this.config = config;
  }

  public int size() {
    lock.lock();
    try {
      return byHash.size();
    } finally {
      release();
    }
  }

  public boolean contains(Hash hash) {
    lock.lock();
    try {
      return byHash.containsKey(hash);
    } finally {
      release();
    }
  }

  public Optional<PoolTransaction> get(Hash hash) {
    lock.lock();
    try {
      Entry entry = byHash.get(hash);
      return entry == null ? Optional.empty() : Optional.of(entry.ptx());
    } finally {
      release();
    }
  }

  /** Pending transactions: those with no nonce gap before them. */
  public int pendingCount() {
    lock.lock();
    try {
      return pendingCountLocked();
    } finally {
      release();
    }
  }

  private int pendingCountLocked() {
    int pending = 0;
    for (SenderQueue queue : bySender.values()) {
      pending += contiguousFrom(queue, queue.stateNonce);
    }
    return pending;
  }

  /**
   * The sender's next nonce counting its pooled transactions that can run without a gap; empty when
   * the pool holds none of its transactions.
   */
  public OptionalLong nextNonce(Address sender) {
    lock.lock();
    try {
      SenderQueue queue = bySender.get(sender);
      return queue == null
          ? OptionalLong.empty()
          : OptionalLong.of(queue.stateNonce + contiguousFrom(queue, queue.stateNonce));
    } finally {
      release();
    }
  }

  public int queuedCount() {
    lock.lock();
    try {
      return byHash.size() - pendingCountLocked();
    } finally {
      release();
    }
  }

  /**
   * Offers a transaction that passed ingress and waits for the answer: {@link #offer} for callers
   * that can wait (tests, tools).
   *
   * @param accounts the sender's nonce, balance and code in the current state
   * @param baseFee the base fee of the block being built, for ranking in an eviction
   */
  public AddResult add(PoolTransaction ptx, SenderAccounts accounts, Wei baseFee) {
    return offer(ptx, accounts, baseFee).join();
  }

  /**
   * Offers a transaction that passed ingress. The answer comes when the transaction has been
   * admitted or refused: at once when the pool's lock is free, otherwise as soon as the thread
   * holding it lets go (it admits every waiting offer first), and never on a thread that holds the
   * lock, so whoever completes it may call back into the pool.
   *
   * @param accounts the sender's nonce, balance and code in the current state, read when the offer
   *     is admitted: an account read earlier could predate a mini-block whose transactions the pool
   *     has since dropped, and a nonce from before it would queue the offer behind a gap that never
   *     fills
   * @param baseFee the base fee of the block being built, for ranking in an eviction
   */
  public CompletableFuture<AddResult> offer(
      PoolTransaction ptx, SenderAccounts accounts, Wei baseFee) {
    // What needs no pool or chain state is worked out here, outside the lock (the stateless
    // checks, the BigInteger cost). The answers, and the order in which refusals are reported,
    // are the same as checking everything under the lock.
    Transaction tx = ptx.tx();
    Offer offer =
        new Offer(
            ptx,
            accounts,
            statelessRefusal(ptx, baseFee),
            TransactionValidator.upfrontCost(tx),
            baseFee,
            new CompletableFuture<>());
    offers.add(offer);
    if (lock.tryLock()) {
      release();
    }
    return offer.result();
  }

  /**
   * Lets go of the lock, which the caller holds once, after admitting every waiting offer; then
   * completes their answers outside the lock. An offer queued while the lock was held is never
   * stranded: its thread's {@code tryLock} failed, so it was queued before this unlock, and the
   * check after the unlock sees it.
   */
  private void release() {
    while (true) {
      List<Offer> admitted = null;
      for (Offer offer = offers.poll(); offer != null; offer = offers.poll()) {
        if (admitted == null) {
          admitted = new ArrayList<>();
        }
        admitted.add(offer);
      }
      AddResult[] results = null;
      if (admitted != null) {
        results = new AddResult[admitted.size()];
        for (int i = 0; i < results.length; i++) {
          results[i] = admit(admitted.get(i));
        }
      }
      lock.unlock();
      if (admitted != null) {
        for (int i = 0; i < results.length; i++) {
          if (results[i] != null) { // null: failed, and completed exceptionally
            admitted.get(i).result().complete(results[i]);
          }
        }
      }
      if (offers.isEmpty() || !lock.tryLock()) {
        return;
      }
    }
  }

  /** Admits or refuses one offer; the caller holds the lock. */
  private AddResult admit(Offer offer) {
    try {
      if (byHash.containsKey(offer.ptx().hash())) {
        return reject("already known");
      }
      if (offer.refused() != null) {
        return offer.refused();
      }
      // The account is read here, under the lock: the producer updates the state it reads
      // before it takes the lock to drop included transactions, so this read is never older
      // than what the pool knows.
      SenderAccount account = offer.accounts().account(offer.ptx().sender());
      return addChecked(
          offer.ptx(), account, offer.cost(), account.balance().toBigInteger(), offer.baseFee());
    } catch (RuntimeException e) {
      // A bug here must not strand the other offers of the batch or leave the caller waiting.
      offer.result().completeExceptionally(e);
      return null;
    }
  }

  /** The refusal that needs only the transaction and the base fee, or null. */
  private AddResult.Rejected statelessRefusal(PoolTransaction ptx, Wei baseFee) {
    Transaction tx = ptx.tx();
    if (tx instanceof BlobTransaction) {
      return rejected("transaction type not supported");
    }
    if (ptx.size() > config.maxTransactionBytes()) {
      return rejected(
          "oversized data: transaction size %d, limit %d"
              .formatted(ptx.size(), config.maxTransactionBytes()));
    }
    if (Long.compareUnsigned(tx.gasLimit(), config.blockGasLimit()) > 0) {
      return rejected("exceeds block gas limit");
    }
    if (tx.maxPriorityFeePerGas().compareTo(config.minTip()) < 0) {
      return rejected(
          "transaction underpriced: tip %s, minimum %s"
              .formatted(
                  tx.maxPriorityFeePerGas().value().toDecimalString(),
                  config.minTip().value().toDecimalString()));
    }
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      // It could never run at this base fee, and it would hold back the sender's later nonces.
      return rejected(
          "max fee per gas less than block base fee: maxFeePerGas: %s, baseFee: %s"
              .formatted(
                  tx.maxFeePerGas().value().toDecimalString(), baseFee.value().toDecimalString()));
    }
    return null;
  }

  /** The checks and changes that need the pool's state; the caller holds the lock. */
  private AddResult addChecked(
      PoolTransaction ptx,
      SenderAccount account,
      BigInteger cost,
      BigInteger balance,
      Wei baseFee) {
    Transaction tx = ptx.tx();
    SenderQueue known = bySender.get(ptx.sender());
    // The pool may know a newer nonce than the state it was given: the producer has executed
    // mini-blocks that readers cannot see until they are durable. Nonces never go back here.
    long stateNonce =
        known == null || Long.compareUnsigned(account.nonce(), known.stateNonce) >= 0
            ? account.nonce()
            : known.stateNonce;
    if (Long.compareUnsigned(tx.nonce(), stateNonce) < 0) {
      return reject(
          "nonce too low: next nonce %s, tx nonce %s"
              .formatted(Long.toUnsignedString(stateNonce), Long.toUnsignedString(tx.nonce())));
    }
    if (!account.code().isEmpty() && !account.isDelegated()) {
      return reject("sender not an eoa: address " + ptx.sender());
    }
    if (balance.compareTo(cost) < 0) {
      return reject(
          "insufficient funds for gas * price + value: balance %s, tx cost %s, overshot %s"
              .formatted(balance, cost, cost.subtract(balance)));
    }

    SenderQueue queue = known;
    if (queue == null) {
      queue = new SenderQueue(stateNonce);
    }
    queue.stateNonce = stateNonce;
    refreshHead(queue); // the state may have moved past what was the head
    Entry existing = queue.byNonce.get(tx.nonce());
    Optional<PoolTransaction> replaced = Optional.empty();
    if (existing != null) {
      if (!outbids(tx, existing.ptx().tx())) {
        return reject("replacement transaction underpriced");
      }
      byHash.remove(existing.ptx().hash());
      replaced = Optional.of(existing.ptx());
    } else {
      if (queue.byNonce.size() >= config.maxPerSender()) {
        return reject("account limit exceeded");
      }
      if (byHash.size() >= config.maxTotal() && !evictCheaperThan(tx, baseFee)) {
        return reject("txpool is full");
      }
    }
    Entry entry = new Entry(ptx, arrivals++);
    queue.byNonce.put(tx.nonce(), entry);
    bySender.put(ptx.sender(), queue);
    byHash.put(ptx.hash(), entry);
    refreshHead(queue);
    // Pending when every nonce from the state nonce up to this one is pooled.
    boolean pending = tx.nonce() - queue.stateNonce < contiguousFrom(queue, queue.stateNonce);
    return new AddResult.Added(ptx, pending, replaced);
  }

  /**
   * Up to {@code maxCount} transactions to run next, best effective tip first, each sender's in
   * nonce order from its state nonce, with a total gas limit within {@code gasBudget}. A sender
   * whose next transaction does not fit or cannot pay the base fee is passed over, with its later
   * ones. The transactions stay pooled until {@link #removeIncluded} or {@link #remove}.
   */
  public List<PoolTransaction> selectReady(Wei baseFee, long gasBudget, int maxCount) {
    lock.lock();
    try {
      return selectReadyLocked(baseFee, gasBudget, maxCount);
    } finally {
      release();
    }
  }

  private List<PoolTransaction> selectReadyLocked(Wei baseFee, long gasBudget, int maxCount) {
    if (!baseFee.equals(indexBaseFee)) {
      reindex(baseFee);
    }
    // The best of two sources: the index of senders' first transactions, and the next nonces of
    // senders already selected from (not in the index until the pool removes what was included).
    PriorityQueue<ReadyHead> successors = new PriorityQueue<>(BEST_FIRST);
    Iterator<ReadyHead> heads = ready.iterator();
    ReadyHead fromIndex = heads.hasNext() ? heads.next() : null;
    List<PoolTransaction> selected = new ArrayList<>();
    long gasLeft = gasBudget;
    while (selected.size() < maxCount && gasLeft >= MIN_TRANSACTION_GAS) {
      ReadyHead best;
      ReadyHead successor = successors.peek();
      if (fromIndex == null && successor == null) {
        break;
      }
      if (successor == null
          || (fromIndex != null && BEST_FIRST.compare(fromIndex, successor) < 0)) {
        best = fromIndex;
        fromIndex = heads.hasNext() ? heads.next() : null;
      } else {
        best = successors.poll();
      }
      Transaction tx = best.entry().ptx().tx();
      if (!payable(tx, baseFee) || Long.compareUnsigned(tx.gasLimit(), gasLeft) > 0) {
        continue; // the sender is passed over, with its later transactions
      }
      selected.add(best.entry().ptx());
      gasLeft -= tx.gasLimit();
      Entry next = bySender.get(best.entry().ptx().sender()).byNonce.get(tx.nonce() + 1);
      if (next != null) {
        successors.add(new ReadyHead(next, tip(next.ptx().tx(), baseFee)));
      }
    }
    return selected;
  }

  /** The least gas any transaction can use (a plain transfer's intrinsic gas). */
  private static final long MIN_TRANSACTION_GAS = 21_000;

  /** Makes {@code queue.head} (and {@link #ready}) follow the entry at its state nonce. */
  private void refreshHead(SenderQueue queue) {
    Entry first = queue.byNonce.get(queue.stateNonce);
    if (queue.head != null) {
      if (queue.head.entry() == first) {
        return;
      }
      ready.remove(queue.head);
      queue.head = null;
    }
    if (first != null) {
      queue.head = new ReadyHead(first, tip(first.ptx().tx(), indexBaseFee));
      ready.add(queue.head);
    }
  }

  /** Ranks every head again at a new base fee: at most once a block. */
  private void reindex(Wei baseFee) {
    indexBaseFee = baseFee;
    ready.clear();
    for (SenderQueue queue : bySender.values()) {
      queue.head = null;
      refreshHead(queue);
    }
  }

  /**
   * After a mini-block: each sender's new state nonce; its transactions below it are gone
   * (included, or replaced by another with the same nonce), and those after a gap stay queued.
   */
  public void removeIncluded(Map<Address, Long> nextNonces) {
    lock.lock();
    try {
      removeIncludedLocked(nextNonces);
    } finally {
      release();
    }
  }

  private void removeIncludedLocked(Map<Address, Long> nextNonces) {
    nextNonces.forEach(
        (sender, nonce) -> {
          SenderQueue queue = bySender.get(sender);
          if (queue == null) {
            return;
          }
          queue.stateNonce = nonce;
          queue.forgetCount();
          // From the lowest nonce up: no view or iterator objects (a mini-block usually took one
          // or two of each sender's transactions).
          for (Map.Entry<Long, Entry> first = queue.byNonce.firstEntry();
              first != null && Long.compareUnsigned(first.getKey(), nonce) < 0;
              first = queue.byNonce.firstEntry()) {
            queue.byNonce.pollFirstEntry();
            byHash.remove(first.getValue().ptx().hash());
          }
          refreshHead(queue);
          if (queue.byNonce.isEmpty()) {
            bySender.remove(sender);
          }
        });
  }

  /**
   * Drops a transaction that can no longer run (its sender's balance fell, execution refused it),
   * with every later one of its sender, which now has a gap anyway and whose costs were counted on
   * the same balance.
   */
  public List<PoolTransaction> remove(Hash hash) {
    lock.lock();
    try {
      return removeLocked(hash);
    } finally {
      release();
    }
  }

  private List<PoolTransaction> removeLocked(Hash hash) {
    Entry entry = byHash.get(hash);
    if (entry == null) {
      return List.of();
    }
    Address sender = entry.ptx().sender();
    SenderQueue queue = bySender.get(sender);
    List<PoolTransaction> removed = new ArrayList<>();
    queue.forgetCount();
    Iterator<Entry> tail = queue.byNonce.tailMap(entry.ptx().nonce(), true).values().iterator();
    while (tail.hasNext()) {
      Entry dropped = tail.next();
      byHash.remove(dropped.ptx().hash());
      removed.add(dropped.ptx());
      tail.remove();
    }
    refreshHead(queue);
    if (queue.byNonce.isEmpty()) {
      bySender.remove(sender);
    }
    return removed;
  }

  /** Both caps raised by at least the bump: geth's replacement rule. */
  private boolean outbids(Transaction candidate, Transaction old) {
    return atLeastBumped(candidate.maxFeePerGas(), old.maxFeePerGas())
        && atLeastBumped(candidate.maxPriorityFeePerGas(), old.maxPriorityFeePerGas());
  }

  private boolean atLeastBumped(Wei candidate, Wei old) {
    BigInteger threshold =
        old.toBigInteger()
            .multiply(BigInteger.valueOf(100L + config.priceBumpPercent()))
            .divide(BigInteger.valueOf(100));
    return candidate.toBigInteger().compareTo(threshold) >= 0;
  }

  /**
   * Evicts the last transaction of the sender whose last transaction pays the lowest tip, if that
   * is below what {@code incoming} pays; false when the incoming one is the cheapest.
   */
  private boolean evictCheaperThan(Transaction incoming, Wei baseFee) {
    Entry cheapest = null;
    UInt256 cheapestTip = null;
    for (SenderQueue queue : bySender.values()) {
      Entry last = queue.byNonce.lastEntry().getValue();
      UInt256 tip = tip(last.ptx().tx(), baseFee);
      if (cheapest == null || tip.compareTo(cheapestTip) < 0) {
        cheapest = last;
        cheapestTip = tip;
      }
    }
    if (cheapest == null || tip(incoming, baseFee).compareTo(cheapestTip) <= 0) {
      return false;
    }
    removeLocked(cheapest.ptx().hash());
    return true;
  }

  private static boolean payable(Transaction tx, Wei baseFee) {
    return tx.maxFeePerGas().compareTo(baseFee) >= 0;
  }

  /** The effective tip at {@code baseFee}; zero for a transaction that cannot pay the base fee. */
  private static UInt256 tip(Transaction tx, Wei baseFee) {
    return payable(tx, baseFee) ? tx.effectivePriorityFee(baseFee).value() : UInt256.ZERO;
  }

  /** How many transactions follow {@code nonce} without a gap. */
  private static int contiguousFrom(SenderQueue queue, long nonce) {
    int count = queue.counted && queue.countedFrom == nonce ? queue.count : 0;
    while (queue.byNonce.containsKey(nonce + count)) {
      count++;
    }
    queue.counted = true;
    queue.countedFrom = nonce;
    queue.count = count;
    return count;
  }

  private static AddResult reject(String reason) {
    return rejected(reason);
  }

  private static AddResult.Rejected rejected(String reason) {
    return new AddResult.Rejected(reason);
  }
}
