package org.megaeth.chain.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.block.Withdrawal;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionEncoder;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.patricia.OrderedTrieRoot;

/**
 * The roots of a block's ordered lists: a plain (not secure) trie keyed by {@code rlp(index)} with
 * each item's consensus encoding as the value.
 */
public final class TrieRoots {
  /** keccak256(rlp([])): the ommers hash of every post-merge block. */
  public static final Hash EMPTY_OMMERS_HASH = Keccak.hash(Rlp.EMPTY_LIST);

  private TrieRoots() {}

  public static Hash transactionsRoot(List<Transaction> transactions) {
    return orderedRoot(transactions, TransactionEncoder::encode);
  }

  public static Hash receiptsRoot(List<Receipt> receipts) {
    return orderedRoot(receipts, Receipt::encode);
  }

  public static Hash withdrawalsRoot(List<Withdrawal> withdrawals) {
    return orderedRoot(withdrawals, w -> Rlp.encode(w::writeTo));
  }

  public static <T> Hash orderedRoot(List<T> items, Function<T, Bytes> encoder) {
    List<Bytes> encoded = new ArrayList<>(items.size());
    for (T item : items) {
      encoded.add(encoder.apply(item));
    }
    return orderedRootOfEncoded(encoded);
  }

  /** The root of items already in their consensus encoding (as a block builder keeps them). */
  public static Hash orderedRootOfEncoded(List<Bytes> encoded) {
    return OrderedTrieRoot.of(encoded);
  }
}
