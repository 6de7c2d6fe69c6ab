package org.megaeth.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.config.ConfigException;
import org.megaeth.config.Defaults;
import org.megaeth.config.dev.DevAccounts;
import org.megaeth.core.crypto.KeyFile;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.loadgen.Submitter.Outcome;
import org.megaeth.loadgen.rpc.HttpJsonRpcClient;
import org.megaeth.loadgen.rpc.JsonRpcClient;
import org.megaeth.loadgen.rpc.RpcBatch;
import org.megaeth.loadgen.rpc.RpcCall;
import org.megaeth.loadgen.rpc.RpcResponse;
import org.megaeth.loadgen.rpc.RpcTransportException;
import org.megaeth.loadgen.rpc.WsJsonRpcClient;

/**
 * One load-generator run against any Ethereum JSON-RPC endpoint:
 *
 * <ol>
 *   <li>reads the chain id and client version;
 *   <li>the funder deploys {@code BenchToken} and gives each sender tokens and the ETH its
 *       transfers can cost, waiting for each batch of setup transactions to be included with status
 *       1;
 *   <li>signs the whole load before the clock starts;
 *   <li>submits it ({@link Submitter}) while {@link BlockWatcher} finds each transfer in a block;
 *   <li>checks a sample of receipts and every sender's token balance against what the included
 *       transfers imply, and reports.
 * </ol>
 *
 * Setup and block polling use their own connection, so they do not queue behind the load.
 */
public final class LoadGenerator {
  /** Minted to the funder at deployment. */
  private static final UInt256 SUPPLY = UInt256.fromBigInteger(BigInteger.TEN.pow(30));

  /** Given to each sender: far more than its transfers move. */
  private static final UInt256 SENDER_TOKENS = UInt256.fromBigInteger(BigInteger.TEN.pow(21));

  /** Moved by each transfer. */
  private static final UInt256 AMOUNT = UInt256.valueOf(1_000);

  /**
   * Setup transactions in flight at once, all from the funder: below the per-sender pool limits.
   */
  private static final int SETUP_CHUNK = 500;

  private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Gas estimates are raised by this factor (in percent), as wallets do. */
  private static final long GAS_MARGIN_PERCENT = 125;

  private final BenchConfig config;
  private final PrintWriter out;

  private LoadGenerator(BenchConfig config, PrintWriter out) {
    this.config = config;
    this.out = out;
  }

  /**
   * Runs the benchmark, printing progress to {@code out}.
   *
   * @throws LoadGenException when the run cannot be done: the message says why, in one line
   */
  public static BenchReport run(BenchConfig config, PrintWriter out)
      throws LoadGenException, InterruptedException {
    return new LoadGenerator(config, out).run();
  }

  private BenchReport run() throws LoadGenException, InterruptedException {
    try (JsonRpcClient control = open(1);
        JsonRpcClient load = open(config.connections())) {
      EthApi api = new EthApi(control);
      long chainId = api.chainId();
      String clientVersion = api.clientVersion();
      String node = config.label().orElse(clientVersion.split("[/ ]", 2)[0]);
      say("%s: %s, chain id %d", control.endpoint(), clientVersion, chainId);

      Setup setup = setUp(api, chainId);
      long[] nonces = setup.senders().stream().mapToLong(Long::longValue).toArray();
      List<UInt256> tokensBefore = api.tokenBalances(setup.plan().token(), setup.addresses());

      long signStart = System.nanoTime();
      List<SignedTransfer> transfers =
          setup.plan().sign(setup.keys(), nonces, config.transactions());
      List<RpcCall> calls = new ArrayList<>(transfers.size());
      for (int i = 0; i < transfers.size(); i++) {
        calls.add(RpcCall.of(i, config.method().rpcName(), List.of(transfers.get(i).raw())));
      }
      say(
          "signed %,d transfers in %.1f s (gas limit %,d, max fee %s gwei, tip %s gwei)",
          transfers.size(),
          (System.nanoTime() - signStart) / 1e9,
          setup.plan().gasLimit(),
          gwei(setup.plan().fees().maxFeePerGas()),
          gwei(setup.plan().fees().maxPriorityFeePerGas()));
      if (config.method() == SubmitMethod.SYNC) {
        checkSyncSupported(api);
      }

      BlockWatcher watcher = new BlockWatcher(api, transfers, api.blockNumber() + 1, POLL_NANOS);
      watcher.start();
      Submitter submitter =
          new Submitter(
              load, config.method(), calls, config.concurrency(), config.batch(), config.rate());
      Thread progress = progress(submitter, watcher);
      Submitter.Result submitted;
      BlockWatcher.Result seen;
      long cpuBefore = processCpuNanos();
      long cpuAfter;
      try {
        submitted = submitter.run();
        int expected = 0;
        for (Outcome outcome : submitted.outcomes()) {
          expected += outcome == Outcome.REFUSED ? 0 : 1;
        }
        if (!watcher.awaitIncluded(expected, config.inclusionTimeout().toNanos())) {
          say(
              "stopped waiting: no transfer was included for %d s (%,d of %,d included)",
              config.inclusionTimeout().toSeconds(), watcher.included(), expected);
        }
      } finally {
        progress.interrupt();
        seen = watcher.stop();
        cpuAfter = processCpuNanos();
      }
      return report(
          api,
          node,
          clientVersion,
          chainId,
          setup,
          transfers,
          tokensBefore,
          submitted,
          seen,
          cpuBefore < 0 || cpuAfter < 0 ? -1 : (cpuAfter - cpuBefore) / 1e9);
    } catch (RpcTransportException e) {
      throw new LoadGenException(e.getMessage(), e);
    }
  }

