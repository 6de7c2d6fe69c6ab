package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.megaeth.cli.RpcClient.RpcError;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.LegacyTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * Bad input against a real node process, over HTTP and WebSocket: malformed and invalid
 * transactions, malformed JSON-RPC, requests and batches over the configured limits. Each gets
 * geth's error (the JSON-RPC code, and the words clients match on), never a stack trace, and
 * changes nothing: valid transactions sent in between are all included, the balances are exact, and
 * the node serves on.
 *
 * <p>Where this node's words differ from geth's only in the details after the first colon, the
 * checks hold for both; the differences are noted case by case.
 */
class SequencerBadInputIT {
  private static final int MAX_REQUEST_BYTES = 1 << 20;
  private static final int MAX_BATCH = 100;

  /** The dev chain's block gas limit ({@code sequencer.block-gas-limit}'s default). */
  private static final long BLOCK_GAS_LIMIT = DevTransactions.DEV.gasLimit();

  /** geth's {@code txMaxSize}, which the pool keeps: 4 slots of 32 KiB. */
  private static final int MAX_TX_BYTES = 128 * 1024;

  @TempDir static Path dir;
  private static NodeProcess node;
  private static RpcClient http;

  /** How a test reaches the node. */
  enum Transport {
    HTTP,
    WEBSOCKET
  }

  @BeforeAll
  static void startNode() throws Exception {
    node =
        NodeProcess.start(
            dir.resolve("data"),
            NodeProcess.freePort(),
            "--set",
            "rpc.max-request-bytes=" + MAX_REQUEST_BYTES,
            "--set",
            "rpc.max-batch-size=" + MAX_BATCH);
    http = new RpcClient(node.httpUrl());
  }

  @AfterAll
  static void stopNode() {
    if (http != null) {
      http.close();
    }
    if (node != null) {
      node.close();
    }
  }

  // ----- transactions that cannot be decoded -----

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRefuseUndecodableRawTransactionsAndKeepTheValidOnes(Transport transport)
      throws Exception {
    try (Rpc rpc = connect(transport)) {
      ValidTraffic valid = new ValidTraffic(rpc, transport == Transport.HTTP ? 1 : 2);
      Transaction sample =
          DevTransactions.transfer(valid.key, 1_000_000, valid.recipient, Wei.of(1));
      byte[] encoded = sample.encoded().toArrayUnsafe().clone();
      byte[] random = new byte[64];
      new Random(42).nextBytes(random);
      random[0] = (byte) 0xf8; // a legacy list header, so the decoder tries to read it as one
      byte[] wrongType = encoded.clone();
      wrongType[0] = 0x05;
      byte[] otherType = encoded.clone();
      otherType[0] = 0x01; // an EIP-2930 type byte before an EIP-1559 payload

      // Each: the raw bytes, and what the message must say beyond being non-empty. geth's words
      // for RLP errors ("rlp: ...", "typed transaction too short") are Go decoder messages that
      // no client matches on: only the code (-32000, as geth) is checked for those.
      List<BadRawTx> cases =
          List.of(
              new BadRawTx("empty", "0x", ""),
              new BadRawTx("an unknown type byte, nothing after", "0x7f", ""),
              new BadRawTx("type 0x12", "0x1234", "^transaction type not supported.*"),
              new BadRawTx(
                  "a valid transaction with type byte 0x05",
                  hex(wrongType),
                  "^transaction type not supported.*"),
              new BadRawTx("an EIP-1559 payload under type byte 0x01", hex(otherType), ""),
              new BadRawTx(
                  "truncated by 3 bytes", hex(Arrays.copyOf(encoded, encoded.length - 3)), ""),
              new BadRawTx("a trailing byte", hex(encoded) + "00", ""),
              new BadRawTx("a list header claiming 64 KiB", "0xf9ffff01", ""),
              new BadRawTx("64 random bytes", hex(random), ""),
              new BadRawTx("an empty RLP list", "0xc0", ""));
      for (BadRawTx bad : cases) {
        for (String method : List.of("eth_sendRawTransaction", "eth_sendRawTransactionSync")) {
          RpcError error =
              refused(() -> rpc.call(method, bad.raw()), bad.name() + " via " + method);
          assertThat(error.code()).as("%s via %s: code", bad.name(), method).isEqualTo(-32000);
          assertThat(error.rpcMessage()).as("%s via %s: message", bad.name(), method).isNotBlank();
          if (!bad.messagePattern().isEmpty()) {
            assertThat(error.rpcMessage())
                .as("%s via %s: message", bad.name(), method)
                .matches(bad.messagePattern());
          }
          assertNoInternals(error.getMessage());
          valid.send();
        }
      }
      valid.verify();
    }
  }

