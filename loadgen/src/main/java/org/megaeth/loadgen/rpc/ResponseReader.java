package org.megaeth.loadgen.rpc;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON-RPC responses straight off Jackson's parser. The load's answers come tens of thousands
 * a second, and the tool shares the machine's cores with the node it measures: a result that is a
 * string (a transaction hash) is read without building a tree of the whole message first.
 */
final class ResponseReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What one message held.
   *
   * @param batch whether the message was an array, a batch's answer
   * @param responses the responses with a numeric id, in the message's order; objects without one
   *     (subscription notifications, an error about a request the node could not read) are left out
   */
  record Message(boolean batch, List<RpcResponse> responses) {}

  private ResponseReader() {}

  static Message read(byte[] utf8) throws IOException {
    try (JsonParser parser = JSON.createParser(utf8)) {
      return read(parser);
    }
  }

  private static Message read(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_OBJECT) {
      RpcResponse response = readObject(parser);
      end(parser);
      return new Message(false, response == null ? List.of() : List.of(response));
    }
    if (first != JsonToken.START_ARRAY) {
      throw new JsonParseException(parser, "not a JSON-RPC response: neither object nor array");
    }
    List<RpcResponse> responses = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == JsonToken.START_OBJECT) {
        RpcResponse response = readObject(parser);
        if (response != null) {
          responses.add(response);
        }
      } else {
        parser.skipChildren(); // not a response object: nothing to match it to
      }
    }
    end(parser);
    return new Message(true, responses);
  }

  private static void end(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "text after the JSON-RPC response");
    }
  }

  /** The response object whose start the parser is at, or null when it has no numeric id. */
  private static RpcResponse readObject(JsonParser parser) throws IOException {
    long id = 0;
    boolean hasId = false;
    JsonNode result = null;
    JsonNode error = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "id" -> {
          hasId =
              value == JsonToken.VALUE_NUMBER_INT
                  && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
          id = hasId ? parser.getLongValue() : 0;
        }
        case "result" -> result = readValue(parser, value);
        case "error" -> error = readValue(parser, value);
        default -> parser.skipChildren();
      }
    }
    if (!hasId) {
      return null;
    }
    if (error != null && !error.isNull()) {
      return new RpcResponse.Error(
          id,
          error.path("code").asInt(),
          error.path("message").asText(""),
          error.has("data") ? error.get("data") : NullNode.getInstance());
    }
    return new RpcResponse.Result(id, result == null ? NullNode.getInstance() : result);
  }

  private static JsonNode readValue(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_STRING -> TextNode.valueOf(parser.getText());
      case VALUE_NULL -> NullNode.getInstance();
      default -> parser.readValueAsTree();
    };
  }
}
