package org.megaeth.reference.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpReader;
import org.megaeth.core.tx.BlobTransaction;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.tx.TransactionValidator;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.testsupport.Fixtures;

/**
 * Transactions from the execution-apis rpc-compat fixtures, a chain that runs through Prague and
 * Osaka (set-code transactions, EIP-7594 blob wrappers) which ethereum/tests does not reach: raw
 * transactions sent or fetched over RPC must hash as the expected response says, and every
 * transaction of {@code chain.rlp} must decode, re-encode, validate for its block's fork and hash
 * and recover as the RPC responses that show it say.
 */
class RpcTransactionVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Methods whose responses show mined transactions (hash, from) of chain.rlp. */
  private static final List<String> TRANSACTION_METHODS =
      List.of(
          "eth_getTransactionByHash",
          "eth_getTransactionByBlockHashAndIndex",
          "eth_getTransactionByBlockNumberAndIndex",
          "eth_getBlockByHash",
          "eth_getBlockByNumber");

  @TestFactory
  Stream<DynamicTest> rawTransactionsHashAsTheResponseSays() throws Exception {
    return Fixtures.dynamicTests(
        "execution-apis/tests", RpcTransactionVectorsTest::rawTransactionCases);
  }

  private static Stream<DynamicTest> rawTransactionCases(Path tests) {
    Stream<DynamicTest> sent =
        ioFiles(tests.resolve("eth_sendRawTransaction")).stream()
            .map(
                file ->
                    DynamicTest.dynamicTest(
                        "eth_sendRawTransaction/" + file.getFileName(),
                        file.toUri(),
                        () -> checkSentTransaction(file)));
    Path rawTx = tests.resolve("debug_getRawTransaction/get-tx.io");
    Stream<DynamicTest> fetched =
        Stream.of(
            DynamicTest.dynamicTest(
                "debug_getRawTransaction/get-tx.io",
                rawTx.toUri(),
                () -> {
                  Exchange exchange = Exchange.read(rawTx).getFirst();
                  Transaction tx = TransactionDecoder.decode(hex(exchange.result().asText()));
                  assertThat(tx.hash())
                      .isEqualTo(Hash.fromHex(exchange.request().get("params").get(0).asText()));
                }));
    return Stream.concat(sent, fetched);
  }

  private static void checkSentTransaction(Path file) {
    Exchange exchange = Exchange.read(file).getFirst();
    Bytes raw = hex(exchange.request().get("params").get(0).asText());
    PooledTransaction pooled = TransactionDecoder.decodePooled(raw);
    Transaction tx = pooled.transaction();
    assertThat(tx.hash()).isEqualTo(Hash.fromHex(exchange.result().asText()));
    assertThat(TransactionValidator.validate(tx, Fork.OSAKA, Chain.load().chainId()))
        .isInstanceOf(TransactionValidity.Valid.class);
    if (tx instanceof BlobTransaction blob) {
      assertThat(TransactionValidator.checkSidecar(blob, pooled.sidecar().orElseThrow())).isEmpty();
    }
  }

  @Test
  void shouldDecodeAndValidateEveryTransactionWhenImportingChain() {
    Chain chain = Chain.load();
    assertThat(chain.blocks()).hasSize(54);
    int transactions = 0;
    for (Block block : chain.blocks()) {
      Fork fork = chain.schedule().forkAt(block.number(), block.timestamp());
      for (Transaction tx : block.transactions()) {
        transactions++;
        String where = "block " + block.number() + " (" + fork + ") tx " + tx.hash();
        assertThat(TransactionDecoder.decode(tx.encoded())).as(where).isEqualTo(tx);
        TransactionValidity validity = TransactionValidator.validate(tx, fork, chain.chainId());
        assertThat(validity)
            .as(where + ": " + validity)
            .isInstanceOf(TransactionValidity.Valid.class);
        TransactionValidator.BlockLimits limits =
            new TransactionValidator.BlockLimits(
                block.gasLimit(), block.baseFee(), Optional.empty());
        assertThat(TransactionValidator.checkBlock(tx, limits)).as(where).isEmpty();
      }
    }
    assertThat(transactions).isGreaterThan(50);
  }

  @TestFactory
  Stream<DynamicTest> minedTransactionsMatchTheResponses() throws Exception {
    return Fixtures.dynamicTests(
        "execution-apis/tests", RpcTransactionVectorsTest::minedTransactionCases);
  }

  private static Stream<DynamicTest> minedTransactionCases(Path tests) {
    List<DynamicTest> cases = new ArrayList<>();
    for (String method : TRANSACTION_METHODS) {
      for (Path file : ioFiles(tests.resolve(method))) {
        List<JsonNode> shown = new ArrayList<>();
        if (!isSpecOnly(file)) {
          Exchange.read(file).forEach(e -> collectTransactions(e.result(), shown));
        }
        if (shown.isEmpty()) {
          continue;
        }
        cases.add(
            DynamicTest.dynamicTest(
                method + "/" + file.getFileName(),
                file.toUri(),
                () -> {
                  Map<Hash, Transaction> mined = Chain.load().transactionsByHash();
                  for (JsonNode expected : shown) {
                    Hash hash = Hash.fromHex(expected.get("hash").asText());
                    assertThat(mined).as("transaction %s in chain.rlp", hash).containsKey(hash);
                    assertThat(mined.get(hash).sender().address())
                        .as("sender of %s", hash)
                        .contains(Address.fromHex(expected.get("from").asText()));
                  }
                }));
      }
    }
    return cases.stream();
  }

  private static void collectTransactions(JsonNode node, List<JsonNode> into) {
    if (node.isObject() && node.has("hash") && node.has("from") && node.has("nonce")) {
      into.add(node);
      return;
    }
    node.forEach(child -> collectTransactions(child, into));
  }

  private static boolean isSpecOnly(Path file) {
    try {
      return Files.readString(file).lines().anyMatch(l -> l.trim().equals("// speconly"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> ioFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".io")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static Bytes hex(String text) {
    return Bytes.wrap(Hex.decode(text));
  }

  /** One request/response pair of an {@code .io} file. */
  private record Exchange(JsonNode request, JsonNode result) {
    static List<Exchange> read(Path file) {
      try {
        List<String> lines = Files.readAllLines(file);
        List<Exchange> exchanges = new ArrayList<>();
        Optional<JsonNode> request = Optional.empty();
        for (String line : lines) {
          if (line.startsWith(">> ")) {
            request = Optional.of(JSON.readTree(line.substring(3)));
          } else if (line.startsWith("<< ") && request.isPresent()) {
            JsonNode response = JSON.readTree(line.substring(3));
            exchanges.add(new Exchange(request.get(), response.path("result")));
          }
        }
        return exchanges;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
  }

  /** The header fields this test needs, and the block's transactions. */
  private record Block(
      long number,
      long gasLimit,
      long timestamp,
      Optional<Wei> baseFee,
      List<Transaction> transactions) {}

  /** chain.rlp with its genesis config; read once. */
  private record Chain(long chainId, ForkSchedule schedule, List<Block> blocks) {
    static Chain load() {
      Fixtures.require("execution-apis/tests"); // skips before the holder's static init can fail
      return Holder.CHAIN;
    }

    /** Reads the chain on first use, once, whichever test gets there first. */
    private static final class Holder {
      static final Chain CHAIN = read();
    }

    private static Chain read() {
      Path tests = Fixtures.require("execution-apis/tests");
      try {
        JsonNode config = JSON.readTree(tests.resolve("genesis.json").toFile()).get("config");
        Bytes rlp = Bytes.wrap(Files.readAllBytes(tests.resolve("chain.rlp")));
        List<Block> blocks =
            Rlp.decode(
                rlp,
                r -> {
                  List<Block> all = new ArrayList<>();
                  while (!r.isComplete()) {
                    all.add(r.readList(Chain::readBlock));
                  }
                  return all;
                });
        return new Chain(config.get("chainId").asLong(), schedule(config), blocks);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Map<Hash, Transaction> transactionsByHash() {
      Map<Hash, Transaction> byHash = new HashMap<>();
      blocks.forEach(b -> b.transactions().forEach(tx -> byHash.put(tx.hash(), tx)));
      return byHash;
    }

    private static Block readBlock(RlpReader block) {
      long[] header = new long[3];
      Optional<Wei> baseFee =
          block.readList(
              h -> {
                for (int i = 0; i < 8; i++) {
                  h.skip(); // parent, ommers, coinbase, roots, bloom, difficulty
                }
                header[0] = h.readLong(); // number
                header[1] = h.readLong(); // gasLimit
                h.skip(); // gasUsed
                header[2] = h.readLong(); // timestamp
                for (int i = 0; i < 3; i++) {
                  h.skip(); // extraData, mixHash, nonce
                }
                Optional<Wei> fee =
                    h.isComplete() ? Optional.empty() : Optional.of(Wei.of(h.readUInt256()));
                while (!h.isComplete()) {
                  h.skip();
                }
                return fee;
              });
      List<Transaction> txs = block.readListOf(TransactionDecoder::readBlockBodyItem);
      while (!block.isComplete()) {
        block.skip(); // ommers, withdrawals
      }
      return new Block(header[0], header[1], header[2], baseFee, txs);
    }

    private static ForkSchedule schedule(JsonNode config) {
      Map<Fork, Long> byBlock = new EnumMap<>(Fork.class);
      Map<Fork, Long> byTime = new EnumMap<>(Fork.class);
      Map<String, Fork> blockKeys = new LinkedHashMap<>();
      blockKeys.put("homesteadBlock", Fork.HOMESTEAD);
      blockKeys.put("eip150Block", Fork.TANGERINE_WHISTLE);
      blockKeys.put("eip158Block", Fork.SPURIOUS_DRAGON);
      blockKeys.put("byzantiumBlock", Fork.BYZANTIUM);
      blockKeys.put("constantinopleBlock", Fork.CONSTANTINOPLE);
      blockKeys.put("petersburgBlock", Fork.PETERSBURG);
      blockKeys.put("istanbulBlock", Fork.ISTANBUL);
      blockKeys.put("berlinBlock", Fork.BERLIN);
      blockKeys.put("londonBlock", Fork.LONDON);
      blockKeys.put("mergeNetsplitBlock", Fork.PARIS);
      blockKeys.forEach((key, fork) -> byBlock.put(fork, config.get(key).asLong()));
      byTime.put(Fork.SHANGHAI, config.get("shanghaiTime").asLong());
      byTime.put(Fork.CANCUN, config.get("cancunTime").asLong());
      byTime.put(Fork.PRAGUE, config.get("pragueTime").asLong());
      byTime.put(Fork.OSAKA, config.get("osakaTime").asLong());
      return new ForkSchedule(byBlock, byTime);
    }
  }
}
