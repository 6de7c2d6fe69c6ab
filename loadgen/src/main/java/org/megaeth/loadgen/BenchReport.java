package org.megaeth.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run measured and checked.
 *
 * @param node the node's name (the label given, or its client name)
 * @param endpoint where the load went
 * @param clientVersion {@code web3_clientVersion}
 * @param answered requests the node answered without an error
 * @param included transfers seen in blocks
 * @param reverted included transfers whose receipt has status 0 (as far as checked: every one with
 *     {@code sync}, the sample with {@code send} unless the balances disagree)
 * @param failed transfers that did not end up included with status 1
 * @param tps included transfers per second, from the first send to the block holding the last
 * @param sendTps answered requests per second, from the first send to the last answer
 * @param seconds the time {@code tps} is measured over
 * @param latency send-to-receipt: the sync call's round trip, or for {@code send} (and sync calls
 *     that timed out) the time until the transfer's block was seen
 * @param blocks blocks that held at least one transfer
 * @param loadgenCpuSeconds CPU time the load generator itself used while submitting and waiting
 *     (all its threads), -1 when unknown: on a shared machine it is CPU the node did not get
 * @param checks what was verified after the run
 * @param problems one line per kind of failure, empty when everything passed
 */
public record BenchReport(
    String node,
    String endpoint,
    String clientVersion,
    long chainId,
    Transport transport,
    SubmitMethod method,
    int senders,
    int transactions,
    int concurrency,
    int batch,
    double rate,
    int answered,
    int included,
    int reverted,
    int failed,
    double tps,
    double sendTps,
    double seconds,
    Latencies latency,
    long blocks,
    double loadgenCpuSeconds,
    Checks checks,
    List<String> problems) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public BenchReport {
    problems = List.copyOf(problems);
  }

  /**
   * @param receiptsChecked receipts fetched after the run
   * @param receiptsSuccessful of those, with status 1
   * @param balancesChecked senders whose token balance was compared with what the included
   *     transfers imply
   * @param balancesMatching of those, equal
   */
  public record Checks(
      int receiptsChecked, int receiptsSuccessful, int balancesChecked, int balancesMatching) {}

  /** The human summary, several lines. */
  public String summary() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%s (%s) at %s: %,d ERC-20 transfers from %,d senders via %s over %s, %d in flight%s,"
                + " %s",
            node,
            clientVersion,
            endpoint,
            transactions,
            senders,
            method.rpcName(),
            transport.name().toLowerCase(Locale.ROOT),
            concurrency,
            batch > 1 ? String.format(Locale.ROOT, " in batches of %d", batch) : "",
            rate > 0 ? String.format(Locale.ROOT, "at %,.0f tx/s", rate) : "as fast as possible"));
    lines.add(
        String.format(
            Locale.ROOT,
            "included: %,d of %,d in %,d blocks; inclusion throughput %,.0f tx/s over %.2f s"
                + " (answers: %,.0f tx/s)",
            included,
            transactions,
            blocks,
            tps,
            seconds,
            sendTps));
    lines.add(
        String.format(
            Locale.ROOT,
            "send-to-receipt latency (%s, %,d transfers): p50 %.1f ms, p99 %.1f ms, max %.1f ms",
            method == SubmitMethod.SYNC ? "sync call round trip" : "until its block was seen",
            latency.count(),
            latency.p50Millis(),
            latency.p99Millis(),
            latency.maxMillis()));
    if (loadgenCpuSeconds >= 0) {
      lines.add(
          String.format(
              Locale.ROOT,
              "load generator CPU: %.2f s over the run (%.1f µs per transfer)",
              loadgenCpuSeconds,
              loadgenCpuSeconds * 1e6 / transactions));
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "checks: %d of %d sampled receipts with status 1; %,d of %,d senders' token balances"
                + " as the included transfers imply",
            checks.receiptsSuccessful(),
            checks.receiptsChecked(),
            checks.balancesMatching(),
            checks.balancesChecked()));
    lines.add(
        failed == 0
            ? "failed: 0"
            : String.format(Locale.ROOT, "failed: %,d (%,d reverted)", failed, reverted));
    for (String problem : problems) {
      lines.add("  " + problem);
    }
    return String.join(System.lineSeparator(), lines);
  }

  /** The one-line JSON summary. */
  public String toJson() {
    ObjectNode json = JSON.createObjectNode();
    json.put("node", node);
    json.put("clientVersion", clientVersion);
    json.put("rpc", endpoint);
    json.put("chainId", chainId);
    json.put("transport", transport.name().toLowerCase(Locale.ROOT));
    json.put("method", method.rpcName());
    json.put("senders", senders);
    json.put("transactions", transactions);
    json.put("concurrency", concurrency);
    json.put("batch", batch);
    json.put("rate", rate);
    json.put("included", included);
    json.put("failed", failed);
    json.put("tps", round(tps, 1));
    json.put("sendTps", round(sendTps, 1));
    json.put("seconds", round(seconds, 3));
    json.put("p50Ms", round(latency.p50Millis(), 2));
    json.put("p99Ms", round(latency.p99Millis(), 2));
    json.put("maxMs", round(latency.maxMillis(), 2));
    json.put("blocks", blocks);
    json.put("loadgenCpuSeconds", round(loadgenCpuSeconds, 2));
    return json.toString();
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
