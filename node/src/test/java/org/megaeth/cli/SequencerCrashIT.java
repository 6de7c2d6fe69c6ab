package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.cli.RpcClient.RpcError;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Wei;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer's durability promise, checked on a real process: a transaction whose receipt was
 * served ({@code eth_sendRawTransactionSync}) survives {@code kill -9} at any moment, blocks seen
 * before a crash come back with the same hash and state root, and the chain goes on from there with
 * the right nonces, balances and contract storage.
 *
 * <p>Six dev accounts send ETH transfers and calls of a counter contract (one transaction in flight
 * each), while a watcher records every sealed block. At a random moment (seeded; the seed is
 * logged, rerun with {@code -Dmegaeth.crash.seed=N}) the node gets SIGKILL; it is restarted on the
 * same data directory and everything recorded is checked, then the load resumes. Transactions sent
 * but not acknowledged may or may not have made it: whichever it was, their receipts after the
 * restart must agree with the balances, the counter and the nonces.
 */
class SequencerCrashIT {
  private static final Logger LOG = LoggerFactory.getLogger(SequencerCrashIT.class);

  private static final int CYCLES = 5;

  /** Dev account 0 deploys the counter; accounts 1 to {@code SENDERS} carry the load. */
  private static final int SENDERS = 6;

  private static final int DEPLOYER = 0;

  /** Fresh addresses: their balances are exactly the transfers that reached them. */
  private static final List<Address> RECIPIENTS =
      List.of(
          Address.ofNumber(0xC0FFEE01L),
          Address.ofNumber(0xC0FFEE02L),
          Address.ofNumber(0xC0FFEE03L));

  /**
   * Blocks every 100 ms instead of 1 s: ten times the seals (and the kills that land in one) in the
   * same time, and the chain passes the 100-block snapshot points within the test, so restarts also
   * load a snapshot and replay the log after it.
   */
  private static final String[] FAST_BLOCKS = {"--set", "sequencer.block-interval-ms=100"};

  /** The most an acknowledged transaction's receipt may take to appear after a restart. */
  private static final Duration RECEIPT_WAIT = Duration.ofSeconds(15);

  /** {@code eth_sendRawTransactionSync}'s timeout: generous, the machine may be busy. */
  private static final int SYNC_TIMEOUT_MS = 15_000;

  private static final int BATCH = 250;

  @TempDir Path dir;

  /** When a cycle's SIGKILL lands. */
  private enum Moment {
    /** Within 300 ms of the load starting on a node that just (re)started. */
    RIGHT_AFTER_START,
    /** 1 to 4 s into the load. */
    MID_LOAD,
    /** Mid-load; then the next start is killed too, 0 to 2.5 s after launch, as it recovers. */
    MID_LOAD_THEN_DURING_RECOVERY
  }

