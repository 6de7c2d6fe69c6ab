package org.megaeth.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.types.Wei;

class BenchConfigTest {
  @Test
  void shouldAcceptTheDefaults() {
    BenchConfig config = BenchConfig.builder().build();
    assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8545"));
    assertThat(config.method()).isEqualTo(SubmitMethod.SEND);
    assertThat(config.transactions()).isEqualTo(10_000);
  }

  @Test
  void shouldRejectMoreSendersThanTransactionsNamingBothOptions() {
    assertThatThrownBy(() -> BenchConfig.builder().senders(11).transactions(10).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--senders (11)")
        .hasMessageContaining("--transactions (10)");
  }

  @ParameterizedTest
  @CsvSource({
    "concurrency, 0, --concurrency",
    "concurrency, 10001, --concurrency",
    "senders, 0, --senders",
    "transactions, 0, --transactions",
    "transactions, 10000001, --transactions",
    "connections, 0, --connections",
    "batch, 0, --batch",
    "batch, 1001, --batch",
    "receiptSample, -1, --receipt-sample",
  })
  void shouldNameTheOptionOfAnOutOfRangeNumber(String field, int value, String option) {
    BenchConfig.Builder builder = BenchConfig.builder().senders(1).transactions(1);
    switch (field) {
      case "concurrency" -> builder.concurrency(value);
      case "senders" -> builder.senders(value);
      case "transactions" -> builder.transactions(value);
      case "connections" -> builder.connections(value);
      case "batch" -> builder.batch(value).concurrency(2_000);
      case "receiptSample" -> builder.receiptSample(value);
      default -> throw new IllegalArgumentException(field);
    }
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(option);
  }

  @Test
  void shouldRefuseABatchLargerThanWhatMayBeInFlight() {
    assertThatThrownBy(() -> BenchConfig.builder().concurrency(16).batch(32).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--batch (32)")
        .hasMessageContaining("--concurrency (16)");
    assertThat(BenchConfig.builder().concurrency(16).batch(16).build().batch()).isEqualTo(16);
  }

  @Test
  void shouldRejectANegativeOrNonFiniteRate() {
    assertThatThrownBy(() -> BenchConfig.builder().rate(-1).build())
        .hasMessageStartingWith("--rate");
    assertThatThrownBy(() -> BenchConfig.builder().rate(Double.NaN).build())
        .hasMessageStartingWith("--rate");
    assertThatThrownBy(() -> BenchConfig.builder().rate(Double.POSITIVE_INFINITY).build())
        .hasMessageStartingWith("--rate");
  }

  @Test
  void shouldRejectAZeroTimeoutAndAnEmptySeed() {
    assertThatThrownBy(() -> BenchConfig.builder().inclusionTimeout(Duration.ZERO).build())
        .hasMessageStartingWith("--timeout");
    assertThatThrownBy(() -> BenchConfig.builder().seed("").build())
        .hasMessageStartingWith("--seed");
  }

  @Test
  void shouldRejectATipAboveTheFeeCap() {
    assertThatThrownBy(
            () ->
                BenchConfig.builder()
                    .maxFeePerGas(Optional.of(Wei.fromGwei(1)))
                    .maxPriorityFeePerGas(Optional.of(Wei.fromGwei(2)))
                    .build())
        .hasMessageContaining("--priority-fee");
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1:8545", "ftp://host:1", "http://", "not a url", "file:///tmp/x"})
  void shouldRejectEndpointsThatAreNotHttpOrWebSocketUrls(String text) {
    assertThatThrownBy(() -> BenchConfig.parseEndpoint(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--rpc");
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:8545, HTTP, http://127.0.0.1:8545",
    "http://127.0.0.1:8545, WS, ws://127.0.0.1:8545",
    "ws://localhost:9/rpc, HTTP, http://localhost:9/rpc",
    "https://node.example/path, WS, wss://node.example/path",
    "wss://node.example, WS, wss://node.example",
  })
  void shouldSwitchTheSchemeToTheTransportKeepingTls(String rpc, Transport transport, String want) {
    BenchConfig config =
        BenchConfig.builder().rpc(BenchConfig.parseEndpoint(rpc)).transport(transport).build();
    assertThat(config.endpoint()).isEqualTo(URI.create(want));
  }

  @Test
  void shouldInferTheTransportFromTheScheme() {
    assertThat(BenchConfig.transportOf(URI.create("ws://h:1"))).isEqualTo(Transport.WS);
    assertThat(BenchConfig.transportOf(URI.create("WSS://h:1"))).isEqualTo(Transport.WS);
    assertThat(BenchConfig.transportOf(URI.create("http://h:1"))).isEqualTo(Transport.HTTP);
  }

  @ParameterizedTest
  @CsvSource({
    "2, 2000000000",
    "0.5, 500000000",
    "1e-3, 1000000",
    "0.000000001, 1",
    "0, 0",
  })
  void shouldParseGwei(String text, long wei) {
    assertThat(BenchConfig.parseGwei("--gas-price", text)).isEqualTo(Wei.of(wei));
  }

  @ParameterizedTest
  @CsvSource({"abc", "-1", "0.0000000001", "1e40"})
  void shouldRejectGweiThatIsNotAWholeNumberOfWei(String text) {
    assertThatThrownBy(() -> BenchConfig.parseGwei("--gas-price", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--gas-price");
  }
}
