package org.megaeth.sequencer.mempool;

import java.util.Objects;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/**
 * A transaction that passed ingress: decoded, its stateless checks done and its sender recovered
 * (on the ingress pool, never on the production thread).
 *
 * @param size the encoded size in bytes
 */
public record PoolTransaction(Transaction tx, Hash hash, Address sender, int size) {
  public PoolTransaction {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(sender, "sender");
  }

  public static PoolTransaction of(Transaction tx, Address sender) {
    return new PoolTransaction(tx, tx.hash(), sender, tx.encoded().size());
  }

  public long nonce() {
    return tx.nonce();
  }
}
