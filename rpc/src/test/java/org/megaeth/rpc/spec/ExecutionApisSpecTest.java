package org.megaeth.rpc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.rpc.RpcApi;
import org.megaeth.rpc.RpcBackend;
import org.megaeth.rpc.dispatch.RpcConnection;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.server.RpcServerConfig;
import org.megaeth.rpc.testing.Rpc;
import org.megaeth.testsupport.Fixtures;

/**
 * The ethereum/execution-apis conformance vectors ({@code <method>/<case>.io}) for the methods that
 * need only blocks and transactions, answered over the fixtures' chain and compared with the
 * expected response exactly (member order aside). One dynamic test per exchange.
 */
class ExecutionApisSpecTest {
  /** Methods the fixture chain can answer: no receipts and no state behind them. */
  private static final Set<String> METHODS =
      Set.of(
          "eth_getBlockByNumber",
          "eth_getBlockByHash",
          "eth_getBlockTransactionCountByHash",
          "eth_getBlockTransactionCountByNumber",
          "eth_getTransactionByBlockHashAndIndex",
          "eth_getTransactionByBlockNumberAndIndex",
          "eth_getTransactionByHash",
          "eth_chainId",
          "eth_blockNumber",
          "eth_syncing",
          "eth_blobBaseFee",
          "net_version",
          "debug_getRawBlock",
          "debug_getRawHeader",
          "debug_getRawTransaction");

  private static RpcApi api;

  @TestFactory
  Stream<DynamicTest> fixtures() throws Exception {
    return Fixtures.dynamicTests(
        "execution-apis/tests",
        tests -> {
          FixtureChain chain = new FixtureChain(tests);
          api =
              new RpcApi(
                  RpcServerConfig.of(Rpc.options()),
                  new RpcBackend(chain, chain, chain, chain, () -> 0),
                  TimeProvider.SYSTEM);
          List<DynamicTest> cases = new ArrayList<>();
          for (String method : METHODS.stream().sorted().toList()) {
            Path dir = tests.resolve(method);
            if (!Files.isDirectory(dir)) {
              continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
              for (Path file : files.sorted().toList()) {
                cases.addAll(exchanges(method + "/" + file.getFileName(), file));
              }
            }
          }
          return cases.stream();
        });
  }

  private static List<DynamicTest> exchanges(String name, Path file) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    boolean specOnly = lines.stream().anyMatch(l -> l.startsWith("// speconly"));
    List<DynamicTest> tests = new ArrayList<>();
    String request = null;
    for (String line : lines) {
      if (line.startsWith(">> ")) {
        request = line.substring(3);
      } else if (line.startsWith("<< ") && request != null) {
        String sent = request;
        JsonNode expected = Json.parse(line.substring(3));
        tests.add(
            DynamicTest.dynamicTest(
                name + (tests.isEmpty() ? "" : " #" + (tests.size() + 1)),
                () -> {
                  JsonNode actual =
                      Json.parse(
                          api.processor()
                              .process(sent.getBytes(StandardCharsets.UTF_8), RpcConnection.HTTP)
                              .orElseThrow());
                  if (specOnly) {
                    assertThat(actual.has("error")).isEqualTo(expected.has("error"));
                  } else {
                    assertThat(actual).isEqualTo(expected);
                  }
                }));
        request = null;
      }
    }
    return tests;
  }

  @AfterAll
  static void close() {
    if (api != null) {
      api.close();
    }
  }
}
