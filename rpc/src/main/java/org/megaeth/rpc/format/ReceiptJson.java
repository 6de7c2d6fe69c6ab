package org.megaeth.rpc.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.TransactionType;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonWriter;

/**
 * A receipt object as geth writes it. A preconfirmed result (no block hash yet) leaves {@code
 * blockHash} out, in the receipt and its logs, as MegaETH's realtime API does: the block hash is
 * only known when the block is sealed, and a client must not see a value that changes later.
 *
 * <p>Every {@code eth_sendRawTransactionSync} returns one, so it is written straight into the
 * response ({@link JsonWriter}) rather than built as a tree. Benchmark before refactoring ({@code
 * ReceiptJsonBenchmark}).
 */
public final class ReceiptJson {
  private ReceiptJson() {}

  public static JsonNode format(TransactionResult result) {
    return Json.streamed(out -> write(out, result));
  }

  /** The receipts of a block, in order, as one array. */
  public static JsonNode formatAll(List<TransactionResult> results) {
    return Json.streamed(
        out -> {
          out.startArray();
          for (TransactionResult result : results) {
            write(out, result);
          }
          out.endArray();
        });
  }

  public static void write(JsonWriter out, TransactionResult result) throws IOException {
    Receipt receipt = result.receipt();
    out.startObject();
    if (result.blockHash().isPresent()) {
      out.hash("blockHash", result.blockHash().get());
    }
    out.quantity("blockNumber", result.blockNumber());
    if (result.contractAddress().isPresent()) {
      out.address("contractAddress", result.contractAddress().get());
    } else {
      out.nullField("contractAddress");
    }
    out.quantity("cumulativeGasUsed", receipt.cumulativeGasUsed());
    out.quantity("effectiveGasPrice", result.effectiveGasPrice());
    out.address("from", result.sender());
    out.quantity("gasUsed", result.gasUsed());
    out.name("logs");
    LogJson.writeAll(out, result);
    out.data("logsBloom", receipt.logsBloom().bytes());
    if (receipt.postStateRoot().isPresent()) {
      out.hash("root", receipt.postStateRoot().get());
    } else {
      out.string("status", receipt.success() ? "0x1" : "0x0");
    }
    if (result.transaction().to().isPresent()) {
      out.address("to", result.transaction().to().get());
    } else {
      out.nullField("to");
    }
    out.hash("transactionHash", result.transactionHash());
    out.quantity("transactionIndex", result.transactionIndex());
    out.quantity("type", receipt.type());
    if (result.transaction().type() == TransactionType.BLOB) {
      out.quantity("blobGasUsed", result.blobGasUsed());
      if (result.blobGasPrice().isPresent()) {
        out.quantity("blobGasPrice", result.blobGasPrice().get());
      }
    }
    out.endObject();
  }
}
