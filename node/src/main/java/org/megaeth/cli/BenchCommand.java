package org.megaeth.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.megaeth.loadgen.BenchConfig;
import org.megaeth.loadgen.BenchReport;
import org.megaeth.loadgen.LoadGenException;
import org.megaeth.loadgen.LoadGenerator;
import org.megaeth.loadgen.SubmitMethod;
import org.megaeth.loadgen.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code megaeth-node bench --rpc URL ...}: the load generator against any Ethereum JSON-RPC
 * endpoint (this node, anvil, Hardhat, geth): deploys an ERC-20, funds the senders, submits
 * pre-signed transfers and reports inclusion throughput and send-to-receipt latency, as text and as
 * one JSON line. The work is in the {@code loadgen} module; this class only reads the flags.
 *
 * <p>Exit status: 0 when every transfer was included with status 1, 1 when some were not or the run
 * could not be done (unreachable endpoint, setup refused), 2 for a bad flag.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description =
        "Load generator: ERC-20 transfers against any Ethereum JSON-RPC endpoint. Funds the"
            + " senders, submits pre-signed transfers, and reports inclusion throughput and"
            + " send-to-receipt latency (p50/p99/max), then one JSON summary line.",
    footer = {
      "",
      "The funder (default: account 0 of the test ... junk mnemonic, funded on --dev chains, in"
          + " anvil and in Hardhat) deploys the token and pays for the senders' ETH and tokens.",
      "",
      "Example: megaeth-node bench --senders 1000 --transactions 20000 --method sync",
      "",
      "Exit status: 0 when every transfer was included with status 1, 1 when some were not or"
          + " the run could not be done, 2 for a bad flag."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--rpc",
      paramLabel = "URL",
      description = "JSON-RPC endpoint, http(s):// or ws(s):// (default: ${DEFAULT-VALUE})")
  private String rpc = BenchConfig.DEFAULT_RPC.toString();

  @Option(
      names = "--transport",
      paramLabel = "http|ws",
      description = "how to submit: HTTP keep-alive or WebSocket (default: the URL's scheme)")
  private Transport transport;

  @Option(
      names = "--method",
      paramLabel = "send|sync",
      description =
          "eth_sendRawTransaction, or eth_sendRawTransactionSync (EIP-7966) whose round trip"
              + " is the latency (default: send)")
  private SubmitMethod method = SubmitMethod.SEND;

  @Option(
      names = "--rate",
      paramLabel = "TX/S",
      description = "transfers per second to submit at; 0 for as fast as possible (default: 0)")
  private double rate;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "requests in flight at once (default: ${DEFAULT-VALUE})")
  private int concurrency = 64;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description =
          "transfers per JSON-RPC message: 1 sends each alone, more sends JSON-RPC batches of N"
              + " (default: ${DEFAULT-VALUE})")
  private int batch = 1;

  @Option(
      names = "--senders",
      paramLabel = "K",
      description = "accounts that sign the transfers, in turn (default: ${DEFAULT-VALUE})")
  private int senders = 100;

  @Option(
      names = "--transactions",
      paramLabel = "N",
      description = "transfers to submit (default: ${DEFAULT-VALUE})")
  private int transactions = 10_000;

  @Option(
      names = "--funder-key",
      paramLabel = "FILE",
      description = "key file (64 hex digits, owner-only) of the account that pays the setup")
  private Path funderKey;

  @Option(
      names = "--seed",
      paramLabel = "TEXT",
      description =
          "the senders' keys derive from it: same seed, same senders (default: ${DEFAULT-VALUE})")
  private String seed = BenchConfig.DEFAULT_SEED;

  @Option(
      names = "--gas-price",
      paramLabel = "GWEI",
      description = "max fee per gas (default: 3 x the next base fee + the tip)")
  private String gasPrice;

  @Option(
      names = "--priority-fee",
      paramLabel = "GWEI",
      description = "max priority fee per gas (default: the node's eth_maxPriorityFeePerGas)")
  private String priorityFee;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "stop waiting for inclusion when no transfer was included for this long (default:"
              + " ${DEFAULT-VALUE})")
  private long timeoutSeconds = 30;

  @Option(
      names = "--connections",
      paramLabel = "N",
      description =
          "WebSocket connections to spread the load over (ws only; default: ${DEFAULT-VALUE})")
  private int connections = 2;

  @Option(
      names = "--label",
      paramLabel = "NAME",
      description = "the node's name in the summary (default: from web3_clientVersion)")
  private String label;

  @Option(
      names = "--receipt-sample",
      paramLabel = "N",
      description = "receipts of included transfers to fetch and check (default: ${DEFAULT-VALUE})")
  private int receiptSample = 200;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BenchConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      err.println("megaeth-node bench: " + e.getMessage() + " (see --help)");
      err.flush();
      return MegaethNode.EXIT_USAGE;
    }
    try {
      BenchReport report = LoadGenerator.run(config, out);
      out.println(report.summary());
      out.println(report.toJson());
      out.flush();
      return report.failed() == 0 && report.problems().isEmpty()
          ? MegaethNode.EXIT_OK
          : MegaethNode.EXIT_FAILURE;
    } catch (LoadGenException e) {
      out.flush();
      err.println("megaeth-node bench: " + e.getMessage());
      err.flush();
      return MegaethNode.EXIT_FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("megaeth-node bench: interrupted");
      return MegaethNode.EXIT_FAILURE;
    }
  }

  BenchConfig config() {
    var endpoint = BenchConfig.parseEndpoint(rpc);
    if (timeoutSeconds <= 0) {
      throw new IllegalArgumentException("--timeout must be a positive number of seconds");
    }
    return BenchConfig.builder()
        .rpc(endpoint)
        .transport(transport != null ? transport : BenchConfig.transportOf(endpoint))
        .method(method)
        .rate(rate)
        .concurrency(concurrency)
        .batch(batch)
        .senders(senders)
        .transactions(transactions)
        .funderKeyFile(Optional.ofNullable(funderKey))
        .seed(seed)
        .maxFeePerGas(
            Optional.ofNullable(gasPrice).map(v -> BenchConfig.parseGwei("--gas-price", v)))
        .maxPriorityFeePerGas(
            Optional.ofNullable(priorityFee).map(v -> BenchConfig.parseGwei("--priority-fee", v)))
        .inclusionTimeout(Duration.ofSeconds(timeoutSeconds))
        .connections(connections)
        .label(Optional.ofNullable(label))
        .receiptSample(receiptSample)
        .build();
  }
}
