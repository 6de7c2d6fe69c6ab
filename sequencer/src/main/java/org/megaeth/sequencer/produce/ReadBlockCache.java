package org.megaeth.sequencer.produce;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.SenderRecovery;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/**
 * Older sealed blocks that readers asked for lately, decoded once: their bodies, receipts and the
 * senders recovered so far, least recently used dropped first, bounded by how many transactions
 * they hold (a block of the sequencer's can hold tens of thousands).
 *
 * <p>Why: the store keeps a block's body and its receipts as one record each, so one {@code
 * eth_getTransactionReceipt} for a transaction of an older block decodes the whole block and all
 * its receipts, and recovers the sender (an ECDSA recovery), milliseconds for a big block. An
 * indexer asking for every receipt of such a block, one call each, paid that for every transaction:
 * quadratic in the block's size. With the decoded block kept, each further call is a lookup. (The
 * newest sealed blocks are kept decoded by {@link PublishedChain} itself.)
 */
final class ReadBlockCache {
  private final long maxTransactions;
  private final LinkedHashMap<Hash, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long transactions;

  /** One block's decoded parts; each is filled the first time it is read. */
  private static final class Entry {
    final int size;
    Block block;
    List<Receipt> receipts;

    /** Recovered senders by index; null until recovered (a benign race: same value). */
    final Address[] senders;

    Entry(int size) {
      this.size = size;
      this.senders = new Address[size];
    }
  }

  /**
   * @param maxTransactions keep blocks while they hold at most this many transactions in all (a
   *     single bigger block is not kept)
   */
  ReadBlockCache(long maxTransactions) {
    this.maxTransactions = maxTransactions;
  }

  /** The block, decoded by {@code load} the first time and kept. */
  Optional<Block> block(Hash hash, Supplier<Optional<Block>> load) {
    synchronized (this) {
      Entry entry = entries.get(hash);
      if (entry != null && entry.block != null) {
        return Optional.of(entry.block);
      }
    }
    Optional<Block> loaded = load.get(); // decoded outside the lock: it can take milliseconds
    loaded.ifPresent(
        block -> {
          synchronized (this) {
            Entry entry = entry(hash, block.body().transactions().size());
            if (entry != null) {
              entry.block = block;
            }
          }
        });
    return loaded;
  }

  /** The block's receipts, decoded by {@code load} the first time and kept. */
  Optional<List<Receipt>> receipts(Hash hash, Supplier<Optional<List<Receipt>>> load) {
    synchronized (this) {
      Entry entry = entries.get(hash);
      if (entry != null && entry.receipts != null) {
        return Optional.of(entry.receipts);
      }
    }
    Optional<List<Receipt>> loaded = load.get();
    loaded.ifPresent(
        receipts -> {
          synchronized (this) {
            Entry entry = entry(hash, receipts.size());
            if (entry != null) {
              entry.receipts = receipts;
            }
          }
        });
    return loaded;
  }

  /**
   * The sender of the block's transaction at {@code index}, recovered once; empty when the block is
   * not known or has no such transaction.
   */
  Optional<Address> sender(Hash hash, int index, Supplier<Optional<Block>> load) {
    Optional<Block> block = block(hash, load);
    if (block.isEmpty() || index < 0 || index >= block.get().body().transactions().size()) {
      return Optional.empty();
    }
    Entry entry;
    synchronized (this) {
      entry = entries.get(hash);
    }
    if (entry != null && entry.senders[index] != null) {
      return Optional.of(entry.senders[index]);
    }
    Transaction tx = block.get().body().transactions().get(index);
    if (!(tx.sender() instanceof SenderRecovery.Recovered recovered)) {
      return Optional.empty(); // a sealed transaction always recovers; let the caller report it
    }
    if (entry != null) {
      entry.senders[index] = recovered.sender();
    }
    return Optional.of(recovered.sender());
  }

  /** The entry for a block of {@code size} transactions, made room for; null if too big to keep. */
  private Entry entry(Hash hash, int size) {
    Entry entry = entries.get(hash);
    if (entry != null) {
      return entry;
    }
    if (size > maxTransactions) {
      return null;
    }
    transactions += size;
    Iterator<Map.Entry<Hash, Entry>> oldest = entries.entrySet().iterator();
    while (transactions > maxTransactions && oldest.hasNext()) {
      transactions -= oldest.next().getValue().size;
      oldest.remove();
    }
    entry = new Entry(size);
    entries.put(hash, entry);
    return entry;
  }

  /** How many blocks are kept; for tests. */
  synchronized int size() {
    return entries.size();
  }
}
