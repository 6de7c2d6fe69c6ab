package org.megaeth.sequencer.mempool;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/**
 * A transaction that passed ingress: decoded, its stateless checks done and its sender recovered
 * (on the ingress pool, never on the production thread). Its canonical encoding and hash are made
 * here once and travel with it into the block (log record, transactions root) rather than being
 * made again at each step.
 *
 * @param encoded the canonical encoding, whose keccak256 is {@code hash}
 */
public record PoolTransaction(Transaction tx, Hash hash, Address sender, Bytes encoded) {
  public PoolTransaction {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(encoded, "encoded");
  }

  public static PoolTransaction of(Transaction tx, Address sender) {
    Bytes encoded = tx.encoded();
    return new PoolTransaction(tx, Keccak.hash(encoded), sender, encoded);
  }

  /** The encoded size in bytes. */
  public int size() {
    return encoded.size();
  }

  public long nonce() {
    return tx.nonce();
  }
}
