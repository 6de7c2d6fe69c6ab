package org.megaeth.rpc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.megaeth.core.api.MiniBlock;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Block;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.dispatch.JsonRpcProcessor;
import org.megaeth.rpc.format.tree.TreeBlockJson;
import org.megaeth.rpc.format.tree.TreeLogJson;
import org.megaeth.rpc.format.tree.TreeMiniBlockJson;
import org.megaeth.rpc.format.tree.TreeReceiptJson;
import org.megaeth.rpc.format.tree.TreeTransactionJson;
import org.megaeth.rpc.json.Json;

/**
 * The streamed formatters write exactly the bytes the tree-building ones wrote (field order, null
 * members, absent members, hex forms), over every transaction type and the receipts' corner cases.
 * The tree versions are frozen copies in {@code format.tree}.
 */
class StreamedFormatsTest {
  private static final int CASES = 300;

  @Test
  void receiptsMatchTheTreeFormatByteForByte() {
    for (int seed = 0; seed < CASES; seed++) {
      TransactionResult result = new RandomInputs(seed).result();
      assertSame(ReceiptJson.format(result), TreeReceiptJson.format(result), seed);
    }
  }

  @Test
  void receiptCornerCasesMatch() {
    RandomInputs gen = new RandomInputs(7);
    List<TransactionResult> cases = new ArrayList<>();
    for (int type = 0; type <= 4; type++) {
      Transaction tx = gen.transaction(type);
      // A transfer as the load generator sends it, sealed: one log, status 1.
      cases.add(gen.result(tx, Optional.of(gen.hash()), true, 1, Optional.empty(), false));
      // Preconfirmed (no block hash) and reverted, without logs.
      cases.add(gen.result(tx, Optional.empty(), false, 0, Optional.empty(), false));
      // Contract creation.
      cases.add(
          gen.result(tx, Optional.of(gen.hash()), true, 3, Optional.of(gen.address()), false));
      // Many logs, pre-Byzantium receipt with a state root.
      cases.add(gen.result(tx, Optional.of(gen.hash()), true, 120, Optional.empty(), true));
    }
    for (int i = 0; i < cases.size(); i++) {
      assertSame(ReceiptJson.format(cases.get(i)), TreeReceiptJson.format(cases.get(i)), i);
    }
    assertSame(
        ReceiptJson.formatAll(cases), treeArray(cases.stream().map(TreeReceiptJson::format)), -1);
  }

  @Test
  void preconfirmedReceiptHasNoBlockHashAnywhere() {
    RandomInputs gen = new RandomInputs(3);
    TransactionResult pending =
        gen.result(gen.transaction(2), Optional.empty(), true, 2, Optional.empty(), false);
    JsonNode receipt = Json.toTree(ReceiptJson.format(pending));
    assertThat(receipt.has("blockHash")).isFalse();
    assertThat(receipt.get("logs")).hasSize(2);
    receipt.get("logs").forEach(log -> assertThat(log.has("blockHash")).isFalse());
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
  }

  @Test
  void transactionsMatchWithAndWithoutInclusion() {
    for (int seed = 0; seed < CASES; seed++) {
      RandomInputs gen = new RandomInputs(seed);
      Transaction tx = gen.transaction(seed % 5);
      Hash hash = gen.hash();
      Address sender = gen.address();
      List<Optional<TransactionJson.Inclusion>> inclusions =
          List.of(
              Optional.empty(),
              Optional.of(
                  new TransactionJson.Inclusion(
                      Optional.of(gen.hash()), gen.quantity(), gen.quantity(), seed, gen.fee())),
              Optional.of(
                  new TransactionJson.Inclusion(
                      Optional.empty(), gen.quantity(), gen.quantity(), seed, Optional.empty())));
      for (Optional<TransactionJson.Inclusion> in : inclusions) {
        Optional<TreeTransactionJson.Inclusion> treeIn =
            in.map(
                i ->
                    new TreeTransactionJson.Inclusion(
                        i.blockHash(),
                        i.blockNumber(),
                        i.blockTimestamp(),
                        i.index(),
                        i.baseFee()));
        assertSame(
            TransactionJson.format(tx, hash, sender, in),
            TreeTransactionJson.format(tx, hash, sender, treeIn),
            seed);
      }
      assertSame(
          TransactionJson.accessList(tx.accessList()),
          TreeTransactionJson.accessList(tx.accessList()),
          seed);
    }
  }

