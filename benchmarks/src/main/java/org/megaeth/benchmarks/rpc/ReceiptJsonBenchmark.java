package org.megaeth.benchmarks.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.benchmarks.BenchTransactions;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Log;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.dispatch.JsonRpcProcessor;
import org.megaeth.rpc.format.ReceiptJson;
import org.megaeth.rpc.json.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code eth_sendRawTransactionSync} spends on its answer: formatting an ERC-20 transfer's
 * receipt and serializing the whole response (envelope included) to bytes, the old way (an {@code
 * ObjectNode} tree of hex strings, {@link TreeReceiptFormat}) against the streamed writer ({@link
 * ReceiptJson}) with its serializer ({@code Json.toBytes}), side by side in one run; {@code
 * treeNewSerializer} is the old tree through the new serializer, to tell the two changes apart.
 * {@code logs} = 1 is a transfer (one {@code Transfer} event); 10 is a swap-sized receipt. Run with
 * {@code -prof gc} for the allocation per response.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReceiptJsonBenchmark {
  @Param({"1", "10"})
  int logs;

  /** The rpc module's mapper as it was: shared buffer pool, {@code writeValueAsBytes}. */
  private static final ObjectMapper OLD_MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                  .build())
          .build();

  private TransactionResult result;
  private final JsonNode id = Json.text("1");

  @Setup
  public void setUp() throws JsonProcessingException {
    Random random = new Random(42);
    KeyPair sender = KeyPair.of(SecretKey.random(new SecureRandom(new byte[] {1})));
    Address token = address(random);
    Address to = address(random);
    Transaction tx =
        BenchTransactions.signed(
            6342,
            sender,
            17,
            token,
            Wei.ZERO,
            BenchTransactions.erc20Transfer(to, UInt256.valueOf(1_000)),
            60_000,
            Wei.fromGwei(2));
    Hash transferTopic =
        Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    List<Log> receiptLogs = new ArrayList<>();
    for (int i = 0; i < logs; i++) {
      receiptLogs.add(
          new Log(
              token,
              List.of(transferTopic, word(sender.address()), word(to)),
              Bytes.wrap(UInt256.valueOf(1_000).toBytes32())));
    }
    Receipt receipt = Receipt.of(tx.type().number(), true, 21_000L * 1_000 + 51_234, receiptLogs);
    result =
        new TransactionResult(
            tx,
            tx.hash(),
            sender.address(),
            receipt,
            51_234,
            Wei.of(1_000_000_007L),
            Optional.empty(),
            123_456,
            1_763_777_777L,
            1_234,
            2_345,
            OptionalInt.of(42),
            0,
            Optional.empty(),
            Optional.of(hash(random)));
    if (!java.util.Arrays.equals(tree(), streamed())
        || !java.util.Arrays.equals(treeNewSerializer(), streamed())) {
      throw new IllegalStateException("the two formats differ");
    }
  }

  /** Before: the tree, serialized by {@code writeValueAsBytes} with the same shared pool. */
  @Benchmark
  public byte[] tree() throws JsonProcessingException {
    return OLD_MAPPER.writeValueAsBytes(
        JsonRpcProcessor.success(id, TreeReceiptFormat.format(result)));
  }

  /** The tree through the new serializer: what the streamed writer alone saves. */
  @Benchmark
  public byte[] treeNewSerializer() {
    return Json.toBytes(JsonRpcProcessor.success(id, TreeReceiptFormat.format(result)));
  }

  @Benchmark
  public byte[] streamed() {
    return Json.toBytes(JsonRpcProcessor.success(id, ReceiptJson.format(result)));
  }

  private static Address address(Random random) {
    byte[] b = new byte[20];
    random.nextBytes(b);
    return Address.wrap(b);
  }

  private static Hash hash(Random random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Hash.wrap(b);
  }

  private static Hash word(Address address) {
    byte[] b = new byte[32];
    address.copyTo(b, 12);
    return Hash.wrap(b);
  }
}
