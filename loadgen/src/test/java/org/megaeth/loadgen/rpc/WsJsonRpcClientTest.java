package org.megaeth.loadgen.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket client against a server on a loopback socket that speaks RFC 6455 by hand, so each
 * test can answer as a node may (batches out of order, messages in fragments, pings) or as it
 * should not (closing, refusing the upgrade).
 */
class WsJsonRpcClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the server does with each request message it reads. */
  @FunctionalInterface
  private interface Conversation {
    void onRequest(JsonNode request, ServerSide server) throws IOException;
  }

  private ServerSocket listener;
  private Thread serverThread;
  private WsJsonRpcClient client;

  private URI serve(Conversation conversation) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serverThread =
        new Thread(
            () -> {
              try (Socket socket = listener.accept()) {
                ServerSide server = new ServerSide(socket);
                if (!server.acceptUpgrade()) {
                  return;
                }
                for (String text = server.readText(); text != null; text = server.readText()) {
                  conversation.onRequest(JSON.readTree(text), server);
                }
              } catch (IOException e) {
                // The test is over, or the client went away.
              }
            });
    serverThread.setDaemon(true);
    serverThread.start();
    return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/");
  }

  private WsJsonRpcClient connect(Conversation conversation) throws IOException {
    client = WsJsonRpcClient.connect(serve(conversation), 1, Duration.ofSeconds(10));
    return client;
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (listener != null) {
      listener.close();
      serverThread.join(2000);
    }
  }

  private static ObjectNode result(JsonNode request, String value) {
    ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
    response.set("id", request.get("id"));
    response.put("result", value);
    return response;
  }

  @Test
  void shouldReturnTheResultOfACall() throws Exception {
    connect((request, server) -> server.sendText(result(request, "0x539").toString()));
    RpcResponse response = client.call("eth_chainId", List.of()).get(5, TimeUnit.SECONDS);
    assertThat(((RpcResponse.Result) response).value().asText()).isEqualTo("0x539");
  }

  @Test
  void shouldPutABatchAnsweredInReverseBackInTheOrderOfItsCalls() throws Exception {
    connect(
        (request, server) -> {
          ArrayNode responses = JSON.createArrayNode();
          for (int i = request.size() - 1; i >= 0; i--) {
            JsonNode call = request.get(i);
            responses.add(result(call, call.get("params").get(0).asText()));
          }
          server.sendText(responses.toString());
        });
    List<RpcCall> calls =
        IntStream.range(0, 64).mapToObj(i -> RpcCall.of(100 + i, "m", List.of("v" + i))).toList();
    List<RpcResponse> responses = client.sendBatch(RpcBatch.of(calls)).get(5, TimeUnit.SECONDS);
    assertThat(responses).extracting(RpcResponse::id).containsExactlyElementsOf(ids(calls));
    assertThat(((RpcResponse.Result) responses.get(63)).value().asText()).isEqualTo("v63");
  }

  @Test
  void shouldFailABatchWhoseAnswerLeavesACallOut() throws Exception {
    connect(
        (request, server) ->
            server.sendText(JSON.createArrayNode().add(result(request.get(0), "a")).toString()));
    RpcBatch batch =
        RpcBatch.of(List.of(RpcCall.of(1, "m", List.of()), RpcCall.of(2, "m", List.of())));
    assertThatThrownBy(() -> client.sendBatch(batch).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("left request 2 of a batch unanswered");
  }

  @Test
  void shouldJoinAFragmentedAnswerAndAnswerPingsMeanwhile() throws Exception {
    connect(
        (request, server) -> {
          byte[] text =
              result(request, "x".repeat(70_000)).toString().getBytes(StandardCharsets.UTF_8);
          int half = text.length / 2;
          server.writeFrame(false, 0x1, text, 0, half);
          server.writeFrame(true, 0x9, "are you there".getBytes(StandardCharsets.UTF_8), 0, 13);
          server.writeFrame(true, 0x0, text, half, text.length - half);
          assertThat(server.readFrame().opcode()).isEqualTo(0xA); // the pong
        });
    RpcResponse response = client.call("m", List.of()).get(5, TimeUnit.SECONDS);
    assertThat(((RpcResponse.Result) response).value().asText()).hasSize(70_000);
  }

  @Test
  void shouldFailWhatIsInFlightWithTheReasonWhenTheServerCloses() throws Exception {
    connect((request, server) -> server.close(1008, "too slow"));
    assertThatThrownBy(() -> client.call("m", List.of()).get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("closed the WebSocket (1008 too slow)");
  }

  @Test
  void shouldSayWhyWhenTheServerRefusesTheUpgrade() throws Exception {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serverThread =
        new Thread(
            () -> {
              try (Socket socket = listener.accept()) {
                new ServerSide(socket).refuse("403 Forbidden");
              } catch (IOException e) {
                // The test is over.
              }
            });
    serverThread.start();
    URI endpoint = URI.create("ws://127.0.0.1:" + listener.getLocalPort());
    assertThatThrownBy(() -> WsJsonRpcClient.connect(endpoint, 1, Duration.ofSeconds(5)))
        .isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("refused the WebSocket upgrade: HTTP/1.1 403 Forbidden");
  }

  @Test
  void shouldSayTheEndpointCannotBeReachedWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there now
    }
    URI endpoint = URI.create("ws://127.0.0.1:" + port);
    assertThatThrownBy(() -> WsJsonRpcClient.connect(endpoint, 1, Duration.ofSeconds(5)))
        .isInstanceOf(RpcTransportException.class)
        .hasMessage(
            "cannot connect to " + endpoint + " (is the node running and listening there?)");
  }

  @Test
  void shouldComputeTheHandshakeAcceptAsRfc6455Says() {
    // The example of RFC 6455, section 1.3.
    assertThat(WebSocketConnection.expectedAccept("dGhlIHNhbXBsZSBub25jZQ=="))
        .isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  private static List<Long> ids(List<RpcCall> calls) {
    List<Long> ids = new ArrayList<>();
    calls.forEach(call -> ids.add(call.id()));
    return ids;
  }

  /** A frame as read off the wire, unmasked. */
  private record Frame(boolean fin, int opcode, byte[] payload) {}

  /** The server's end of one connection. */
  private static final class ServerSide {
    private final DataInputStream in;
    private final OutputStream out;
    private final Socket socket;

    ServerSide(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new DataInputStream(socket.getInputStream());
      this.out = socket.getOutputStream();
    }

    /** Reads the upgrade request and accepts it; false when it was not one. */
    boolean acceptUpgrade() throws IOException {
      String key = null;
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        if (line.toLowerCase().startsWith("sec-websocket-key:")) {
          key = line.substring(line.indexOf(':') + 1).trim();
        }
      }
      if (key == null) {
        return false;
      }
      out.write(
          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: "
                  + WebSocketConnection.expectedAccept(key)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      return true;
    }

    void refuse(String status) throws IOException {
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        // the request's headers
      }
      out.write(
          ("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
    }

    /** The next text message's text (a client's frames are masked); null once the client closes. */
    String readText() throws IOException {
      Frame frame = readFrame();
      while (frame.opcode() != 0x1) {
        if (frame.opcode() == 0x8) {
          return null;
        }
        frame = readFrame();
      }
      assertThat(frame.fin()).isTrue();
      return new String(frame.payload(), StandardCharsets.UTF_8);
    }

    Frame readFrame() throws IOException {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      assertThat(second & 0x80).as("a client's frame is masked").isNotZero();
      long length = second & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] key = new byte[4];
      in.readFully(key);
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= key[i & 3];
      }
      return new Frame((first & 0x80) != 0, first & 0x0F, payload);
    }

    void sendText(String text) throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      writeFrame(true, 0x1, bytes, 0, bytes.length);
    }

    /** An unmasked frame, as a server sends. */
    void writeFrame(boolean fin, int opcode, byte[] data, int offset, int length)
        throws IOException {
      out.write((fin ? 0x80 : 0) | opcode);
      if (length < 126) {
        out.write(length);
      } else if (length <= 0xFFFF) {
        out.write(126);
        out.write(length >>> 8);
        out.write(length & 0xFF);
      } else {
        out.write(127);
        for (int i = 7; i >= 0; i--) {
          out.write((int) ((long) length >>> (8 * i)) & 0xFF);
        }
      }
      out.write(data, offset, length);
      out.flush();
    }

    void close(int code, String reason) throws IOException {
      byte[] text = reason.getBytes(StandardCharsets.UTF_8);
      byte[] payload = new byte[2 + text.length];
      payload[0] = (byte) (code >>> 8);
      payload[1] = (byte) code;
      System.arraycopy(text, 0, payload, 2, text.length);
      writeFrame(true, 0x8, payload, 0, payload.length);
      socket.close();
    }

    private static String readLine(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }
  }
}