  private JsonRpcClient open(int connections) throws LoadGenException {
    try {
      return switch (config.transport()) {
        case HTTP -> new HttpJsonRpcClient(config.endpoint(), REQUEST_TIMEOUT);
        case WS -> WsJsonRpcClient.connect(config.endpoint(), connections, REQUEST_TIMEOUT);
      };
    } catch (RpcTransportException e) {
      throw new LoadGenException(e.getMessage(), e);
    }
  }

  /**
   * The accounts and token of a run.
   *
   * @param senders each sender's next nonce
   */
  private record Setup(
      TransferPlan plan, List<KeyPair> keys, List<Address> addresses, List<Long> senders) {}

  private Setup setUp(EthApi api, long chainId) throws LoadGenException {
    long start = System.nanoTime();
    KeyPair funder = funder();
    Fees fees = fees(api);
    long funderNonce = api.nonces(List.of(funder.address())).get(0);
    Wei funderBalance = api.balances(List.of(funder.address())).get(0);

    Bytes deployment = Erc20.benchTokenDeployment(SUPPLY);
    long deployGas = withMargin(api.estimateGas(funder.address(), Optional.empty(), deployment));
    Transaction deploy =
        TransferPlan.sign(
            chainId,
            fees,
            funder,
            funderNonce++,
            Optional.empty(),
            Wei.ZERO,
            deployment,
            deployGas);
    api.sendRawTransaction(deploy.encoded());
    JsonNode deployed = awaitReceipts(api, List.of(deploy.hash()), "the token deployment").get(0);
    Address token = Address.fromHex(deployed.path("contractAddress").asText());

    List<KeyPair> keys = SenderKeys.derive(config.seed(), config.senders());
    List<Address> addresses = keys.stream().map(KeyPair::address).toList();
    // Giving tokens to an account that has none is the costliest transfer: the upper bound.
    long fundGas =
        withMargin(
            api.estimateGas(
                funder.address(),
                Optional.of(token),
                Erc20.transfer(addresses.get(0), SENDER_TOKENS)));
    TransferPlan funding = new TransferPlan(chainId, token, SENDER_TOKENS, fundGas, fees);
    List<Transaction> tokenTxs = new ArrayList<>();
    for (Address sender : addresses) {
      tokenTxs.add(
          funding.transaction(funder, funderNonce++, Erc20.transfer(sender, SENDER_TOKENS)));
    }
    Wei setupCost = fees.maxFeePerGas().multiply(fundGas + 21_000L).multiply(addresses.size());
    Wei loadCost = fees.maxFeePerGas().multiply(fundGas).multiply(config.transactions());
    if (funderBalance.compareTo(setupCost.add(loadCost)) < 0) {
      throw new LoadGenException(
          String.format(
              Locale.ROOT,
              "the funder %s has %s ETH; this run may need up to %s ETH (at a max fee of %s gwei):"
                  + " fund it, lower --transactions or --gas-price, or pass --funder-key",
              funder.address().toChecksumString(),
              funderBalance.toEthString(),
              setupCost.add(loadCost).toEthString(),
              gwei(fees.maxFeePerGas())));
    }
    submitSetup(api, tokenTxs, "token funding");

    // Senders now hold tokens, as the funder does: a transfer between two holders is what the
    // load sends, so this estimate is the load's gas.
    long transferGas =
        withMargin(
            api.estimateGas(
                funder.address(), Optional.of(token), Erc20.transfer(addresses.get(0), AMOUNT)));
    TransferPlan plan = new TransferPlan(chainId, token, AMOUNT, transferGas, fees);
    List<Wei> balances = api.balances(addresses);
    List<Transaction> ethTxs = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      Wei need =
          fees.maxFeePerGas()
              .multiply(transferGas)
              .multiply(TransferPlan.countOf(i, config.senders(), config.transactions()));
      if (balances.get(i).compareTo(need) < 0) {
        ethTxs.add(
            TransferPlan.sign(
                chainId,
                fees,
                funder,
                funderNonce++,
                Optional.of(addresses.get(i)),
                need.subtract(balances.get(i)),
                Bytes.EMPTY,
                21_000));
      }
    }
    submitSetup(api, ethTxs, "ETH funding");
    List<Long> nonces = api.nonces(addresses);
    say(
        "setup: token %s, %,d senders funded (%,d transactions) in %.1f s",
        token.toChecksumString(),
        addresses.size(),
        1 + tokenTxs.size() + ethTxs.size(),
        (System.nanoTime() - start) / 1e9);
    return new Setup(plan, keys, addresses, nonces);
  }

  private KeyPair funder() throws LoadGenException {
    if (config.funderKeyFile().isPresent()) {
      try {
        return KeyFile.load(config.funderKeyFile().get());
      } catch (KeyFile.KeyFileException e) {
        throw new LoadGenException("--funder-key: " + e.getMessage(), e);
      }
    }
    try {
      return DevAccounts.derive(Defaults.DEV_MNEMONIC, "", 1).get(0).keyPair();
    } catch (ConfigException e) {
      throw new IllegalStateException("the standard test mnemonic is valid", e);
    }
  }

  /** The configured fees, or the node's: tip from its oracle, cap 3x the next base fee + tip. */
  private Fees fees(EthApi api) throws LoadGenException {
    Wei baseFee = api.nextBaseFee();
    Wei tip;
    if (config.maxPriorityFeePerGas().isPresent()) {
      tip = config.maxPriorityFeePerGas().get();
    } else {
      Optional<Wei> suggested = api.maxPriorityFee();
      if (suggested.isPresent()) {
        tip = suggested.get();
      } else {
        Wei gasPrice = api.gasPrice();
        tip = gasPrice.compareTo(baseFee) > 0 ? gasPrice.subtract(baseFee) : Wei.ZERO;
      }
    }
    // Three times the base fee leaves room for it to rise while the load fills blocks (12.5% a
    // block at most, EIP-1559), without asking the senders for much more ETH.
    Wei maxFee = config.maxFeePerGas().orElse(baseFee.multiply(3).add(tip));
    return new Fees(maxFee, tip.compareTo(maxFee) > 0 ? maxFee : tip);
  }

  /**
   * Sends the funder's setup transactions in chunks, each included with status 1 before the next.
   */
  private void submitSetup(EthApi api, List<Transaction> txs, String what) throws LoadGenException {
    for (int from = 0; from < txs.size(); from += SETUP_CHUNK) {
      List<Transaction> chunk = txs.subList(from, Math.min(txs.size(), from + SETUP_CHUNK));
      List<RpcCall> calls =
          chunk.stream()
              .map(
                  tx ->
                      RpcCall.control(
                          "eth_sendRawTransaction",
                          List.of(Hex.encode(tx.encoded().toArrayUnsafe()))))
              .toList();
      // One batch call per 100, in nonce order: a batch is answered in order on every node.
      for (int i = 0; i < calls.size(); i += EthApi.BATCH) {
        List<RpcResponse> responses;
        try {
          responses =
              api.client()
                  .sendBatch(
                      RpcBatch.of(calls.subList(i, Math.min(calls.size(), i + EthApi.BATCH))))
                  .get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LoadGenException("interrupted during the " + what, e);
        } catch (ExecutionException e) {
          throw new LoadGenException(
              "the " + what + " could not be sent: " + e.getCause().getMessage(), e);
        }
        for (RpcResponse response : responses) {
          if (response instanceof RpcResponse.Error error) {
            throw new LoadGenException(
                api.client().endpoint() + " refused a setup transaction (" + what + "): " + error);
          }
        }
      }
      awaitReceipts(api, chunk.stream().map(Transaction::hash).toList(), "the " + what);
    }
  }

  /** Waits until every transaction has a receipt, and checks each has status 1. */
  private List<JsonNode> awaitReceipts(EthApi api, List<Hash> hashes, String what)
      throws LoadGenException {
    long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
    Hash last = hashes.get(hashes.size() - 1);
    while (true) {
      // The last of a sender's transactions is included last: poll it alone, then read all.
      if (api.receipts(List.of(last)).get(0).isPresent()) {
        List<Optional<JsonNode>> receipts = api.receipts(hashes);
        if (receipts.stream().allMatch(Optional::isPresent)) {
          List<JsonNode> found = receipts.stream().map(Optional::get).toList();
          for (int i = 0; i < found.size(); i++) {
            if (!"0x1".equals(found.get(i).path("status").asText())) {
              throw new LoadGenException(
                  what
                      + " failed: transaction "
                      + hashes.get(i)
                      + " has status "
                      + found.get(i).path("status"));
            }
          }
          return found;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new LoadGenException(
            what
                + " was not included within "
                + SETUP_TIMEOUT.toSeconds()
                + " s (transaction "
                + last
                + ")");
      }
      sleep(50);
    }
  }

  /**
   * Probes with an empty transaction, which every node refuses, to see whether it knows the method.
   */
  private void checkSyncSupported(EthApi api) throws LoadGenException {
    RpcResponse probe = api.callRaw(SubmitMethod.SYNC.rpcName(), "0x");
    if (probe instanceof RpcResponse.Error error
        && (error.code() == -32601 || error.code() == -32004)) {
      throw new LoadGenException(
          api.client().endpoint()
              + " does not offer "
              + SubmitMethod.SYNC.rpcName()
              + " ("
              + error
              + "); use --method send");
    }
  }

  private Thread progress(Submitter submitter, BlockWatcher watcher) {
    int total = config.transactions();
    Thread thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  TimeUnit.NANOSECONDS.sleep(PROGRESS_NANOS);
                  say(
                      "  sent %,d of %,d, answered %,d, included %,d",
                      submitter.sent(), total, submitter.answered(), watcher.included());
                }
              } catch (InterruptedException e) {
                // the run is over
              }
            },
            "bench-progress");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private BenchReport report(
      EthApi api,
      String node,
      String clientVersion,
      long chainId,
      Setup setup,
      List<SignedTransfer> transfers,
      List<UInt256> tokensBefore,
      Submitter.Result submitted,
      BlockWatcher.Result seen,
      double cpuSeconds)
      throws LoadGenException {
    int n = transfers.size();
    Outcome[] outcomes = submitted.outcomes();
    long[] sentAt = submitted.sentAtNanos();
    long firstSent = Long.MAX_VALUE;
    long lastAnswer = Long.MIN_VALUE;
    long lastIncluded = Long.MIN_VALUE;
    int answered = 0;
    int reverted = 0;
    long[] latencies = new long[n];
    int measured = 0;
    for (int i = 0; i < n; i++) {
      firstSent = Math.min(firstSent, sentAt[i]);
      lastAnswer = Math.max(lastAnswer, submitted.answeredAtNanos()[i]);
      boolean included = seen.blockOf()[i] >= 0;
      if (included) {
        lastIncluded = Math.max(lastIncluded, seen.includedAtNanos()[i]);
      }
      switch (outcomes[i]) {
        case ACCEPTED, EXECUTED, REVERTED -> answered++;
        default -> {}
      }
      if (outcomes[i] == Outcome.REVERTED) {
        reverted++;
      }
      if (config.method() == SubmitMethod.SYNC
          && (outcomes[i] == Outcome.EXECUTED || outcomes[i] == Outcome.REVERTED)) {
        latencies[measured++] = submitted.answeredAtNanos()[i] - sentAt[i];
      } else if (included) {
        latencies[measured++] = seen.includedAtNanos()[i] - sentAt[i];
      }
    }
    double seconds = seen.included() > 0 ? (lastIncluded - firstSent) / 1e9 : 0;
    double sendSeconds = (lastAnswer - firstSent) / 1e9;
    Latencies latency = Latencies.of(Arrays.copyOf(latencies, measured));

    List<String> problems = new ArrayList<>();
    submitted
        .errors()
        .values()
        .forEach(e -> problems.add(String.format(Locale.ROOT, "%,d x %s", e.count(), e.example())));
    if (seen.included() < n) {
      problems.add(
          String.format(
              Locale.ROOT, "%,d transfers were never seen in a block", n - seen.included()));
    }

    // Receipts: a sample spread over the included transfers.
    List<Integer> includedIndexes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (seen.blockOf()[i] >= 0) {
        includedIndexes.add(i);
      }
    }
    List<Integer> sample = spread(includedIndexes, config.receiptSample());
    int sampleOk = countSuccessful(api, transfers, sample);
    if (sampleOk < sample.size()) {
      problems.add(
          String.format(
              Locale.ROOT,
              "%d of %d sampled receipts do not have status 1",
              sample.size() - sampleOk,
              sample.size()));
    }

    // Balances: what each sender holds must be what the included transfers imply.
    UInt256[] expected = tokensBefore.toArray(UInt256[]::new);
    for (int i : includedIndexes) {
      SignedTransfer transfer = transfers.get(i);
      expected[transfer.sender()] = expected[transfer.sender()].subtract(AMOUNT);
      expected[transfer.recipient()] = expected[transfer.recipient()].add(AMOUNT);
    }
    List<UInt256> after = api.tokenBalances(setup.plan().token(), setup.addresses());
    int matching = 0;
    for (int s = 0; s < expected.length; s++) {
      matching += after.get(s).equals(expected[s]) ? 1 : 0;
    }
    if (matching < expected.length) {
      problems.add(
          String.format(
              Locale.ROOT,
              "%,d of %,d senders' token balances differ from what the included transfers imply",
              expected.length - matching,
              expected.length));
      if (config.method() == SubmitMethod.SEND) {
        // Some included transfer must have reverted: count them all.
        reverted = includedIndexes.size() - countSuccessful(api, transfers, includedIndexes);
      }
    }
    int failed = n - (seen.included() - reverted);
    return new BenchReport(
        node,
        config.endpoint().toString(),
        clientVersion,
        chainId,
        config.transport(),
        config.method(),
        config.senders(),
        n,
        config.concurrency(),
        config.batch(),
        config.rate(),
        answered,
        seen.included(),
        reverted,
        failed,
        seconds > 0 ? seen.included() / seconds : 0,
        sendSeconds > 0 ? answered / sendSeconds : 0,
        seconds,
        latency,
        seen.blocksWithLoad(),
        cpuSeconds,
        new BenchReport.Checks(sample.size(), sampleOk, expected.length, matching),
        problems);
  }

  private int countSuccessful(EthApi api, List<SignedTransfer> transfers, List<Integer> indexes)
      throws LoadGenException {
    List<Optional<JsonNode>> receipts =
        api.receipts(indexes.stream().map(i -> transfers.get(i).hash()).toList());
    int ok = 0;
    for (Optional<JsonNode> receipt : receipts) {
      ok += receipt.isPresent() && "0x1".equals(receipt.get().path("status").asText()) ? 1 : 0;
    }
    return ok;
  }

  /** Up to {@code count} of {@code items}, evenly spaced, always with the first and last. */
  static <T> List<T> spread(List<T> items, int count) {
    if (items.size() <= count) {
      return items;
    }
    List<T> out = new ArrayList<>(count);
    if (count == 1) {
      out.add(items.get(items.size() - 1));
      return out;
    }
    for (int k = 0; k < count; k++) {
      out.add(items.get((int) ((long) k * (items.size() - 1) / (count - 1))));
    }
    return out;
  }

  /**
   * CPU time this process used so far, or -1 where the JVM cannot tell: the load generator shares
   * the machine with the node, so what it costs is part of the result.
   */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static long withMargin(long gas) {
    return gas * GAS_MARGIN_PERCENT / 100;
  }

  private static String gwei(Wei wei) {
    return new BigDecimal(wei.toBigInteger()).movePointLeft(9).stripTrailingZeros().toPlainString();
  }

  private void say(String format, Object... args) {
    synchronized (out) {
      out.println(String.format(Locale.ROOT, format, args));
      out.flush();
    }
  }

  private static void sleep(long millis) throws LoadGenException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadGenException("interrupted", e);
    }
  }
}