  // ----- transactions that decode but are invalid -----

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRefuseInvalidTransactionsInGethsWordsAndKeepTheValidOnes(Transport transport)
      throws Exception {
    try (Rpc rpc = connect(transport)) {
      ValidTraffic valid = new ValidTraffic(rpc, transport == Transport.HTTP ? 3 : 4);
      Transaction firstValid = valid.send();
      KeyPair key = valid.key;
      Address to = valid.recipient;

      for (String method : List.of("eth_sendRawTransaction", "eth_sendRawTransactionSync")) {
        long nonce = valid.nonce();
        Transaction good = DevTransactions.transfer(key, nonce, to, Wei.of(7));
        Signature sig = good.signature();

        // geth's words exactly.
        expect(
            rpc,
            method,
            "a typed transaction for chain 1",
            DevTransactions.sign(1, key, nonce, Optional.of(to), Wei.of(7), Bytes.EMPTY, 21_000),
            "^invalid sender: invalid chain id for signer: have 1 want 1337$");
        expect(
            rpc,
            method,
            "an EIP-155 legacy transaction for chain 1",
            TransactionSigner.sign(
                new LegacyTransaction(
                    nonce,
                    DevTransactions.MAX_FEE,
                    21_000,
                    Optional.of(to),
                    Wei.of(7),
                    Bytes.EMPTY,
                    Optional.of(UInt256.ONE),
                    TransactionSigner.UNSIGNED),
                key.secretKey()),
            "^invalid sender: invalid chain id for signer: have 1 want 1337$");
        // The same signature with s above n/2 (EIP-2): geth says only "invalid sender: invalid
        // transaction v, r, s values"; this node adds why after a colon.
        expect(
            rpc,
            method,
            "a high-s signature",
            good.withSignature(
                new Signature(sig.r(), Secp256k1.CURVE_ORDER.subtract(sig.s()), sig.recId() ^ 1)),
            "^invalid sender: invalid transaction v, r, s values.*");
        expect(
            rpc,
            method,
            "r = 0",
            good.withSignature(new Signature(UInt256.ZERO, sig.s(), sig.recId())),
            "^invalid sender: invalid transaction v, r, s values.*");
        // Signed, then changed: the signature names some other account, which holds nothing.
        Transaction tampered = withValue(good, Wei.of(8));
        expect(
            rpc,
            method,
            "a transaction changed after signing",
            tampered,
            "^insufficient funds for gas \\* price \\+ value: balance 0, tx cost %s, overshot %s$"
                .formatted(cost(tampered), cost(tampered)));
        expect(
            rpc,
            method,
            "nonce 0 again",
            DevTransactions.transfer(key, 0, to, Wei.of(7)),
            "^nonce too low: next nonce %d, tx nonce 0$".formatted(nonce));
        expect(
            rpc,
            method,
            "an included transaction sent again",
            firstValid,
            "^nonce too low: next nonce %d, tx nonce %d$".formatted(nonce, firstValid.nonce()));
        BigInteger balance =
            SequencerCrashIT.bigQuantityOf(
                rpc.call("eth_getBalance", key.address().toHexString(), "latest"));
        Transaction tooDear = DevTransactions.transfer(key, nonce, to, Wei.of(balance));
        BigInteger tooDearCost = cost(tooDear);
        expect(
            rpc,
            method,
            "a value of the whole balance (no gas money left)",
            tooDear,
            "^insufficient funds for gas \\* price \\+ value: balance %s, tx cost %s, overshot %s$"
                .formatted(balance, tooDearCost, tooDearCost.subtract(balance)));
        expect(
            rpc,
            method,
            "gas below the intrinsic 21,000",
            DevTransactions.sign(
                DevTransactions.CHAIN_ID,
                key,
                nonce,
                Optional.of(to),
                Wei.of(7),
                Bytes.EMPTY,
                20_999),
            "^intrinsic gas too low: gas 20999, minimum needed 21000$");
        expect(
            rpc,
            method,
            "gas above the block gas limit",
            DevTransactions.sign(
                DevTransactions.CHAIN_ID,
                key,
                nonce,
                Optional.of(to),
                Wei.of(7),
                Bytes.EMPTY,
                BLOCK_GAS_LIMIT + 1),
            "^exceeds block gas limit.*");
        expect(
            rpc,
            method,
            "a tip above the fee cap",
            DevTransactions.sign(
                DevTransactions.CHAIN_ID,
                key,
                nonce,
                Optional.of(to),
                Wei.of(7),
                Bytes.EMPTY,
                21_000,
                Wei.fromGwei(11),
                Wei.fromGwei(10)),
            "^max priority fee per gas higher than max fee per gas.*");
        Transaction oversized =
            DevTransactions.sign(
                DevTransactions.CHAIN_ID,
                key,
                nonce,
                Optional.of(to),
                Wei.ZERO,
                Bytes.wrap(new byte[MAX_TX_BYTES]),
                21_000 + 4L * MAX_TX_BYTES);
        expect(
            rpc,
            method,
            "a transaction over 128 KiB",
            oversized,
            "^oversized data: transaction size %d, limit %d$"
                .formatted(oversized.encoded().size(), MAX_TX_BYTES));
        valid.send();
      }
      valid.verify();
    }
  }

