package org.megaeth.rpc.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one Jackson setup of the rpc module. Only the tree model is used: requests are read into
 * {@link JsonNode}s and responses are built as nodes by explicit code, so no reflection decides
 * what goes on the wire.
 */
public final class Json {
  /** Nesting deeper than this is no JSON-RPC request; refusing it bounds the parser's stack. */
  private static final int MAX_NESTING_DEPTH = 64;

  /**
   * Requests run on virtual threads, a new one per request, so Jackson's default buffer pool (one
   * per thread, in a ThreadLocal) never reuses a buffer: each request allocated fresh 8-16 KB read
   * and write buffers and a recycler for them, and serializing was a quarter of the request
   * threads' time under load (JFR, {@code BufferRecycler.releaseCharBuffer}). A shared pool that
   * any thread takes from and returns to is what Jackson provides for virtual threads.
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                  .build())
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /**
   * Parses one JSON document.
   *
   * @throws JsonProcessingException when it is not valid JSON (or trailing content follows)
   */
  public static JsonNode parse(byte[] bytes) throws JsonProcessingException {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new com.fasterxml.jackson.core.JsonParseException(null, "empty document");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      // Reading a byte array does no I/O; any other IOException is a parse failure too.
      throw new com.fasterxml.jackson.core.JsonParseException(null, e.getMessage());
    }
  }

  public static JsonNode parse(String text) throws JsonProcessingException {
    return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static byte[] toBytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }

  public static String toString(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  public static JsonNode text(String value) {
    return NODES.textNode(value);
  }

  public static JsonNode bool(boolean value) {
    return NODES.booleanNode(value);
  }

  public static JsonNode nullNode() {
    return NODES.nullNode();
  }
}
