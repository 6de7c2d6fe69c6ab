package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.megaeth.chain.exec.BlobSchedule;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.chain.Fees;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.params.HexParser;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_feeHistory}: base fees (one more than blocks: the next block's), gas used ratios, blob
 * fees and ratios, and, for the given percentiles, the tips paid, weighted by gas used, as geth
 * computes them. At most 1024 blocks, ending at a sealed block.
 */
public final class EthFeeHistory implements JsonRpcMethod {
  /** geth's {@code maxBlockFetchers}-independent cap on the blocks of one request. */
  private static final int MAX_BLOCKS = 1024;

  /** geth's {@code maxQueryLimit}: the most reward percentiles one request may ask for. */
  private static final int MAX_PERCENTILES = 100;

  private final ChainReader chain;
  private final BlockResolver blocks;

  public EthFeeHistory(ChainReader chain, BlockResolver blocks) {
    this.chain = chain;
    this.blocks = blocks;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_FEE_HISTORY;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(3);
    JsonNode countNode = params.required(0);
    long count = params.parse(0, () -> HexParser.hexOrDecimal(countNode));
    BlockParameter newestParam = BlockNumbers.numberOrTag(params, 1);
    // As geth, no reward field unless some percentiles are asked for.
    double[] percentiles = percentiles(params);
    if (percentiles != null && percentiles.length == 0) {
      percentiles = null;
    }
    ObjectNode result = Json.object();
    if (count == 0) {
      result.put("oldestBlock", "0x0");
      result.putArray("baseFeePerGas");
      result.putArray("gasUsedRatio");
      return result;
    }
    count = Math.min(count, MAX_BLOCKS);
    Optional<BlockHeader> newestHeader = blocks.header(newestParam);
    if (newestHeader.isEmpty()) {
      throw JsonRpcException.server(
          "request beyond head block: requested "
              + (newestParam instanceof BlockParameter.Number n ? n.number() : -1)
              + ", head "
              + chain.head().number());
    }
    long newest = newestHeader.get().number();
    long oldest = Math.max(0, newest - count + 1);
    ArrayNode baseFees = Json.array();
    ArrayNode gasRatios = Json.array();
    ArrayNode blobFees = Json.array();
    ArrayNode blobRatios = Json.array();
    ArrayNode rewards = Json.array();
    BlockHeader last = null;
    for (long n = oldest; n <= newest; n++) {
      BlockHeader header =
          chain.header(n).orElseThrow(() -> JsonRpcException.server("header not found"));
      last = header;
      baseFees.add(Hexes.quantity(header.baseFeePerGas().map(Wei::of).orElse(Wei.ZERO)));
      gasRatios.add(header.gasLimit() == 0 ? 0.0 : (double) header.gasUsed() / header.gasLimit());
      blobFees.add(Hexes.quantity(Fees.blobBaseFee(chain, header)));
      long maxBlobGas =
          BlobSchedule.of(chain.chainConfig().forkAt(n, header.timestamp())).maxBlobGas();
      blobRatios.add(maxBlobGas == 0 ? 0.0 : (double) header.blobGasUsed().orElse(0L) / maxBlobGas);
      if (percentiles != null) {
        rewards.add(rewards(header, percentiles));
      }
    }
    baseFees.add(Hexes.quantity(Fees.nextBaseFee(last)));
    blobFees.add(
        Hexes.quantity(
            Fees.blobBaseFee(
                chain,
                last.number() + 1,
                last.timestamp() + 1,
                Fees.nextExcessBlobGas(chain, last))));
    result.put("oldestBlock", Hexes.quantity(oldest));
    if (percentiles != null) {
      result.set("reward", rewards);
    }
    result.set("baseFeePerGas", baseFees);
    result.set("gasUsedRatio", gasRatios);
    result.set("baseFeePerBlobGas", blobFees);
    result.set("blobGasUsedRatio", blobRatios);
    return result;
  }

  /**
   * The reward percentiles, checked as geth checks them ({@code eth/gasprice/feehistory.go}): at
   * most 100, each in [0, 100], strictly increasing; a bad list is geth's plain error ({@code
   * -32000 invalid reward percentile: ...}, numbers as Go's {@code %f} writes them). Null when the
   * parameter is left out.
   */
  private static double[] percentiles(Params params) throws JsonRpcException {
    Optional<JsonNode> node = params.optional(2);
    if (node.isEmpty()) {
      return null;
    }
    if (!node.get().isArray()) {
      throw Params.invalid(2, "reward percentiles must be an array of numbers");
    }
    if (node.get().size() > MAX_PERCENTILES) {
      throw JsonRpcException.server(
          "invalid reward percentile: over the query limit " + MAX_PERCENTILES);
    }
    double[] out = new double[node.get().size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode p = node.get().get(i);
      if (!p.isNumber()) {
        throw Params.invalid(2, "reward percentiles must be numbers");
      }
      out[i] = p.asDouble();
      if (out[i] < 0 || out[i] > 100) {
        throw JsonRpcException.server("invalid reward percentile: " + goFloat(out[i]));
      }
      if (i > 0 && out[i] <= out[i - 1]) {
        throw JsonRpcException.server(
            "invalid reward percentile: #%d:%s >= #%d:%s"
                .formatted(i - 1, goFloat(out[i - 1]), i, goFloat(out[i])));
      }
    }
    return out;
  }

  /** A float as Go's {@code %f} writes it: six decimals. */
  private static String goFloat(double value) {
    return String.format(Locale.ROOT, "%f", value);
  }

  /** The tip at each percentile of the block's gas, transactions sorted by tip (geth's method). */
  private ArrayNode rewards(BlockHeader header, double[] percentiles) {
    ArrayNode out = Json.array();
    Optional<Block> block = chain.block(header.hash());
    Optional<List<Receipt>> receipts = chain.receipts(header.hash());
    if (block.isEmpty()
        || receipts.isEmpty()
        || block.get().body().transactions().isEmpty()
        || header.gasUsed() == 0) {
      for (int i = 0; i < percentiles.length; i++) {
        out.add("0x0");
      }
      return out;
    }
    Wei baseFee = header.baseFeePerGas().map(Wei::of).orElse(Wei.ZERO);
    record Paid(Wei tip, long gas) {}
    List<Transaction> txs = block.get().body().transactions();
    List<Receipt> list = receipts.get();
    List<Paid> paid = new ArrayList<>();
    long previous = 0;
    for (int i = 0; i < txs.size(); i++) {
      long gas = list.get(i).cumulativeGasUsed() - previous;
      previous = list.get(i).cumulativeGasUsed();
      Transaction tx = txs.get(i);
      Wei tip =
          tx.maxFeePerGas().compareTo(baseFee) < 0 ? Wei.ZERO : tx.effectivePriorityFee(baseFee);
      paid.add(new Paid(tip, gas));
    }
    paid.sort(Comparator.comparing(Paid::tip));
    int index = 0;
    long sum = paid.get(0).gas();
    for (double p : percentiles) {
      double threshold = header.gasUsed() * p / 100;
      while (sum < threshold && index < paid.size() - 1) {
        index++;
        sum += paid.get(index).gas();
      }
      out.add(Hexes.quantity(paid.get(index).tip()));
    }
    return out;
  }
}
