package org.megaeth.rpc.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one Jackson setup of the rpc module. Requests are read into {@link JsonNode}s; responses are
 * nodes built by explicit code, except the large hot objects (receipts, transactions, blocks,
 * logs), which are {@linkplain #streamed streamed}: explicit code writes them straight into the
 * generator when the response is serialized. Either way no reflection decides what goes on the
 * wire.
 */
public final class Json {
  /** Nesting deeper than this is no JSON-RPC request; refusing it bounds the parser's stack. */
  private static final int MAX_NESTING_DEPTH = 64;

  /**
   * Requests run on virtual threads, a new one per request, so Jackson's default buffer pool (one
   * per thread, in a ThreadLocal) never reuses a buffer: each request allocated fresh 8-16 KB read
   * and write buffers and a recycler for them, and serializing was a quarter of the request
   * threads' time under load (JFR, {@code BufferRecycler.releaseCharBuffer}). A shared pool that
   * any thread takes from and returns to fixes that ({@link RecyclerSlots}).
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .recyclerPool(new RecyclerSlots())
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                  .build())
          .build();

  /** Writes any node; the serializer is found once, not per response. */
  private static final ObjectWriter WRITER = MAPPER.writerFor(JsonNode.class);

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
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code node} as UTF-8 JSON. Not {@code writeValueAsBytes}: that collects the output in a pooled
   * builder, copies it out, and hands the builder's block back to the pool, and under load the
   * hand-back alone was 3-5% of the request threads (JFR, {@code
   * BufferRecycler.releaseByteBuffer}). The generator's own buffer holds a whole response of up to
   * 8 KB; {@link ExactBytes} takes it in one write into an array of exactly its size, which is the
   * result.
   */
  public static byte[] toBytes(JsonNode node) {
    ExactBytes out = new ExactBytes();
    try {
      WRITER.writeValue(out, node);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
    return out.toByteArray();
  }

  public static String toString(JsonNode node) {
    return new String(toBytes(node), StandardCharsets.UTF_8);
  }

  /**
   * What a streamed value writes. It runs each time the value is serialized (a value in a filter's
   * changes or sent to several subscribers is written more than once), so it must only read
   * immutable data.
   */
  @FunctionalInterface
  public interface StreamedValue {
    void writeTo(JsonWriter out) throws IOException;
  }

  /**
   * A node that {@code value} writes straight into the generator when it is serialized, instead of
   * a tree built first and walked after. It can sit anywhere in a tree (a response's {@code
   * result}, an array of filter changes); read it back as a tree only in tests ({@link #toTree}).
   */
  public static JsonNode streamed(StreamedValue value) {
    return new POJONode(new Streamed(value));
  }

  /** {@code node} with every streamed value in it turned into an ordinary tree. */
  public static JsonNode toTree(JsonNode node) {
    try {
      return parse(toBytes(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a serialized tree always parses", e);
    }
  }

  /**
   * Collects a serializer's output; when it arrives in one write (a response that fits the
   * generator's buffer), the array of that write is the result, copied once and never again.
   */
  private static final class ExactBytes extends OutputStream {
    private static final byte[] EMPTY = new byte[0];

    private byte[] bytes = EMPTY;
    private int size;

    @Override
    public void write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    private void ensure(int more) {
      int needed = size + more;
      if (needed > bytes.length) {
        // The first write gets an array of exactly its size; later ones grow it by half or more.
        int capacity = size == 0 ? needed : Math.max(needed, bytes.length + (bytes.length >> 1));
        bytes = Arrays.copyOf(bytes, capacity);
      }
    }

    byte[] toByteArray() {
      return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
  }

  /** Jackson calls {@link JsonSerializable#serialize} for a POJO node's value of this type. */
  private record Streamed(StreamedValue value) implements JsonSerializable {
    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
      value.writeTo(new JsonWriter(gen));
    }

    @Override
    public void serializeWithType(
        JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
        throws IOException {
      serialize(gen, serializers);
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
