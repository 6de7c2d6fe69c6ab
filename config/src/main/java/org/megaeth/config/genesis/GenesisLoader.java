package org.megaeth.config.genesis;

import static org.megaeth.config.genesis.GenesisJson.address;
import static org.megaeth.config.genesis.GenesisJson.bytes;
import static org.megaeth.config.genesis.GenesisJson.field;
import static org.megaeth.config.genesis.GenesisJson.hash;
import static org.megaeth.config.genesis.GenesisJson.object;
import static org.megaeth.config.genesis.GenesisJson.required;
import static org.megaeth.config.genesis.GenesisJson.uint256;
import static org.megaeth.config.genesis.GenesisJson.uint64;
import static org.megaeth.config.genesis.GenesisJson.word;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.config.ConfigException;
import org.megaeth.config.genesis.GenesisJson.BadField;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * Reads a geth-format {@code genesis.json}. Fields this node does not use (geth's files carry many:
 * {@code ethash}, {@code clique}, {@code depositContractAddress}, {@code bpo1Time}, an account's
 * {@code secretKey}, ...) are ignored; a malformed value of a field it does use is an error naming
 * the file and the JSON path: {@code genesis.json: alloc.0x7156...f7.balance: not a number: "12x"}.
 */
public final class GenesisLoader {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          // A key given twice is a mistake; geth would silently keep the last one.
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private GenesisLoader() {}

