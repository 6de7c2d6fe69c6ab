package org.megaeth.rpc;

import java.util.Objects;
import java.util.function.IntSupplier;
import org.megaeth.core.api.ChainEvents;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.StateReader;
import org.megaeth.core.api.TransactionSink;

/**
 * Everything the rpc module reads from the node, through node-core's narrow interfaces: the role
 * (sequencer, full node) supplies the implementations.
 *
 * @param peerCount connected p2p peers, for {@code net_peerCount}
 */
public record RpcBackend(
    ChainReader chain,
    StateReader state,
    TransactionSink transactions,
    ChainEvents events,
    IntSupplier peerCount) {
  public RpcBackend {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(peerCount, "peerCount");
  }
}
