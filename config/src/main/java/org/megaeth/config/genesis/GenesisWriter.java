package org.megaeth.config.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;

/**
 * Writes a {@link Genesis} as a geth-format {@code genesis.json} that geth and {@link
 * GenesisLoader} both read back to the same genesis. This is how a dev chain's genesis reaches the
 * full nodes that follow it.
 */
public final class GenesisWriter {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private GenesisWriter() {}

  public static String toJson(Genesis genesis) {
    ObjectNode root = JSON.createObjectNode();
    root.set("config", config(genesis));
    root.put("nonce", quantity(genesis.nonce()));
    root.put("timestamp", quantity(genesis.timestamp()));
    root.put("extraData", genesis.extraData().toHexString());
    root.put("gasLimit", quantity(genesis.gasLimit()));
    root.put("difficulty", genesis.difficulty().toHexString());
    root.put("mixHash", genesis.mixHash().toHexString());
    root.put("coinbase", genesis.coinbase().toHexString());
    root.put("number", quantity(genesis.number()));
    root.put("gasUsed", quantity(genesis.gasUsed()));
    root.put("parentHash", genesis.parentHash().toHexString());
    genesis.baseFeePerGas().ifPresent(fee -> root.put("baseFeePerGas", fee.value().toHexString()));
    genesis.excessBlobGas().ifPresent(v -> root.put("excessBlobGas", quantity(v)));
    genesis.blobGasUsed().ifPresent(v -> root.put("blobGasUsed", quantity(v)));
    ObjectNode alloc = root.putObject("alloc");
    for (Map.Entry<Address, GenesisAccount> entry : genesis.alloc().entrySet()) {
      alloc.set(entry.getKey().toHexString(), account(entry.getValue()));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a JSON tree", e); // a bug: trees always write
    }
  }

  private static ObjectNode config(Genesis genesis) {
    ObjectNode config = JSON.createObjectNode();
    config.put("chainId", genesis.chainId());
    for (GethForks.Entry entry : GethForks.ENTRIES) {
      Optional<Long> at =
          entry.byTimestamp()
              ? genesis.forks().activationTimestamp(entry.fork())
              : genesis.forks().activationBlock(entry.fork());
      if (entry.fork() == Fork.SPURIOUS_DRAGON) {
        at.ifPresent(block -> config.put(GethForks.EIP155_BLOCK, block));
      }
      at.ifPresent(value -> config.put(entry.field(), value));
    }
    genesis
        .terminalTotalDifficulty()
        .ifPresent(ttd -> config.put(GethForks.TTD, ttd.toBigInteger()));
    if (!genesis.blobSchedule().isEmpty()) {
      ObjectNode schedule = config.putObject("blobSchedule");
      genesis
          .blobSchedule()
          .forEach(
              (name, params) ->
                  schedule
                      .putObject(name)
                      .put("target", params.target())
                      .put("max", params.max())
                      .put("baseFeeUpdateFraction", params.baseFeeUpdateFraction()));
    }
    return config;
  }

  private static ObjectNode account(GenesisAccount account) {
    ObjectNode node = JSON.createObjectNode();
    node.put("balance", account.balance().value().toHexString());
    if (account.nonce() != 0) {
      node.put("nonce", quantity(account.nonce()));
    }
    if (!account.code().isEmpty()) {
      node.put("code", account.code().toHexString());
    }
    if (!account.storage().isEmpty()) {
      ObjectNode storage = node.putObject("storage");
      for (Map.Entry<UInt256, UInt256> slot : account.storage().entrySet()) {
        storage.put(word(slot.getKey()), word(slot.getValue()));
      }
    }
    return node;
  }

  private static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  private static String word(UInt256 value) {
    return Hex.encode(value.toBytes32());
  }
}
