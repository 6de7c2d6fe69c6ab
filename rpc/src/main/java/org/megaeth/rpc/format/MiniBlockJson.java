package org.megaeth.rpc.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import org.megaeth.core.api.MiniBlock;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonWriter;

/**
 * A {@code miniBlocks} subscription item: the mini-block's position and time, and its transactions
 * and receipts as preconfirmed objects (block fields without {@code blockHash}, which only sealing
 * fixes).
 */
public final class MiniBlockJson {
  private MiniBlockJson() {}

  public static JsonNode format(MiniBlock miniBlock) {
    return Json.streamed(out -> write(out, miniBlock));
  }

  private static void write(JsonWriter out, MiniBlock miniBlock) throws IOException {
    out.startObject();
    out.quantity("sequenceNumber", miniBlock.sequenceNumber());
    out.quantity("blockNumber", miniBlock.blockNumber());
    out.quantity("index", miniBlock.index());
    out.quantity("timestamp", miniBlock.timestampMicros());
    out.startArray("transactions");
    for (TransactionResult result : miniBlock.transactions()) {
      writeTransaction(out, result);
    }
    out.endArray();
    out.startArray("receipts");
    for (TransactionResult result : miniBlock.transactions()) {
      ReceiptJson.write(out, result);
    }
    out.endArray();
    out.endObject();
  }

  /** The transaction object of a result (preconfirmed unless it carries a block hash). */
  public static JsonNode transaction(TransactionResult result) {
    return Json.streamed(out -> writeTransaction(out, result));
  }

  private static void writeTransaction(JsonWriter out, TransactionResult result)
      throws IOException {
    TransactionJson.Inclusion inclusion =
        new TransactionJson.Inclusion(
            result.blockHash(),
            result.blockNumber(),
            result.blockTimestamp(),
            result.transactionIndex(),
            Optional.empty());
    // The effective price is known: the producer computed it under the block's base fee.
    TransactionJson.write(
        out,
        result.transaction(),
        result.transactionHash(),
        result.sender(),
        Optional.of(inclusion),
        result.effectiveGasPrice());
  }
}
