package org.megaeth.rpc.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.params.BlockParameters;
import org.megaeth.rpc.params.HexParser;
import org.megaeth.rpc.params.ParamException;

/** Parses the JSON filter object, with geth's error words. */
public final class FilterSpecParser {
  private FilterSpecParser() {}

  public static FilterSpec parse(JsonNode node) throws ParamException {
    if (!node.isObject()) {
      throw new ParamException(
          "json: cannot unmarshal " + node.getNodeType().name().toLowerCase() + " into filter");
    }
    Optional<Hash> blockHash = Optional.empty();
    Optional<BlockParameter> from = Optional.empty();
    Optional<BlockParameter> to = Optional.empty();
    Set<Address> addresses = Set.of();
    List<Set<Hash>> topics = List.of();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      switch (field.getKey()) {
        case "blockHash" -> blockHash = Optional.of(HexParser.hash(value));
        case "fromBlock" -> from = Optional.of(blockNumberOrTag(value));
        case "toBlock" -> to = Optional.of(blockNumberOrTag(value));
        case "address" -> addresses = addresses(value);
        case "topics" -> topics = topics(value);
        default -> {
          // geth ignores unknown fields of the filter object; so do we.
        }
      }
    }
    if (blockHash.isPresent() && (from.isPresent() || to.isPresent())) {
      throw new ParamException(
          "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
    }
    return new FilterSpec(blockHash, from, to, new LogFilter(addresses, topics));
  }

  private static BlockParameter blockNumberOrTag(JsonNode value) throws ParamException {
    BlockParameter block = BlockParameters.parse(value);
    if (block instanceof BlockParameter.ByHash) {
      throw new ParamException("fromBlock and toBlock take a number or a tag, not a hash");
    }
    return block;
  }

  private static Set<Address> addresses(JsonNode value) throws ParamException {
    if (value.isArray()) {
      Set<Address> set = new LinkedHashSet<>();
      for (JsonNode a : value) {
        set.add(address(a));
      }
      return set;
    }
    return Set.of(address(value));
  }

  private static Address address(JsonNode value) throws ParamException {
    try {
      return HexParser.address(value);
    } catch (ParamException e) {
      throw new ParamException("invalid address: " + e.getMessage());
    }
  }

  private static List<Set<Hash>> topics(JsonNode value) throws ParamException {
    if (!value.isArray()) {
      throw new ParamException("invalid topics: must be an array");
    }
    if (value.size() > LogFilter.MAX_TOPICS) {
      throw new ParamException("exceed max topics");
    }
    List<Set<Hash>> topics = new ArrayList<>();
    for (JsonNode position : value) {
      if (position.isNull()) {
        topics.add(Set.of());
      } else if (position.isArray()) {
        Set<Hash> any = new HashSet<>();
        for (JsonNode topic : position) {
          if (topic.isNull()) {
            // A null inside an OR list matches anything at this position.
            any = null;
            break;
          }
          any.add(topic(topic));
        }
        topics.add(any == null ? Set.of() : any);
      } else {
        topics.add(Set.of(topic(position)));
      }
    }
    return topics;
  }

  private static Hash topic(JsonNode value) throws ParamException {
    try {
      return HexParser.hash(value);
    } catch (ParamException e) {
      throw new ParamException("invalid topic(s)");
    }
  }
}
