package org.megaeth.rpc.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * oracle does not. Cached per head.
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
    List<Wei> samples = new ArrayList<>();
    for (long n = head.number(); n >= 0 && n > head.number() - BLOCKS; n--) {
      Optional<Block> block = chain.block(n);
      if (block.isEmpty()) {
        break;
      }
      samples.addAll(lowestTips(block.get()));
    }
    Wei tip = cached.tip();
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
    return tips.subList(0, Math.min(SAMPLES_PER_BLOCK, tips.size()));
  }
}
