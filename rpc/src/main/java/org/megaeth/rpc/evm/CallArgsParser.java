package org.megaeth.rpc.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.tx.AccessListEntry;
import org.megaeth.core.tx.Authorization;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.params.HexParser;
import org.megaeth.rpc.params.ParamException;

/** Parses a call's transaction object, with geth's rules and words. */
public final class CallArgsParser {
  private CallArgsParser() {}

  public static CallArgs parse(JsonNode node) throws ParamException {
    if (!node.isObject()) {
      throw new ParamException(
          "json: cannot unmarshal non-object into Go value of type ethapi.TransactionArgs");
    }
    Optional<Address> from = Optional.empty();
    Optional<Address> to = Optional.empty();
    Optional<Long> gas = Optional.empty();
    Optional<Wei> gasPrice = Optional.empty();
    Optional<Wei> maxFee = Optional.empty();
    Optional<Wei> tip = Optional.empty();
    Optional<Wei> blobFee = Optional.empty();
    Optional<Wei> value = Optional.empty();
    Optional<Bytes> data = Optional.empty();
    Optional<Bytes> input = Optional.empty();
    Optional<List<AccessListEntry>> accessList = Optional.empty();
    Optional<List<Hash>> blobHashes = Optional.empty();
    Optional<List<Authorization>> authorizations = Optional.empty();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode v = field.getValue();
      if (v.isNull()) {
        continue;
      }
      String name = field.getKey();
      try {
        switch (name) {
          case "from" -> from = Optional.of(HexParser.address(v));
          case "to" -> to = Optional.of(HexParser.address(v));
          case "gas" -> gas = Optional.of(HexParser.uint64(v));
          case "gasPrice" -> gasPrice = Optional.of(Wei.of(HexParser.uint256(v)));
          case "maxFeePerGas" -> maxFee = Optional.of(Wei.of(HexParser.uint256(v)));
          case "maxPriorityFeePerGas" -> tip = Optional.of(Wei.of(HexParser.uint256(v)));
          case "maxFeePerBlobGas" -> blobFee = Optional.of(Wei.of(HexParser.uint256(v)));
          case "value" -> value = Optional.of(Wei.of(HexParser.uint256(v)));
          case "data" -> data = Optional.of(HexParser.data(v));
          case "input" -> input = Optional.of(HexParser.data(v));
          case "accessList" -> accessList = Optional.of(accessList(v));
          case "blobVersionedHashes" -> blobHashes = Optional.of(hashes(v));
          case "authorizationList" -> authorizations = Optional.of(authorizations(v));
          case "nonce" -> HexParser.uint64(v);
          case "chainId", "type" -> HexParser.uint256(v);
          default -> {
            // geth ignores unknown fields (blobs, commitments, proofs are not needed for a call).
          }
        }
      } catch (ParamException e) {
        throw new ParamException(name + ": " + e.getMessage());
      }
    }
    if (data.isPresent() && input.isPresent() && !data.equals(input)) {
      throw new ParamException(
          "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass"
              + " transaction call data");
    }
    if (gasPrice.isPresent() && (maxFee.isPresent() || tip.isPresent())) {
      throw new ParamException(
          "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    if (maxFee.isPresent() && tip.isPresent() && maxFee.get().compareTo(tip.get()) < 0) {
      throw new ParamException(
          "maxFeePerGas (%s) < maxPriorityFeePerGas (%s)"
              .formatted(maxFee.get().value(), tip.get().value()));
    }
    return new CallArgs(
        from,
        to,
        gas,
        gasPrice,
        maxFee,
        tip,
        blobFee,
        value,
        input.isPresent() ? input : data,
        accessList,
        blobHashes,
        authorizations);
  }

  private static List<AccessListEntry> accessList(JsonNode v) throws ParamException {
    if (!v.isArray()) {
      throw new ParamException("access list must be an array");
    }
    List<AccessListEntry> list = new ArrayList<>();
    for (JsonNode entry : v) {
      if (!entry.isObject() || !entry.has("address")) {
        throw new ParamException("access list entry needs an address");
      }
      Address address = HexParser.address(entry.get("address"));
      JsonNode keys = entry.get("storageKeys");
      list.add(
          new AccessListEntry(address, keys == null || keys.isNull() ? List.of() : hashes(keys)));
    }
    return list;
  }

  private static List<Hash> hashes(JsonNode v) throws ParamException {
    if (!v.isArray()) {
      throw new ParamException("must be an array of hashes");
    }
    List<Hash> hashes = new ArrayList<>();
    for (JsonNode h : v) {
      hashes.add(HexParser.hash(h));
    }
    return hashes;
  }

  private static List<Authorization> authorizations(JsonNode v) throws ParamException {
    if (!v.isArray()) {
      throw new ParamException("authorization list must be an array");
    }
    List<Authorization> list = new ArrayList<>();
    for (JsonNode a : v) {
      if (!a.isObject()) {
        throw new ParamException("authorization must be an object");
      }
      long yParity = HexParser.uint64(required(a, "yParity"));
      if (yParity > 0xFF) {
        throw new ParamException("yParity must fit a byte");
      }
      list.add(
          new Authorization(
              HexParser.uint256(required(a, "chainId")),
              HexParser.address(required(a, "address")),
              HexParser.uint64(required(a, "nonce")),
              (int) yParity,
              HexParser.uint256(required(a, "r")),
              HexParser.uint256(required(a, "s"))));
    }
    return list;
  }

  private static JsonNode required(JsonNode object, String field) throws ParamException {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      throw new ParamException("missing " + field);
    }
    return v;
  }
}
