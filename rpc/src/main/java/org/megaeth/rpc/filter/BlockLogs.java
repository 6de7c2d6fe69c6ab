package org.megaeth.rpc.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.Log;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.format.LocatedLog;

/** The matching logs of one sealed block, located (block-wide log indexes). */
public final class BlockLogs {
  private BlockLogs() {}

  /** Appends the logs of {@code block} that match {@code filter} to {@code out}. */
  public static void collect(
      Block block, Hash blockHash, List<Receipt> receipts, LogFilter filter, List<LocatedLog> out) {
    if (!filter.mightMatch(block.header().logsBloom())) {
      return;
    }
    List<Transaction> txs = block.body().transactions();
    int logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      Receipt receipt = receipts.get(i);
      List<Log> logs = receipt.logs();
      if (logs.isEmpty() || !filter.mightMatch(receipt.logsBloom())) {
        logIndex += logs.size();
        continue;
      }
      Hash txHash = null;
      for (Log log : logs) {
        if (filter.matches(log)) {
          if (txHash == null) {
            txHash = txs.get(i).hash();
          }
          out.add(
              new LocatedLog(
                  log,
                  block.number(),
                  Optional.of(blockHash),
                  block.header().timestamp(),
                  txHash,
                  i,
                  logIndex));
        }
        logIndex++;
      }
    }
  }

  public static List<LocatedLog> matching(
      Block block, Hash blockHash, List<Receipt> receipts, LogFilter filter) {
    List<LocatedLog> out = new ArrayList<>();
    collect(block, blockHash, receipts, filter, out);
    return out;
  }
}