  /**
   * Reads and checks a genesis file.
   *
   * @throws ConfigException when the file is missing, not JSON, or has a malformed or inconsistent
   *     value; the message names the file and the JSON path
   */
  public static Genesis load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("genesis file " + file + " not found", e);
    } catch (AccessDeniedException e) {
      throw new ConfigException("genesis file " + file + " is not readable (permission denied)", e);
    } catch (IOException e) {
      throw new ConfigException("cannot read genesis file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** {@link #load} for JSON already in memory; {@code source} names it in messages. */
  public static Genesis parse(String json, String source) throws ConfigException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConfigException(syntaxMessage(source, e), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ConfigException(source + ": the file is empty");
    }
    try {
      return read(object(root, "(top level)"));
    } catch (BadField e) {
      throw new ConfigException(source + ": " + e.path() + ": " + e.getMessage());
    }
  }

  private static Genesis read(JsonNode root) {
    JsonNode config = object(required(root, "config", "config"), "config");
    Optional<UInt256> ttd =
        field(config, GethForks.TTD).map(n -> uint256(n, "config." + GethForks.TTD));
    ChainConfig chainConfig = new ChainConfig(chainId(config), forks(config, ttd));
    return new Genesis(
        chainConfig,
        ttd,
        blobSchedule(config),
        alloc(root),
        optionalLong(root, "nonce").orElse(0L),
        optionalLong(root, "timestamp").orElse(0L),
        field(root, "extraData").map(n -> bytes(n, "extraData")).orElse(Bytes.EMPTY),
        uint64(required(root, "gasLimit", "gasLimit"), "gasLimit"),
        // geth requires difficulty; a missing one can only mean zero (post-merge).
        field(root, "difficulty").map(n -> uint256(n, "difficulty")).orElse(UInt256.ZERO),
        field(root, "mixHash").map(n -> hash(n, "mixHash")).orElse(Hash.ZERO),
        field(root, "coinbase").map(n -> address(n, "coinbase")).orElse(Address.ZERO),
        optionalLong(root, "number").orElse(0L),
        optionalLong(root, "gasUsed").orElse(0L),
        field(root, "parentHash").map(n -> hash(n, "parentHash")).orElse(Hash.ZERO),
        field(root, "baseFeePerGas").map(n -> Wei.of(uint256(n, "baseFeePerGas"))),
        optionalLong(root, "excessBlobGas"),
        optionalLong(root, "blobGasUsed"));
  }

  private static long chainId(JsonNode config) {
    long chainId = uint64(required(config, "chainId", "config.chainId"), "config.chainId");
    if (chainId == 0) {
      throw new BadField("config.chainId", "must be positive, got 0");
    }
    return chainId;
  }

  private static ForkSchedule forks(JsonNode config, Optional<UInt256> ttd) {
    Map<Fork, Long> byBlock = new EnumMap<>(Fork.class);
    Map<Fork, Long> byTime = new EnumMap<>(Fork.class);
    for (GethForks.Entry entry : GethForks.ENTRIES) {
      optionalLong(config, entry.field(), "config." + entry.field())
          .ifPresent(at -> (entry.byTimestamp() ? byTime : byBlock).put(entry.fork(), at));
    }
    spuriousDragon(config, byBlock);
    // geth: without petersburgBlock, Petersburg comes with Constantinople.
    if (!byBlock.containsKey(Fork.PETERSBURG) && byBlock.containsKey(Fork.CONSTANTINOPLE)) {
      byBlock.put(Fork.PETERSBURG, byBlock.get(Fork.CONSTANTINOPLE));
    }
    // A chain that starts merged gives terminalTotalDifficulty 0 and no mergeNetsplitBlock.
    if (!byBlock.containsKey(Fork.PARIS) && ttd.filter(UInt256::isZero).isPresent()) {
      byBlock.put(Fork.PARIS, 0L);
    }
    checkOrder(byBlock, byTime);
    return new ForkSchedule(byBlock, byTime);
  }

  /** This node activates EIP-155 and EIP-158 together; a file that splits them is refused. */
  private static void spuriousDragon(JsonNode config, Map<Fork, Long> byBlock) {
    Optional<Long> eip155 =
        optionalLong(config, GethForks.EIP155_BLOCK, "config." + GethForks.EIP155_BLOCK);
    Long eip158 = byBlock.get(Fork.SPURIOUS_DRAGON);
    if (eip155.isPresent() && eip158 != null && !eip155.get().equals(eip158)) {
      throw new BadField(
          "config.eip158Block",
          eip158
              + " differs from config.eip155Block ("
              + eip155.get()
              + "); this node activates both at once (Spurious Dragon)");
    }
    if (eip158 == null && eip155.isPresent()) {
      byBlock.put(Fork.SPURIOUS_DRAGON, eip155.get());
    }
  }

  /** geth's CheckConfigForkOrder: no fork without its predecessors, and none before them. */
  private static void checkOrder(Map<Fork, Long> byBlock, Map<Fork, Long> byTime) {
    Fork missing = null;
    Fork previousBlockFork = null;
    Fork previousTimeFork = null;
    for (GethForks.Entry entry : GethForks.ENTRIES) {
      Map<Fork, Long> map = entry.byTimestamp() ? byTime : byBlock;
      Long at = map.get(entry.fork());
      if (at == null) {
        if (missing == null) {
          missing = entry.fork();
        }
        continue;
      }
      String path = "config." + entry.field();
      if (missing != null) {
        String hint = missing == Fork.PARIS ? " (or terminalTotalDifficulty = 0)" : "";
        throw new BadField(
            path,
            "is set but config."
                + GethForks.of(missing).field()
                + hint
                + " is not; forks must activate in order");
      }
      Fork previous = entry.byTimestamp() ? previousTimeFork : previousBlockFork;
      if (previous != null && at < map.get(previous)) {
        throw new BadField(
            path,
            at
                + " is before config."
                + GethForks.of(previous).field()
                + " ("
                + map.get(previous)
                + "); forks must activate in order");
      }
      if (entry.byTimestamp()) {
        previousTimeFork = entry.fork();
      } else {
        previousBlockFork = entry.fork();
      }
    }
  }

  private static Map<String, BlobParams> blobSchedule(JsonNode config) {
    Map<String, BlobParams> schedule = new TreeMap<>();
    Optional<JsonNode> node = field(config, "blobSchedule");
    if (node.isEmpty()) {
      return schedule;
    }
    object(node.get(), "config.blobSchedule");
    for (Map.Entry<String, JsonNode> entry : node.get().properties()) {
      String path = "config.blobSchedule." + entry.getKey();
      JsonNode params = object(entry.getValue(), path);
      long target = uint64(required(params, "target", path + ".target"), path + ".target");
      long max = uint64(required(params, "max", path + ".max"), path + ".max");
      long fraction =
          uint64(
              required(params, "baseFeeUpdateFraction", path + ".baseFeeUpdateFraction"),
              path + ".baseFeeUpdateFraction");
      if (max < target) {
        throw new BadField(path + ".max", max + " is below target (" + target + ")");
      }
      if (fraction == 0) {
        throw new BadField(path + ".baseFeeUpdateFraction", "must be positive, got 0");
      }
      schedule.put(entry.getKey().toLowerCase(Locale.ROOT), new BlobParams(target, max, fraction));
    }
    return schedule;
  }

  private static Map<Address, GenesisAccount> alloc(JsonNode root) {
    Map<Address, GenesisAccount> alloc = new TreeMap<>();
    Optional<JsonNode> node = field(root, "alloc");
    if (node.isEmpty()) {
      return alloc;
    }
    object(node.get(), "alloc");
    Map<Address, String> writtenAs = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.get().properties()) {
      String path = "alloc." + entry.getKey();
      Address address = address(entry.getKey(), path);
      String earlier = writtenAs.putIfAbsent(address, entry.getKey());
      if (earlier != null) {
        throw new BadField(path, "the same account as alloc." + earlier);
      }
      alloc.put(address, account(object(entry.getValue(), path), path));
    }
    return alloc;
  }

  private static GenesisAccount account(JsonNode account, String path) {
    Map<UInt256, UInt256> storage = new TreeMap<>();
    Optional<JsonNode> storageNode = field(account, "storage");
    if (storageNode.isPresent()) {
      object(storageNode.get(), path + ".storage");
      for (Map.Entry<String, JsonNode> slot : storageNode.get().properties()) {
        String slotPath = path + ".storage." + slot.getKey();
        UInt256 key = word(slot.getKey(), slotPath);
        if (storage.put(key, word(slot.getValue(), slotPath)) != null) {
          throw new BadField(slotPath, "the same slot is given twice");
        }
      }
    }
    return new GenesisAccount(
        field(account, "balance").map(n -> Wei.of(uint256(n, path + ".balance"))).orElse(Wei.ZERO),
        optionalLong(account, "nonce", path + ".nonce").orElse(0L),
        field(account, "code").map(n -> bytes(n, path + ".code")).orElse(Bytes.EMPTY),
        storage);
  }

  private static Optional<Long> optionalLong(JsonNode object, String name) {
    return optionalLong(object, name, name);
  }

  private static Optional<Long> optionalLong(JsonNode object, String name, String path) {
    return field(object, name).map(n -> uint64(n, path));
  }

  private static String syntaxMessage(String source, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String problem =
        e.getOriginalMessage() == null
            ? "malformed JSON"
            : e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ").strip();
    if (location == null || location.getLineNr() <= 0) {
      return source + ": malformed JSON: " + problem;
    }
    return source
        + ":"
        + location.getLineNr()
        + ": malformed JSON at column "
        + location.getColumnNr()
        + ": "
        + problem;
  }
}