  // ----- malformed JSON-RPC -----

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldAnswerMalformedRequestsWithGethsErrors(Transport transport) throws Exception {
    try (Rpc rpc = connect(transport)) {
      ValidTraffic valid = new ValidTraffic(rpc, transport == Transport.HTTP ? 5 : 6);

      JsonNode parseError =
          rpc.raw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[");
      assertError(parseError, -32700, "^parse error$");
      assertThat(parseError.get("id").isNull()).as("id of a parse error").isTrue();
      valid.send();

      assertError(rpc.raw("42"), -32600, "^invalid request$");
      assertError(
          rpc.raw("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"eth_blockNumber\"}"),
          -32600,
          "^invalid request$");
      assertError(rpc.raw("[]"), -32600, "^empty batch$");
      // geth: -32602 "non-array args".
      assertError(
          rpc.raw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":{}}"),
          -32602,
          "^non-array args.*");
      valid.send();

      expectError(
          rpc,
          -32601,
          "^the method eth_doesNotExist does not exist/is not available$",
          "eth_doesNotExist");
      // The debug namespace is off by default: as unknown as a method that does not exist.
      expectError(
          rpc,
          -32601,
          "^the method debug_getRawBlock does not exist/is not available$",
          "debug_getRawBlock",
          "latest");
      expectError(rpc, -32602, "^missing value for required argument 0$", "eth_getBalance");
      expectError(rpc, -32602, "^too many arguments, want at most 0$", "eth_blockNumber", "0x1");
      // geth: "json: cannot unmarshal non-string into Go value of type common.Address"; this node
      // names the JSON type ("number") instead of "non-string".
      expectError(
          rpc,
          -32602,
          "^invalid argument 0: json: cannot unmarshal .+ into Go value of type common\\.Address$",
          "eth_getBalance",
          1,
          "latest");
      expectError(
          rpc,
          -32602,
          "^invalid argument 0: hex string has length 4, want 40 for common\\.Address$",
          "eth_getBalance",
          "0x1234",
          "latest");
      expectError(
          rpc,
          -32602,
          "^invalid argument 1: json: cannot unmarshal string into Go value of type bool$",
          "eth_getBlockByNumber",
          "latest",
          "yes");
      expectError(
          rpc,
          -32602,
          "^invalid argument 0: json: cannot unmarshal .+ into Go value of type hexutil\\.Bytes$",
          "eth_sendRawTransaction",
          12);
      // geth wraps this one too ("json: cannot unmarshal hex string without 0x prefix into Go
      // value of type hexutil.Bytes"); the words that matter are the same.
      expectError(
          rpc,
          -32602,
          "^invalid argument 0: .*hex string without 0x prefix.*",
          "eth_sendRawTransaction",
          "f86b");
      expectError(
          rpc,
          -32602,
          "^invalid argument 0: .*hex string of odd length.*",
          "eth_sendRawTransaction",
          "0x123");
      valid.send();

      ArrayNode tooLarge = RpcClient.JSON.createArrayNode();
      for (int i = 0; i <= MAX_BATCH; i++) {
        tooLarge.add(request(i, "eth_chainId"));
      }
      // As geth: a batch holding one error, with the id of the batch's first call.
      JsonNode refused = rpc.raw(tooLarge.toString());
      assertThat(refused.isArray()).as("batch too large: %s", refused).isTrue();
      assertThat(refused.get(0).path("id").asInt()).isEqualTo(0);
      assertError(refused.get(0), -32600, "^batch too large$");

      // A batch of good and bad calls: each answered on its own, the good ones unharmed.
      ArrayNode mixed = RpcClient.JSON.createArrayNode();
      mixed.add(request(1, "eth_chainId"));
      mixed.add(request(2, "eth_sendRawTransaction", "0x1234"));
      mixed.add(request(3, "eth_noSuchMethod"));
      mixed.add(RpcClient.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 4));
      mixed.add(request(5, "eth_getBalance", valid.recipient.toHexString(), "latest"));
      JsonNode answers = rpc.raw(mixed.toString());
      assertNoInternals(answers.toString());
      assertThat(answers.isArray() && answers.size() == 5).as("mixed batch: %s", answers).isTrue();
      Map<Integer, JsonNode> byId = new HashMap<>();
      answers.forEach(a -> byId.put(a.path("id").asInt(), a));
      assertThat(byId.get(1).path("result").asText()).isEqualTo("0x539");
      assertThat(byId.get(2).path("error").path("code").asInt()).isEqualTo(-32000);
      assertThat(byId.get(3).path("error").path("code").asInt()).isEqualTo(-32601);
      assertThat(byId.get(4).path("error").path("code").asInt()).isEqualTo(-32600);
      assertThat(SequencerCrashIT.bigQuantityOf(byId.get(5).path("result")))
          .as("recipient balance read in a mixed batch")
          .isEqualTo(valid.sum);
      valid.send();
      valid.verify();
    }
  }

  // ----- requests over the size limits -----

  @Test
  void shouldRefuseAnOversizedHttpBodyWith413AndServeTheNextRequest() throws Exception {
    try (Rpc rpc = connect(Transport.HTTP)) {
      ValidTraffic valid = new ValidTraffic(rpc, 7);
      valid.send();
      // One byte over the configured limit: the body is refused before it is parsed (geth: 413).
      String oversized = paddedRequest(MAX_REQUEST_BYTES + 1);
      RpcClient.HttpReply reply = http.post(oversized);
      assertThat(reply.status()).as("HTTP status for a body over the limit").isEqualTo(413);
      assertNoInternals(reply.body());
      valid.send();

      // Under the limit: parsed and answered. The signed transaction in it (about 500 KB) is over
      // the pool's own limit, which is a JSON-RPC error, not an HTTP one.
      int dataBytes = MAX_REQUEST_BYTES / 2 - 20_000;
      Transaction large =
          DevTransactions.sign(
              DevTransactions.CHAIN_ID,
              valid.key,
              valid.nonce(),
              Optional.of(valid.recipient),
              Wei.ZERO,
              Bytes.wrap(new byte[dataBytes]),
              21_000 + 4L * dataBytes);
      String underLimit =
          request(1, "eth_sendRawTransaction", DevTransactions.raw(large)).toString();
      assertThat(underLimit.length()).isLessThan(MAX_REQUEST_BYTES);
      RpcClient.HttpReply under = http.post(underLimit);
      assertThat(under.status()).as("HTTP status for a body under the limit").isEqualTo(200);
      assertError(
          RpcClient.JSON.readTree(under.body()),
          -32000,
          "^oversized data: transaction size %d, limit %d$"
              .formatted(large.encoded().size(), MAX_TX_BYTES));
      valid.send();
      valid.verify();
    }
  }

  @Test
  void shouldCloseAWebSocketThatSendsAnOversizedMessageAndServeOthers() throws Exception {
    try (Rpc rpc = connect(Transport.HTTP)) {
      ValidTraffic valid = new ValidTraffic(rpc, 8);
      valid.send();
      try (WsClient ws = WsClient.connect(node.wsUrl())) {
        assertThat(ws.call("eth_chainId").asText()).isEqualTo("0x539");
        ws.sendText(paddedRequest(MAX_REQUEST_BYTES + 1));
        WsClient.Closed closed = ws.awaitClose(Duration.ofSeconds(20));
        // The server sends close 1009 (message too big) and drops the connection at once; a
        // client still sending the rest of its message usually loses that frame to the TCP
        // reset and sees 1006 (closed abnormally) or an error instead. Either way: closed.
        assertThat(closed.code())
            .as("close code for an oversized message: %s", closed)
            .isIn(1009, 1006, WsClient.Closed.ABORTED);
        assertThat(ws.unanswered()).as("answers to the oversized message").isEmpty();
      }
      valid.send();
      try (WsClient other = WsClient.connect(node.wsUrl())) {
        assertThat(other.call("eth_chainId").asText()).isEqualTo("0x539");
        ValidTraffic overWs = new ValidTraffic(other, 9);
        overWs.send();
        overWs.verify();
      }
      valid.verify();
    }
  }

  // ----- helpers -----

  /** A raw transaction that cannot be used, and the pattern its error message must match. */
  private record BadRawTx(String name, String raw, String messagePattern) {}

  private static void expect(
      Rpc rpc, String method, String what, Transaction tx, String messagePattern)
      throws IOException, InterruptedException {
    RpcError error = refused(() -> rpc.call(method, DevTransactions.raw(tx)), what);
    assertThat(error.code()).as("%s via %s: code (%s)", what, method, error).isEqualTo(-32000);
    assertThat(error.rpcMessage()).as("%s via %s: message", what, method).matches(messagePattern);
    assertNoInternals(error.getMessage());
  }

  private static void expectError(
      Rpc rpc, int code, String messagePattern, String method, Object... params)
      throws IOException, InterruptedException {
    String what = method + Arrays.toString(params);
    RpcError error = refused(() -> rpc.call(method, params), what);
    assertThat(error.code()).as("%s: code (%s)", what, error).isEqualTo(code);
    assertThat(error.rpcMessage()).as("%s: message", what).matches(messagePattern);
    assertNoInternals(error.getMessage());
  }

  private static void assertError(JsonNode response, int code, String messagePattern) {
    assertNoInternals(response.toString());
    JsonNode error = response.path("error");
    assertThat(error.isObject()).as("an error response: %s", response).isTrue();
    assertThat(error.path("code").asInt()).as("code in %s", response).isEqualTo(code);
    assertThat(error.path("message").asText())
        .as("message in %s", response)
        .matches(messagePattern);
  }

  /** No Java class names, stack frames or exception types reach a client. */
  private static void assertNoInternals(String text) {
    assertThat(text)
        .as("an answer to a client")
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("org.megaeth")
        .doesNotContain("io.netty")
        .doesNotContain("com.fasterxml");
  }

  private interface Call {
    JsonNode run() throws IOException, InterruptedException;
  }

  private static RpcError refused(Call call, String what) throws IOException, InterruptedException {
    try {
      JsonNode result = call.run();
      throw new AssertionError(what + " was accepted: " + result);
    } catch (RpcError error) {
      return error;
    }
  }

  private static ObjectNode request(int id, String method, Object... params) {
    ObjectNode request = RpcClient.JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    request.set("params", RpcClient.JSON.valueToTree(List.of(params)));
    return request;
  }

  /** A JSON-RPC request of exactly {@code size} bytes, refused by size before it is parsed. */
  private static String paddedRequest(int size) {
    String head =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0x";
    String tail = "\"]}";
    int digits = size - head.length() - tail.length();
    digits -= digits % 2;
    String body = head + "0".repeat(digits) + tail;
    return body.length() == size ? body : body + " ";
  }

  private static Transaction withValue(Transaction tx, Wei value) {
    DynamicFeeTransaction d = (DynamicFeeTransaction) tx;
    return new DynamicFeeTransaction(
        d.chainId(),
        d.nonce(),
        d.maxPriorityFeePerGas(),
        d.maxFeePerGas(),
        d.gasLimit(),
        d.to(),
        value,
        d.data(),
        d.accessList(),
        d.signature());
  }

  /** geth's {@code tx.Cost()}: gas * fee cap + value. */
  private static BigInteger cost(Transaction tx) {
    return BigInteger.valueOf(tx.gasLimit())
        .multiply(tx.maxFeePerGas().toBigInteger())
        .add(tx.value().toBigInteger());
  }

  private static String hex(byte[] bytes) {
    return Bytes.wrap(bytes).toHexString();
  }

  private static Rpc connect(Transport transport) throws IOException, InterruptedException {
    return switch (transport) {
      case HTTP -> new HttpRpc(new RpcClient(node.httpUrl()));
      case WEBSOCKET -> WsClient.connect(node.wsUrl());
    };
  }

  /** One JSON-RPC connection, whatever carries it. */
  private interface Rpc extends AutoCloseable {
    /** The result, or {@link RpcError}. */
    JsonNode call(String method, Object... params) throws IOException, InterruptedException;

    /** Sends {@code message} as it is and returns the answer as it is. */
    JsonNode raw(String message) throws IOException, InterruptedException;

    @Override
    void close();
  }

  private record HttpRpc(RpcClient client) implements Rpc {
    @Override
    public JsonNode call(String method, Object... params) throws IOException, InterruptedException {
      return client.call(method, params);
    }

    @Override
    public JsonNode raw(String message) throws IOException, InterruptedException {
      RpcClient.HttpReply reply = client.post(message);
      assertThat(reply.status()).as("HTTP status for %s", message).isEqualTo(200);
      return RpcClient.JSON.readTree(reply.body());
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /**
   * Valid transfers from one dev account to a fresh recipient, sent between the bad ones and
   * checked at the end: every one included, the recipient holding exactly their sum, the sender's
   * nonce one past the last.
   */
  private static final class ValidTraffic {
    private final Rpc rpc;
    private final KeyPair key;
    private final Address recipient;
    private final List<String> hashes = new ArrayList<>();
    private final long firstNonce;
    private BigInteger sum = BigInteger.ZERO;

    ValidTraffic(Rpc rpc, int account) throws IOException, InterruptedException {
      this.rpc = rpc;
      this.key = DevTransactions.account(account);
      this.recipient = Address.ofNumber(0xBAD0_0000L + account);
      this.firstNonce =
          SequencerCrashIT.quantityOf(
              rpc.call("eth_getTransactionCount", key.address().toHexString(), "latest"));
      assertThat(firstNonce).as("dev account %d is this test's alone", account).isZero();
    }

    long nonce() {
      return firstNonce + hashes.size();
    }

    Transaction send() throws IOException, InterruptedException {
      Wei value = Wei.of(1_000 + hashes.size());
      Transaction tx = DevTransactions.transfer(key, nonce(), recipient, value);
      JsonNode receipt = rpc.call("eth_sendRawTransactionSync", DevTransactions.raw(tx));
      assertThat(receipt.path("status").asText()).as("valid transfer %s", receipt).isEqualTo("0x1");
      hashes.add(DevTransactions.hash(tx));
      sum = sum.add(value.toBigInteger());
      return tx;
    }

    void verify() throws IOException, InterruptedException {
      assertThat(
              SequencerCrashIT.quantityOf(
                  rpc.call("eth_getTransactionCount", key.address().toHexString(), "latest")))
          .as("nonce of %s after %d valid transfers", key.address(), hashes.size())
          .isEqualTo(firstNonce + hashes.size());
      assertThat(
              SequencerCrashIT.bigQuantityOf(
                  rpc.call("eth_getBalance", recipient.toHexString(), "latest")))
          .as("balance of %s", recipient)
          .isEqualTo(sum);
      // Receipts are served once the block is sealed (about a second).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      for (String hash : hashes) {
        JsonNode receipt;
        while ((receipt = rpc.call("eth_getTransactionReceipt", hash)).isNull()) {
          assertThat(System.nanoTime()).as("receipt of %s", hash).isLessThan(deadline);
          Thread.sleep(100);
        }
        assertThat(receipt.path("status").asText()).as("status of %s", hash).isEqualTo("0x1");
        assertThat(receipt.has("blockHash")).as("sealed receipt of %s", hash).isTrue();
      }
      assertThat(node.isAlive()).as("the node process").isTrue();
      assertThat(node.log())
          .as("the node's log: no stack trace after bad input")
          .doesNotContain("\tat org.megaeth")
          .doesNotContain("\tat io.netty");
    }
  }

  /** A JSON-RPC client over one WebSocket (the JDK's), one call at a time. */
  private static final class WsClient implements Rpc {
    private final WebSocket socket;
    private final BlockingQueue<String> messages;
    private final CompletableFuture<Closed> closed;
    private final AtomicLong ids = new AtomicLong();

    /** How the connection ended. {@code code} is {@link #ABORTED} when it broke without a close. */
    record Closed(int code, String reason) {
      static final int ABORTED = -1;
    }

    private WsClient(
        WebSocket socket, BlockingQueue<String> messages, CompletableFuture<Closed> closed) {
      this.socket = socket;
      this.messages = messages;
      this.closed = closed;
    }

    static WsClient connect(URI url) throws IOException, InterruptedException {
      BlockingQueue<String> messages = new LinkedBlockingQueue<>();
      CompletableFuture<Closed> closed = new CompletableFuture<>();
      WebSocket.Listener listener =
          new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
              partial.append(data);
              if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
              }
              ws.request(1);
              return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
              closed.complete(new Closed(code, reason));
              return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
              closed.complete(new Closed(Closed.ABORTED, error.toString()));
            }
          };
      try {
        WebSocket socket =
            HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(url, listener)
                .get(10, TimeUnit.SECONDS);
        return new WsClient(socket, messages, closed);
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException("WebSocket connection to " + url + " failed", e);
      }
    }

    @Override
    public JsonNode call(String method, Object... params) throws IOException, InterruptedException {
      long id = ids.incrementAndGet();
      ObjectNode request = RpcClient.JSON.createObjectNode();
      request.put("jsonrpc", "2.0");
      request.put("id", id);
      request.put("method", method);
      request.set("params", RpcClient.JSON.valueToTree(List.of(params)));
      JsonNode response = raw(request.toString());
      assertThat(response.path("id").asLong()).as("id of the answer to %s", request).isEqualTo(id);
      JsonNode error = response.get("error");
      if (error != null) {
        throw new RpcError(
            error.path("code").asInt(),
            error.path("message").asText(),
            Optional.ofNullable(error.get("data")));
      }
      return response.get("result");
    }

    @Override
    public JsonNode raw(String message) throws IOException, InterruptedException {
      sendText(message);
      String answer = messages.poll(30, TimeUnit.SECONDS);
      if (answer == null) {
        throw new IOException("no WebSocket answer within 30 s to " + abbreviate(message));
      }
      return RpcClient.JSON.readTree(answer);
    }

    void sendText(String message) throws IOException {
      try {
        socket.sendText(message, true).get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("WebSocket send failed", e);
      }
    }

    Closed awaitClose(Duration timeout) throws InterruptedException {
      try {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new AssertionError("the WebSocket was not closed within " + timeout, e);
      }
    }

    List<String> unanswered() {
      return List.copyOf(messages);
    }

    @Override
    public void close() {
      if (!closed.isDone()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      }
      socket.abort();
    }

    private static String abbreviate(String message) {
      return message.length() <= 200 ? message : message.substring(0, 200) + "...";
    }
  }
}
