package org.megaeth.loadgen.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Responses read off the parser, and a batch's answers put back in its calls' order. */
class ResponseReaderTest {
  private static final URI NODE = URI.create("ws://127.0.0.1:8545");

  private static ResponseReader.Message read(String text) throws IOException {
    return ResponseReader.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadAStringResultWithItsId() throws IOException {
    ResponseReader.Message message = read("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0xabc\"}");
    assertThat(message.batch()).isFalse();
    assertThat(message.responses()).hasSize(1);
    RpcResponse.Result result = (RpcResponse.Result) message.responses().getFirst();
    assertThat(result.id()).isEqualTo(7);
    assertThat(result.value().asText()).isEqualTo("0xabc");
  }

  @Test
  void shouldReadAnObjectResultWholeWhateverTheOrderOfTheMembers() throws IOException {
    ResponseReader.Message message =
        read(
            "{\"result\":{\"status\":\"0x1\",\"logs\":[{\"data\":\"0x\"}]},\"jsonrpc\":\"2.0\","
                + "\"id\":3}");
    RpcResponse.Result result = (RpcResponse.Result) message.responses().getFirst();
    assertThat(result.id()).isEqualTo(3);
    assertThat(result.value().path("status").asText()).isEqualTo("0x1");
    assertThat(result.value().path("logs").get(0).path("data").asText()).isEqualTo("0x");
  }

  @Test
  void shouldReadANullResultAsJsonNull() throws IOException {
    RpcResponse.Result result =
        (RpcResponse.Result)
            read("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}").responses().getFirst();
    assertThat(result.value().isNull()).isTrue();
  }

  @Test
  void shouldReadAnErrorWithItsCodeMessageAndData() throws IOException {
    RpcResponse response =
        read("{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":3,\"message\":\"execution"
                + " reverted\",\"data\":\"0x08c379a0\"}}")
            .responses()
            .getFirst();
    assertThat(response)
        .isEqualTo(
            new RpcResponse.Error(
                9,
                3,
                "execution reverted",
                com.fasterxml.jackson.databind.node.TextNode.valueOf("0x08c379a0")));
  }

  @Test
  void shouldReadABatchInTheMessagesOrderAndLeaveOutObjectsWithoutANumericId() throws IOException {
    ResponseReader.Message message =
        read(
            "[{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"b\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"x\"}},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":\"a\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"a\"}]");
    assertThat(message.batch()).isTrue();
    assertThat(message.responses()).extracting(RpcResponse::id).containsExactly(2L, 1L);
  }

  @Test
  void shouldLeaveOutASubscriptionNotification() throws IOException {
    ResponseReader.Message message =
        read(
            "{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\","
                + "\"params\":{\"subscription\":\"0x1\",\"result\":{\"number\":\"0x2\"}}}");
    assertThat(message.responses()).isEmpty();
  }

  @Test
  void shouldRejectTextThatIsNotOneJsonValue() {
    assertThatThrownBy(() -> read("\"0x1\"")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> read("{\"id\":1,\"result\":\"a\"} {")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> read("{\"id\":1,")).isInstanceOf(IOException.class);
  }

  @Test
  void shouldPutABatchsAnswersInTheOrderOfItsCalls() {
    RpcBatch batch =
        RpcBatch.of(List.of(RpcCall.of(10, "m", List.of()), RpcCall.of(11, "m", List.of("x"))));
    assertThat(batch.body())
        .isEqualTo(
            "[{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"m\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"m\",\"params\":[\"x\"]}]");
    RpcResponse a = new RpcResponse.Result(10, null);
    RpcResponse b = new RpcResponse.Result(11, null);
    assertThat(batch.inCallOrder(List.of(a, b), NODE)).containsExactly(a, b);
    assertThat(batch.inCallOrder(List.of(b, a), NODE)).containsExactly(a, b);
    assertThatThrownBy(() -> batch.inCallOrder(List.of(b), NODE))
        .isInstanceOf(RpcTransportException.class)
        .hasMessage(NODE + " left request 10 of a batch unanswered");
  }
}
