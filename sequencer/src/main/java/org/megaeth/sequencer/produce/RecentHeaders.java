package org.megaeth.sequencer.produce;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.megaeth.chain.exec.HeaderLookup;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.types.Hash;

/**
 * The last 256 sealed headers, for BLOCKHASH. The producer seals a block before the chain store has
 * written it (the store write waits for the log), so BLOCKHASH reads from here first and falls back
 * to the store for older ones.
 */
final class RecentHeaders implements HeaderLookup {
  private static final int KEPT = 257;

  private final HeaderLookup store;
  private final Map<Hash, BlockHeader> byHash = new HashMap<>();
  private final ArrayDeque<Hash> order = new ArrayDeque<>();

  RecentHeaders(HeaderLookup store) {
    this.store = store;
  }

  void add(BlockHeader header) {
    if (byHash.put(header.hash(), header) == null) {
      order.addLast(header.hash());
      if (order.size() > KEPT) {
        byHash.remove(order.removeFirst());
      }
    }
  }

  @Override
  public Optional<BlockHeader> header(Hash hash) {
    BlockHeader header = byHash.get(hash);
    return header != null ? Optional.of(header) : store.header(hash);
  }
}
