package org.megaeth.rpc.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Log;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonWriter;

/**
 * A log object as geth writes it, fields in geth's order. Written straight into the response
 * ({@link JsonWriter}); benchmark before refactoring ({@code ReceiptJsonBenchmark}).
 */
public final class LogJson {
  private LogJson() {}

  public static JsonNode format(LocatedLog located) {
    return Json.streamed(out -> write(out, located));
  }

  public static JsonNode formatAll(List<LocatedLog> logs) {
    return Json.streamed(
        out -> {
          out.startArray();
          for (LocatedLog log : logs) {
            write(out, log);
          }
          out.endArray();
        });
  }

  public static void write(JsonWriter out, LocatedLog located) throws IOException {
    write(
        out,
        located.log(),
        located.blockNumber(),
        located.blockHash(),
        located.blockTimestamp(),
        located.transactionHash(),
        located.transactionIndex(),
        located.logIndex());
  }

  /** The logs of one transaction result, as its receipt lists them. */
  static void writeAll(JsonWriter out, TransactionResult result) throws IOException {
    List<Log> logs = result.receipt().logs();
    out.startArray();
    for (int i = 0; i < logs.size(); i++) {
      write(
          out,
          logs.get(i),
          result.blockNumber(),
          result.blockHash(),
          result.blockTimestamp(),
          result.transactionHash(),
          result.transactionIndex(),
          result.firstLogIndex() + i);
    }
    out.endArray();
  }

  private static void write(
      JsonWriter out,
      Log log,
      long blockNumber,
      Optional<Hash> blockHash,
      long blockTimestamp,
      Hash transactionHash,
      int transactionIndex,
      int logIndex)
      throws IOException {
    out.startObject();
    out.address("address", log.address());
    out.startArray("topics");
    for (Hash topic : log.topics()) {
      out.hash(topic);
    }
    out.endArray();
    out.data("data", log.data());
    out.quantity("blockNumber", blockNumber);
    out.hash("transactionHash", transactionHash);
    out.quantity("transactionIndex", transactionIndex);
    if (blockHash.isPresent()) {
      out.hash("blockHash", blockHash.get());
    }
    out.quantity("blockTimestamp", blockTimestamp);
    out.quantity("logIndex", logIndex);
    out.bool("removed", false);
    out.endObject();
  }

  /** The logs of one transaction result, located. */
  public static List<LocatedLog> locate(TransactionResult result) {
    List<Log> logs = result.receipt().logs();
    LocatedLog[] located = new LocatedLog[logs.size()];
    for (int i = 0; i < located.length; i++) {
      located[i] =
          new LocatedLog(
              logs.get(i),
              result.blockNumber(),
              result.blockHash(),
              result.blockTimestamp(),
              result.transactionHash(),
              result.transactionIndex(),
              result.firstLogIndex() + i);
    }
    return List.of(located);
  }
}
