package org.megaeth.rpc.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.format.LocatedLog;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcError;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;

/**
 * Runs log queries over sealed blocks with two caps, the block range and the number of results.
 * Over a cap, the error says which range would fit (as Alchemy's does), in its message and as
 * {@code data: {fromBlock, toBlock}}, so a client can retry without guessing.
 */
public final class LogQuery {
  private final ChainReader chain;
  private final BlockResolver blocks;
  private final long maxRange;
  private final int maxResults;

  public LogQuery(ChainReader chain, BlockResolver blocks, long maxRange, int maxResults) {
    this.chain = chain;
    this.blocks = blocks;
    this.maxRange = maxRange;
    this.maxResults = maxResults;
  }

  /** Runs a parsed filter object: by block hash, or over its range at the current head. */
  public List<LocatedLog> run(FilterSpec spec) throws JsonRpcException {
    if (spec.blockHash().isPresent()) {
      return byBlockHash(spec.blockHash().get(), spec.criteria());
    }
    long head = chain.head().number();
    long from = resolve(spec.fromBlock().orElse(BlockParameter.Tag.LATEST), head);
    long to = resolve(spec.toBlock().orElse(BlockParameter.Tag.LATEST), head);
    return byRange(from, to, spec.criteria());
  }

  /** A range end: tags as sealed numbers ({@code pending} reads as {@code latest} here). */
  private long resolve(BlockParameter block, long head) throws JsonRpcException {
    return switch (block) {
      case BlockParameter.Tag tag ->
          switch (tag) {
            case LATEST, PENDING -> head;
            case EARLIEST -> 0;
            case SAFE, FINALIZED -> blocks.tagNumber(tag);
          };
      case BlockParameter.Number n -> n.number();
      case BlockParameter.ByHash h ->
          throw JsonRpcException.invalidParams("invalid block range params");
    };
  }

  public List<LocatedLog> byBlockHash(Hash blockHash, LogFilter filter) throws JsonRpcException {
    Optional<Block> block = chain.block(blockHash);
    Optional<List<Receipt>> receipts = chain.receipts(blockHash);
    if (block.isEmpty() || receipts.isEmpty()) {
      throw JsonRpcException.server("unknown block");
    }
    List<LocatedLog> logs = BlockLogs.matching(block.get(), blockHash, receipts.get(), filter);
    if (logs.size() > maxResults) {
      throw JsonRpcException.of(
          JsonRpcError.LIMIT_EXCEEDED,
          "query returned more than %d results in block %s; no block range fits"
              .formatted(maxResults, blockHash));
    }
    return logs;
  }

  public List<LocatedLog> byRange(long from, long to, LogFilter filter) throws JsonRpcException {
    long head = chain.head().number();
    if (from > to) {
      throw JsonRpcException.invalidParams("invalid block range params");
    }
    if (to > head) {
      throw JsonRpcException.invalidParams("block range extends beyond current head block");
    }
    if (to - from + 1 > maxRange) {
      throw tooWide(from, to, "query exceeds max block range " + maxRange, from + maxRange - 1);
    }
    List<LocatedLog> out = new ArrayList<>();
    for (long n = from; n <= to; n++) {
      Optional<BlockHeader> header = chain.header(n);
      if (header.isEmpty()) {
        throw JsonRpcException.server("block " + n + " not found");
      }
      if (!filter.mightMatch(header.get().logsBloom())) {
        continue;
      }
      Hash hash = header.get().hash();
      Optional<Block> block = chain.block(hash);
      Optional<List<Receipt>> receipts = chain.receipts(hash);
      if (block.isEmpty() || receipts.isEmpty()) {
        throw JsonRpcException.server("receipts of block " + n + " not found");
      }
      int before = out.size();
      BlockLogs.collect(block.get(), hash, receipts.get(), filter, out);
      if (out.size() > maxResults) {
        String message = "query returned more than " + maxResults + " results";
        if (before == 0 || n == from) {
          throw JsonRpcException.of(
              JsonRpcError.LIMIT_EXCEEDED, message + " in block " + n + "; no block range fits");
        }
        throw tooWide(from, to, message, n - 1);
      }
    }
    return out;
  }

  private static JsonRpcException tooWide(long from, long to, String why, long fitsTo) {
    long end = Math.min(to, fitsTo);
    ObjectNode data = Json.object();
    data.put("fromBlock", Hexes.quantity(from));
    data.put("toBlock", Hexes.quantity(end));
    return JsonRpcException.withData(
        JsonRpcError.LIMIT_EXCEEDED,
        "%s; retry with this block range: [%s, %s]"
            .formatted(why, Hexes.quantity(from), Hexes.quantity(end)),
        data);
  }
}