  @Test
  void shouldLoseNoAcknowledgedTransactionWhenKilledAtRandomMoments() throws Exception {
    long seed = seed();
    Random random = new Random(seed);
    List<Moment> moments =
        new ArrayList<>(
            List.of(
                Moment.RIGHT_AFTER_START,
                Moment.RIGHT_AFTER_START,
                Moment.MID_LOAD,
                Moment.MID_LOAD,
                Moment.MID_LOAD_THEN_DURING_RECOVERY));
    Collections.shuffle(moments, random);
    Path dataDir = dir.resolve("data");
    int port = NodeProcess.freePort();
    Ledger ledger = new Ledger();
    int snapshotLoads = 0;

    NodeProcess node = NodeProcess.start(dataDir, port, FAST_BLOCKS);
    try {
      Address counter;
      long[] nonces;
      try (RpcClient rpc = new RpcClient(node.httpUrl())) {
        counter = deployCounter(rpc, ledger);
        nonces = nonces(rpc);
      }
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        Moment moment = moments.get(cycle);
        long delayMs =
            moment == Moment.RIGHT_AFTER_START
                ? random.nextInt(300)
                : 1_000 + random.nextInt(3_000);
        String context =
            "seed %d, cycle %d (%s, kill after %d ms)".formatted(seed, cycle, moment, delayMs);
        try (RpcClient rpc = new RpcClient(node.httpUrl())) {
          Load load = new Load(rpc, ledger, nonces, counter, random.nextLong());
          load.start();
          Thread.sleep(delayMs);
          node.kill9();
          load.stop();
        }
        assertNothingLeftInTemporaryDirectory(node, context);
        if (moment == Moment.MID_LOAD_THEN_DURING_RECOVERY) {
          long recoveryKillMs = random.nextInt(2_500);
          context += ", then killed again %d ms into the restart".formatted(recoveryKillMs);
          NodeProcess early = NodeProcess.launch(dataDir, port, FAST_BLOCKS);
          try {
            Thread.sleep(recoveryKillMs);
          } finally {
            early.kill9();
          }
        }
        LOG.info(
            "{}: killed; {} sent, {} acknowledged so far, {} blocks seen",
            context,
            ledger.sent.size(),
            ledger.acked.size(),
            ledger.blocks.size());

        node = NodeProcess.start(dataDir, port, FAST_BLOCKS);
        assertNothingLeftInTemporaryDirectory(node, context + ", restarted");
        if (lastStart(node.log()).contains("loaded the snapshot")) {
          snapshotLoads++;
        }
        try (RpcClient rpc = new RpcClient(node.httpUrl())) {
          nonces = verifyAfterRestart(rpc, ledger, counter, node, context);
        }
      }

      // The chain goes on after the last restart: new transactions with the next nonces.
      String context = "seed %d, after the last restart".formatted(seed);
      try (RpcClient rpc = new RpcClient(node.httpUrl())) {
        int ackedBefore = ledger.acked.size();
        Load load = new Load(rpc, ledger, nonces, counter, random.nextLong());
        load.start();
        Thread.sleep(1_000);
        load.stop();
        assertThat(ledger.acked.size())
            .as("%s: transactions acknowledged after the last restart", context)
            .isGreaterThan(ackedBefore);
        awaitBlockAfter(rpc, blockNumber(rpc), node);
        checkLedger(rpc, ledger, counter, node, context, Duration.ZERO);
        int includedUnacked = checkWholeChain(rpc, ledger, node, context);
        LOG.info(
            "seed {}: {} kill cycles, {} transactions sent, {} acknowledged, {} included without"
                + " an acknowledgement, {} blocks, {} restarts from a snapshot",
            seed,
            CYCLES,
            ledger.sent.size(),
            ledger.acked.size(),
            includedUnacked,
            ledger.blocks.size(),
            snapshotLoads);
      }
    } finally {
      node.close();
    }
  }

  /**
   * The JNI libraries are loaded from private copies deleted at once, so a node killed after it
   * started leaves nothing in its temporary directory, and a started node has removed what one
   * killed while it was loading them left (a kill during a restart can land in that window).
   */
  private static void assertNothingLeftInTemporaryDirectory(NodeProcess node, String context)
      throws IOException {
    try (Stream<Path> left = Files.list(node.temporaryDirectory())) {
      assertThat(left)
          .as("%s: files a killed node left in its temporary directory", context)
          .isEmpty();
    }
  }

  /**
   * SIGTERM under load: the node stops cleanly (exit status 0), having sealed the block it had
   * open, so after a restart every acknowledged transaction has its receipt at once and the chain
   * goes on from the same head.
   */
  @Test
  void shouldSealTheOpenBlockAndExitZeroOnSigtermUnderLoad() throws Exception {
    long seed = seed();
    Random random = new Random(seed);
    Path dataDir = dir.resolve("data");
    int port = NodeProcess.freePort();
    Ledger ledger = new Ledger();
    long loadMs = 1_500 + random.nextInt(2_000);
    String context = "seed %d, SIGTERM after %d ms of load".formatted(seed, loadMs);

    NodeProcess node = NodeProcess.start(dataDir, port);
    int exitStatus;
    Address counter;
    try {
      long[] nonces;
      try (RpcClient rpc = new RpcClient(node.httpUrl())) {
        counter = deployCounter(rpc, ledger);
        nonces = nonces(rpc);
        Load load = new Load(rpc, ledger, nonces, counter, random.nextLong());
        load.start();
        Thread.sleep(loadMs);
        // From here a refusal ("node is shutting down") is an answer, not a failure.
        ledger.stopping = true;
        exitStatus = node.stop();
        load.stop();
      }
    } finally {
      node.close();
    }
    long highestSeen = ledger.highestBlock();
    LOG.info(
        "{}: stopped with status {}; {} sent, {} acknowledged, head seen {}",
        context,
        exitStatus,
        ledger.sent.size(),
        ledger.acked.size(),
        highestSeen);

    node = NodeProcess.start(dataDir, port);
    try (RpcClient rpc = new RpcClient(node.httpUrl())) {
      // Before the new process seals anything: the stop must have sealed the open block.
      List<String> acked = List.copyOf(ledger.acked.keySet());
      Map<String, JsonNode> receipts = receipts(rpc, acked);
      List<String> missing = acked.stream().filter(h -> receipts.get(h).isNull()).toList();
      assertThat(missing)
          .as(
              "%s: acknowledged transactions without a receipt right after the restart (the"
                  + " graceful stop should have sealed the block they were in); log:%n%s",
              context, node.logTail())
          .isEmpty();
      assertThat(blockNumber(rpc))
          .as("%s: head after the restart vs the highest block seen before the stop", context)
          .isGreaterThanOrEqualTo(highestSeen);
      verifyAfterRestart(rpc, ledger, counter, node, context);
    } finally {
      node.close();
    }
    // 143 (128 + SIGTERM) is the JVM's own status for a process a signal ended, shutdown hooks
    // run or not: a clean stop has to choose 0 itself, as service managers expect.
    assertThat(exitStatus)
        .as("%s: exit status after SIGTERM; log:%n%s", context, node.logTail())
        .isZero();
  }

  // ----- checks -----

  /**
   * Everything the ledger knows, after a restart: the blocks seen before, the open block sealed,
   * then {@link #checkLedger}. Returns each account's next nonce.
   */
  private static long[] verifyAfterRestart(
      RpcClient rpc, Ledger ledger, Address counter, NodeProcess node, String context)
      throws IOException, InterruptedException {
    long head = blockNumber(rpc);
    assertThat(head)
        .as(
            "%s: head after the restart vs the highest block seen before; log:%n%s",
            context, node.logTail())
        .isGreaterThanOrEqualTo(ledger.highestBlock());
    checkBlocksSeen(rpc, ledger, node, context);
    // The block the crash left open is continued and sealed on time; once it is, every
    // transaction the log replayed has its final receipt.
    awaitBlockAfter(rpc, head, node);
    checkLedger(rpc, ledger, counter, node, context, RECEIPT_WAIT);
    return nonces(rpc);
  }

  /** Every block seen so far still has the same hash, state root and parent. */
  private static void checkBlocksSeen(
      RpcClient rpc, Ledger ledger, NodeProcess node, String context)
      throws IOException, InterruptedException {
    List<BlockSeen> seen = List.copyOf(ledger.blocks.values());
    List<String> changed = new ArrayList<>();
    for (int from = 0; from < seen.size(); from += BATCH) {
      List<BlockSeen> chunk = seen.subList(from, Math.min(seen.size(), from + BATCH));
      List<JsonNode> now =
          rpc.batch(
              "eth_getBlockByNumber",
              chunk.stream().map(b -> List.<Object>of(quantity(b.number()), false)).toList());
      for (int i = 0; i < chunk.size(); i++) {
        BlockSeen before = chunk.get(i);
        JsonNode block = now.get(i);
        BlockSeen after = block.isNull() ? null : BlockSeen.of(block);
        if (!before.equals(after)) {
          changed.add("block " + before.number() + ": before " + before + ", now " + after);
        }
      }
    }
    assertThat(changed)
        .as(
            "%s: blocks that changed or vanished across the restart; log:%n%s",
            context, node.logTail())
        .isEmpty();
  }

  /**
   * With no load running and every executed transaction sealed: each acknowledged transaction has
   * its receipt, equal to the preconfirmed one but for the block hash; each account's nonce is one
   * past its highest included transaction; the recipients hold exactly the transfers included, and
   * the counter counts exactly the calls included.
   *
   * @param receiptWait how long to poll for acknowledged receipts that are still missing
   */
  private static void checkLedger(
      RpcClient rpc,
      Ledger ledger,
      Address counter,
      NodeProcess node,
      String context,
      Duration receiptWait)
      throws IOException, InterruptedException {
    assertThat(ledger.problems)
        .as("%s: valid transactions the node refused or answered wrongly", context)
        .isEmpty();
    List<String> hashes = List.copyOf(ledger.sent.keySet());
    Map<String, JsonNode> receipts = receipts(rpc, hashes);
    long deadline = System.nanoTime() + receiptWait.toNanos();
    List<String> missing = missingAcked(ledger, receipts);
    while (!missing.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      receipts.putAll(receipts(rpc, missing));
      missing = missingAcked(ledger, receipts);
    }
    assertThat(missing.stream().map(h -> ledger.sent.get(h) + " acked in " + ledger.acked.get(h)))
        .as(
            "%s: acknowledged transactions without a receipt after the restart (head %d); log:%n%s",
            context, blockNumber(rpc), node.logTail())
        .isEmpty();

    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, JsonNode> ack : ledger.acked.entrySet()) {
      // Without a block hash when the block was still open at the answer; with it, the same.
      JsonNode answered = ack.getValue();
      JsonNode sealed = receipts.get(ack.getKey());
      boolean sameHash =
          !answered.has("blockHash") || answered.get("blockHash").equals(sealed.get("blockHash"));
      if (!sameHash || !withoutBlockHash(answered).equals(withoutBlockHash(sealed))) {
        mismatches.add("answered " + answered + "\n  sealed " + sealed);
      }
    }
    assertThat(mismatches)
        .as("%s: receipts that changed between acknowledgement and the sealed block", context)
        .isEmpty();

    long[] expectedNonce = new long[SENDERS + 1];
    long[] highestAckedNonce = new long[SENDERS + 1];
    Arrays.fill(highestAckedNonce, -1);
    Map<Address, BigInteger> expectedBalance = new HashMap<>();
    RECIPIENTS.forEach(r -> expectedBalance.put(r, BigInteger.ZERO));
    long expectedCount = 0;
    for (Sent sent : ledger.sent.values()) {
      JsonNode receipt = receipts.get(sent.hash());
      if (receipt.isNull()) {
        continue; // never acknowledged, and lost in a crash: allowed
      }
      expectedNonce[sent.account()] = Math.max(expectedNonce[sent.account()], sent.nonce() + 1);
      if (ledger.acked.containsKey(sent.hash())) {
        highestAckedNonce[sent.account()] =
            Math.max(highestAckedNonce[sent.account()], sent.nonce());
      }
      if (!receipt.path("status").asText().equals("0x1")) {
        continue;
      }
      switch (sent.kind()) {
        case TRANSFER -> expectedBalance.merge(sent.to(), sent.value(), BigInteger::add);
        case COUNTER_CALL -> expectedCount++;
        case DEPLOY -> {}
      }
    }
    for (int account = 0; account <= SENDERS; account++) {
      Address address = DevTransactions.account(account).address();
      long nonce = quantityOf(rpc.call("eth_getTransactionCount", address.toHexString(), "latest"));
      assertThat(nonce)
          .as("%s: nonce of dev account %d vs its highest acknowledged nonce + 1", context, account)
          .isGreaterThan(highestAckedNonce[account]);
      assertThat(nonce)
          .as("%s: nonce of dev account %d vs its highest included nonce + 1", context, account)
          .isEqualTo(expectedNonce[account]);
    }
    for (Address recipient : RECIPIENTS) {
      BigInteger balance =
          bigQuantityOf(rpc.call("eth_getBalance", recipient.toHexString(), "latest"));
      assertThat(balance)
          .as("%s: balance of %s vs the sum of the transfers included", context, recipient)
          .isEqualTo(expectedBalance.get(recipient));
    }
    BigInteger count =
        bigQuantityOf(rpc.call("eth_getStorageAt", counter.toHexString(), "0x0", "latest"));
    assertThat(count)
        .as("%s: the counter's slot vs the calls included", context)
        .isEqualTo(BigInteger.valueOf(expectedCount));
  }

  /**
   * The whole chain from genesis: each block's parent is the block before, no transaction is in two
   * blocks, and every receipt names the block and index that hold its transaction.
   *
   * @return how many transactions are in the chain without having been acknowledged (their answer
   *     was cut by a kill)
   */
  private static int checkWholeChain(RpcClient rpc, Ledger ledger, NodeProcess node, String context)
      throws IOException, InterruptedException {
    long head = blockNumber(rpc);
    Map<String, long[]> location = new HashMap<>();
    List<String> problems = new ArrayList<>();
    String parent = null;
    for (long from = 0; from <= head; from += BATCH) {
      List<List<?>> params = new ArrayList<>();
      for (long n = from; n <= Math.min(head, from + BATCH - 1); n++) {
        params.add(List.of(quantity(n), false));
      }
      for (JsonNode block : rpc.batch("eth_getBlockByNumber", params)) {
        long number = quantityOf(block.get("number"));
        if (parent != null && !block.path("parentHash").asText().equals(parent)) {
          problems.add("block " + number + " parent " + block.path("parentHash") + " != " + parent);
        }
        parent = block.path("hash").asText();
        JsonNode txs = block.path("transactions");
        for (int i = 0; i < txs.size(); i++) {
          long[] previous = location.put(txs.get(i).asText(), new long[] {number, i});
          if (previous != null) {
            problems.add(txs.get(i).asText() + " in blocks " + previous[0] + " and " + number);
          }
        }
      }
    }
    Map<String, JsonNode> receipts = receipts(rpc, List.copyOf(ledger.sent.keySet()));
    int includedUnacked = 0;
    for (Map.Entry<String, JsonNode> entry : receipts.entrySet()) {
      JsonNode receipt = entry.getValue();
      if (receipt.isNull()) {
        continue;
      }
      if (!ledger.acked.containsKey(entry.getKey())) {
        includedUnacked++;
      }
      long[] at = location.get(entry.getKey());
      long[] claimed = {
        quantityOf(receipt.get("blockNumber")), quantityOf(receipt.get("transactionIndex"))
      };
      if (at == null || at[0] != claimed[0] || at[1] != claimed[1]) {
        problems.add(
            entry.getKey()
                + ": receipt says block "
                + claimed[0]
                + " index "
                + claimed[1]
                + ", the chain has it at "
                + (at == null ? "no block" : "block " + at[0] + " index " + at[1]));
      }
    }
    assertThat(problems)
        .as("%s: chain from genesis to %d; log:%n%s", context, head, node.logTail())
        .isEmpty();
    return includedUnacked;
  }

  private static List<String> missingAcked(Ledger ledger, Map<String, JsonNode> receipts) {
    return ledger.acked.keySet().stream().filter(h -> receipts.get(h).isNull()).toList();
  }

  private static JsonNode withoutBlockHash(JsonNode receipt) {
    ObjectNode copy = receipt.deepCopy();
    copy.remove("blockHash");
    for (JsonNode log : copy.path("logs")) {
      ((ObjectNode) log).remove("blockHash");
    }
    return copy;
  }

  // ----- setup and RPC helpers -----

  private static long seed() {
    Long fixed = Long.getLong("megaeth.crash.seed");
    long seed = fixed != null ? fixed : new SecureRandom().nextLong();
    LOG.info("seed {} (rerun with -Dmegaeth.crash.seed={})", seed, seed);
    return seed;
  }

  private static Address deployCounter(RpcClient rpc, Ledger ledger)
      throws IOException, InterruptedException {
    KeyPair deployer = DevTransactions.account(DEPLOYER);
    Transaction deploy = DevTransactions.deployCounter(deployer, 0);
    Sent sent = new Sent(DevTransactions.hash(deploy), DEPLOYER, 0, Kind.DEPLOY, null, null);
    ledger.sent.put(sent.hash(), sent);
    JsonNode receipt =
        rpc.call("eth_sendRawTransactionSync", DevTransactions.raw(deploy), SYNC_TIMEOUT_MS);
    assertThat(receipt.path("status").asText()).as("counter deployment").isEqualTo("0x1");
    ledger.acked.put(sent.hash(), receipt);
    return Address.fromHex(receipt.path("contractAddress").asText());
  }

  /** Each account's next nonce ({@code latest}: the newest mini-block). */
  private static long[] nonces(RpcClient rpc) throws IOException, InterruptedException {
    long[] nonces = new long[SENDERS + 1];
    for (int account = 0; account <= SENDERS; account++) {
      Address address = DevTransactions.account(account).address();
      nonces[account] =
          quantityOf(rpc.call("eth_getTransactionCount", address.toHexString(), "latest"));
    }
    return nonces;
  }

  private static Map<String, JsonNode> receipts(RpcClient rpc, List<String> hashes)
      throws IOException, InterruptedException {
    Map<String, JsonNode> receipts = new HashMap<>();
    for (int from = 0; from < hashes.size(); from += BATCH) {
      List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + BATCH));
      List<JsonNode> results =
          rpc.batch("eth_getTransactionReceipt", chunk.stream().map(h -> List.of(h)).toList());
      for (int i = 0; i < chunk.size(); i++) {
        receipts.put(chunk.get(i), results.get(i));
      }
    }
    return receipts;
  }

  /** Waits until a block above {@code number} is sealed. */
  private static void awaitBlockAfter(RpcClient rpc, long number, NodeProcess node)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (blockNumber(rpc) <= number) {
      assertThat(System.nanoTime())
          .as("no block sealed after %d within 30 s; log:%n%s", number, node.logTail())
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static long blockNumber(RpcClient rpc) throws IOException, InterruptedException {
    return quantityOf(rpc.call("eth_blockNumber"));
  }

  static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  static long quantityOf(JsonNode hex) {
    return bigQuantityOf(hex).longValueExact();
  }

  static BigInteger bigQuantityOf(JsonNode hex) {
    String text = hex.asText();
    if (!text.startsWith("0x")) {
      throw new IllegalArgumentException("not a hex quantity: " + hex);
    }
    return new BigInteger(text.substring(2), 16);
  }

  /** The log of the most recent start only. */
  private static String lastStart(String log) {
    int at = log.lastIndexOf("\n=== ");
    return at < 0 ? log : log.substring(at);
  }

  // ----- the load -----

  private enum Kind {
    DEPLOY,
    TRANSFER,
    COUNTER_CALL
  }

  /**
   * A transaction the test sent, acknowledged or not.
   *
   * @param account the dev account that signed it
   * @param to the recipient of a transfer, else null
   * @param value the value of a transfer, else null
   */
  private record Sent(
      String hash, int account, long nonce, Kind kind, Address to, BigInteger value) {}

  /** A sealed block as the test saw it. */
  private record BlockSeen(long number, String hash, String stateRoot, String parentHash) {
    static BlockSeen of(JsonNode block) {
      return new BlockSeen(
          quantityOf(block.get("number")),
          block.path("hash").asText(),
          block.path("stateRoot").asText(),
          block.path("parentHash").asText());
    }
  }

  /** What the test knows, across restarts. Written by the load threads, read between cycles. */
  private static final class Ledger {
    final Map<String, Sent> sent = new ConcurrentHashMap<>();

    /** Transaction hash to the receipt {@code eth_sendRawTransactionSync} returned. */
    final Map<String, JsonNode> acked = new ConcurrentHashMap<>();

    final ConcurrentSkipListMap<Long, BlockSeen> blocks = new ConcurrentSkipListMap<>();

    /** Wrong answers to valid transactions or to block queries. */
    final Queue<String> problems = new ConcurrentLinkedQueue<>();

    /** Set once a graceful stop is under way: refusals are then expected. */
    volatile boolean stopping;

    long highestBlock() {
      return blocks.isEmpty() ? 0 : blocks.lastKey();
    }
  }

  /**
   * One thread per sender, each with one {@code eth_sendRawTransactionSync} in flight, and a
   * watcher that records every sealed block. Each thread ends when the node stops answering.
   */
  private static final class Load {
    private final RpcClient rpc;
    private final Ledger ledger;
    private final long[] nonces;
    private final Address counter;
    private final long seed;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    Load(RpcClient rpc, Ledger ledger, long[] nonces, Address counter, long seed) {
      this.rpc = rpc;
      this.ledger = ledger;
      this.nonces = nonces.clone();
      this.counter = counter;
      this.seed = seed;
    }

    void start() {
      for (int account = 1; account <= SENDERS; account++) {
        int sender = account;
        threads.add(Thread.ofPlatform().name("load-" + sender).start(() -> send(sender)));
      }
      threads.add(Thread.ofPlatform().name("block-watcher").start(this::watchBlocks));
    }

    void stop() throws InterruptedException {
      stopped = true;
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(SYNC_TIMEOUT_MS / 1000 + 15));
        if (thread.isAlive()) {
          ledger.problems.add(thread.getName() + " did not finish: a call hangs");
        }
      }
    }

    private void send(int account) {
      KeyPair key = DevTransactions.account(account);
      Random random = new Random(seed * 31 + account);
      long nonce = nonces[account];
      while (!stopped) {
        Transaction tx;
        Sent sent;
        if (random.nextInt(10) < 3) {
          tx = DevTransactions.counterCall(key, nonce, counter);
          sent = new Sent(DevTransactions.hash(tx), account, nonce, Kind.COUNTER_CALL, null, null);
        } else {
          Address to = RECIPIENTS.get(random.nextInt(RECIPIENTS.size()));
          BigInteger value = BigInteger.valueOf(1 + random.nextInt(1_000_000));
          tx = DevTransactions.transfer(key, nonce, to, Wei.of(value));
          sent = new Sent(DevTransactions.hash(tx), account, nonce, Kind.TRANSFER, to, value);
        }
        // Recorded before sending: a crash may include it even though no answer comes back.
        ledger.sent.put(sent.hash(), sent);
        try {
          JsonNode receipt =
              rpc.call("eth_sendRawTransactionSync", DevTransactions.raw(tx), SYNC_TIMEOUT_MS);
          if (!sent.hash().equals(receipt.path("transactionHash").asText())) {
            ledger.problems.add("receipt for " + sent + ": " + receipt);
          }
          ledger.acked.put(sent.hash(), receipt);
          nonce++;
        } catch (RpcError e) {
          if (e.code() == 4) {
            nonce++; // pooled but not executed in time: later nonces queue behind it
            continue;
          }
          if (!ledger.stopping) {
            ledger.problems.add(sent + " refused: " + e.getMessage());
          }
          return;
        } catch (IOException gone) {
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private void watchBlocks() {
      long next = ledger.blocks.isEmpty() ? 0 : ledger.blocks.lastKey() + 1;
      while (!stopped) {
        try {
          long head = blockNumber(rpc);
          for (; next <= head; next++) {
            JsonNode block = rpc.call("eth_getBlockByNumber", quantity(next), false);
            if (block.isNull()) {
              ledger.problems.add("block " + next + " missing below head " + head);
              return;
            }
            BlockSeen seen = BlockSeen.of(block);
            BlockSeen earlier = ledger.blocks.putIfAbsent(next, seen);
            if (earlier != null && !earlier.equals(seen)) {
              ledger.problems.add("block " + next + " was " + earlier + ", now " + seen);
            }
          }
          Thread.sleep(20);
        } catch (RpcError e) {
          if (!ledger.stopping) {
            ledger.problems.add("block query refused: " + e.getMessage());
          }
          return;
        } catch (IOException gone) {
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