  @Test
  void miniBlocksAndTheirTransactionsMatch() {
    for (int seed = 0; seed < 40; seed++) {
      RandomInputs gen = new RandomInputs(seed);
      List<TransactionResult> results = new ArrayList<>();
      for (int i = 0; i < seed % 6; i++) {
        results.add(gen.result());
      }
      MiniBlock miniBlock =
          new MiniBlock(gen.quantity(), gen.quantity(), seed, gen.quantity(), results);
      assertSame(MiniBlockJson.format(miniBlock), TreeMiniBlockJson.format(miniBlock), seed);
      for (TransactionResult r : results) {
        assertSame(MiniBlockJson.transaction(r), TreeMiniBlockJson.transaction(r), seed);
      }
    }
  }

  @Test
  void logsMatch() {
    for (int seed = 0; seed < CASES; seed++) {
      TransactionResult result = new RandomInputs(seed).result();
      List<LocatedLog> logs = LogJson.locate(result);
      for (LocatedLog log : logs) {
        assertSame(LogJson.format(log), TreeLogJson.format(log), seed);
      }
      assertSame(LogJson.formatAll(logs), TreeLogJson.formatAll(logs), seed);
    }
  }

  @Test
  void headersAndBlocksMatch() {
    for (int seed = 0; seed < 120; seed++) {
      RandomInputs gen = new RandomInputs(seed);
      Block block = gen.block(seed % 7);
      Hash hash = gen.hash();
      List<Hash> txHashes = new ArrayList<>();
      List<Address> senders = new ArrayList<>();
      for (int i = 0; i < block.body().transactions().size(); i++) {
        txHashes.add(gen.hash());
        senders.add(gen.address());
      }
      BlockFacts.Facts facts = new BlockFacts.Facts(gen.random.nextInt(1 << 20), txHashes);
      assertSame(
          BlockJson.header(block.header(), hash), TreeBlockJson.header(block.header(), hash), seed);
      for (boolean full : new boolean[] {false, true}) {
        assertSame(
            BlockJson.block(block, hash, facts, full, senders::get),
            TreeBlockJson.block(block, hash, facts, full, senders::get),
            seed);
      }
    }
  }

  @Test
  void streamedValuesInsideAResponseEnvelopeMatch() {
    TransactionResult result = new RandomInputs(11).result();
    JsonNode id = Json.text("abc");
    assertThat(Json.toBytes(JsonRpcProcessor.success(id, ReceiptJson.format(result))))
        .isEqualTo(Json.toBytes(JsonRpcProcessor.success(id, TreeReceiptJson.format(result))));
  }

  @Test
  void quantitiesAtLimbEdgesMatchBigInteger() {
    BigInteger two = BigInteger.TWO;
    List<BigInteger> values =
        List.of(
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.valueOf(15),
            BigInteger.valueOf(16),
            two.pow(63),
            two.pow(64).subtract(BigInteger.ONE),
            two.pow(64),
            two.pow(128).add(BigInteger.ONE),
            two.pow(192),
            two.pow(256).subtract(BigInteger.ONE));
    for (BigInteger v : values) {
      Wei wei = Wei.of(UInt256.fromBigInteger(v));
      JsonNode streamed = Json.streamed(out -> out.quantity(wei.value()));
      assertThat(Json.toString(streamed)).isEqualTo("\"0x" + v.toString(16) + "\"");
    }
    assertThat(Json.toString(Json.streamed(out -> out.unsignedQuantity(-1L))))
        .isEqualTo("\"0xffffffffffffffff\"");
  }

  @Test
  void aNegativeQuantityIsRefusedAsBefore() {
    assertThatThrownBy(() -> Json.toString(Json.streamed(out -> out.quantity(-1L))))
        .hasStackTraceContaining("negative quantity -1");
  }

  private static JsonNode treeArray(java.util.stream.Stream<? extends JsonNode> items) {
    ArrayNode array = Json.array();
    items.forEach(array::add);
    return array;
  }

  private static void assertSame(JsonNode streamed, JsonNode tree, int seed) {
    String expected = Json.toString(tree);
    assertThat(Json.toString(streamed)).as("case %d", seed).isEqualTo(expected);
    // Serializing again gives the same bytes: a streamed value only reads immutable data.
    assertThat(Json.toBytes(streamed)).as("case %d, again", seed).isEqualTo(Json.toBytes(tree));
    // A generator that writes characters (toString, logging) gets the same text.
    assertThat(streamed.toString()).as("case %d, as characters", seed).isEqualTo(expected);
  }
}
