package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.Params;

/** The filter or subscription id argument: a string. */
final class FilterIds {
  private FilterIds() {}

  static String parse(Params params) throws JsonRpcException {
    JsonNode id = params.required(0);
    if (!id.isTextual()) {
      throw Params.invalid(0, "json: cannot unmarshal non-string into Go value of type rpc.ID");
    }
    return id.asText();
  }
}
