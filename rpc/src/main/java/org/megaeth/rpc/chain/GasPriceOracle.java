package org.megaeth.rpc.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;

/**
 * Suggests a priority fee as geth's oracle does: the 60th percentile of the three lowest tips paid
 * in each of the last 20 sealed blocks, ignoring tips under 2 wei, capped at 500 gwei; with no
 * transactions to learn from, the last suggestion (initially 0.001 gwei, geth's default). geth also
 * skips transactions sent by the block's coinbase; that needs every sender recovered, so this
 * oracle does not.
 *
 * <p>Cached per head, and each block's lowest tips per block: wallets ask before every transaction
 * ({@code eth_maxPriorityFeePerGas}, {@code eth_gasPrice}), and a new head would otherwise decode
 * all 20 blocks again, each of up to tens of thousands of transactions under load. With the
 * per-block cache a new head decodes only the blocks not seen before.
 */
public final class GasPriceOracle {
  private static final int BLOCKS = 20;
  private static final int SAMPLES_PER_BLOCK = 3;
  private static final int PERCENTILE = 60;
  private static final Wei IGNORE_BELOW = Wei.of(2);
  private static final Wei MAX_TIP = Wei.fromGwei(500);
  static final Wei DEFAULT_TIP = Wei.of(1_000_000);

  private record Suggestion(Hash head, Wei tip) {}

  private final ChainReader chain;
  private volatile Suggestion last = new Suggestion(Hash.ZERO, DEFAULT_TIP);

  private final ReentrantLock computing = new ReentrantLock();

  /** The lowest tips of the blocks of the last suggestion's window, by block hash. */
  private Map<Hash, List<Wei>> tipsByBlock = Map.of();

  public GasPriceOracle(ChainReader chain) {
    this.chain = chain;
  }

  public Wei suggestTip() {
    BlockHeader head = chain.head();
    Hash headHash = head.hash();
    Suggestion cached = last;
    if (cached.head().equals(headHash)) {
      return cached.tip();
    }
    // One caller computes a new head's suggestion; the others for that head wait for it. A lock,
    // not synchronized: request threads are virtual, and JDK 21 pins a virtual thread's carrier
    // for as long as it holds a monitor.
    computing.lock();
    try {
      return last.head().equals(headHash) ? last.tip() : suggest(head, headHash);
    } finally {
      computing.unlock();
    }
  }

  private Wei suggest(BlockHeader head, Hash headHash) {
    List<Wei> samples = new ArrayList<>();
    Map<Hash, List<Wei>> window = new HashMap<>();
    BlockHeader header = head;
    for (int i = 0; i < BLOCKS; i++) {
      Hash hash = header.hash();
      List<Wei> tips = tipsByBlock.get(hash);
      if (tips == null) {
        Optional<Block> block = chain.block(hash);
        if (block.isEmpty()) {
          break;
        }
        tips = lowestTips(block.get());
      }
      window.put(hash, tips);
      samples.addAll(tips);
      if (header.number() == 0) {
        break;
      }
      Optional<BlockHeader> parent = chain.header(header.parentHash());
      if (parent.isEmpty()) {
        break;
      }
      header = parent.get();
    }
    tipsByBlock = window;
    Wei tip = last.tip();
    if (!samples.isEmpty()) {
      samples.sort(null);
      tip = samples.get((samples.size() - 1) * PERCENTILE / 100);
      if (tip.compareTo(MAX_TIP) > 0) {
        tip = MAX_TIP;
      }
    }
    last = new Suggestion(headHash, tip);
    return tip;
  }

  private static List<Wei> lowestTips(Block block) {
    Wei baseFee = block.header().baseFeePerGas().map(Wei::of).orElse(Wei.ZERO);
    List<Wei> tips = new ArrayList<>();
    for (Transaction tx : block.body().transactions()) {
      if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
        continue;
      }
      Wei tip = tx.effectivePriorityFee(baseFee);
      if (tip.compareTo(IGNORE_BELOW) >= 0) {
        tips.add(tip);
      }
    }
    tips.sort(null);
    return List.copyOf(tips.subList(0, Math.min(SAMPLES_PER_BLOCK, tips.size())));
  }
}
