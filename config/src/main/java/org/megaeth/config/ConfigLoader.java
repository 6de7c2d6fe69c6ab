package org.megaeth.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the node's TOML config file: kebab-case keys, grouped in tables by section.
 *
 * <pre>
 * role = "sequencer"
 * data-dir = "/var/lib/megaeth"
 *
 * [rpc]
 * port = 8545
 * namespaces = ["eth", "net", "web3", "debug"]
 * </pre>
 *
 * <p>Unknown keys are errors (a typo must not pass silently), as are values of the wrong type or
 * out of range. Relative paths are taken from the working directory, as on the command line. Every
 * message is one line and names the file, the line where it can be found, and the key: {@code
 * /etc/megaeth/node.toml:7: rpc.port must be between 1 and 65535, got 70000}.
 */
public final class ConfigLoader {
  private static final TomlMapper TOML = new TomlMapper();

  private ConfigLoader() {}

  /**
   * The file's options over the defaults, validated. Use {@link #read} instead when CLI values
   * still have to be applied, since a rule between two options may only hold after them.
   *
   * @throws ConfigException when the file is missing, unreadable, not TOML, or has an unknown key
   *     or a bad value
   */
  public static NodeOptions load(Path file) throws ConfigException {
    String text = readFile(file);
    NodeOptions.Builder builder = parse(text, file.toString());
    NodeOptions options = builder.buildUnchecked();
    List<NodeOptions.Problem> problems = OptionKeys.validate(options);
    if (!problems.isEmpty()) {
      NodeOptions.Problem first = problems.getFirst();
      throw new ConfigException(
          located(file.toString(), TomlLines.index(text).lineOf(first.key()), first.message()));
    }
    return options;
  }

  /**
   * A builder holding the defaults with the file's values applied, each checked on its own; the
   * caller applies CLI overrides and calls {@link NodeOptions.Builder#build()}.
   */
  public static NodeOptions.Builder read(Path file) throws ConfigException {
    return parse(readFile(file), file.toString());
  }

  /**
   * {@link #read} for TOML text already in memory; {@code source} names it in messages.
   *
   * @throws ConfigException for TOML syntax errors, unknown keys and bad values
   */
  public static NodeOptions.Builder parse(String toml, String source) throws ConfigException {
    JsonNode root;
    try {
      root = TOML.readTree(toml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(syntaxMessage(source, e), e);
    }
    NodeOptions.Builder builder = NodeOptions.builder();
    if (root == null || root.isMissingNode()) {
      return builder; // an empty file: all defaults
    }
    TomlLines lines = TomlLines.index(toml);
    apply(builder, root, "", source, lines);
    return builder;
  }

  private static void apply(
      NodeOptions.Builder builder, JsonNode table, String prefix, String source, TomlLines lines)
      throws ConfigException {
    for (Map.Entry<String, JsonNode> field : table.properties()) {
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      Optional<Option<?>> option = OptionKeys.find(key);
      if (option.isPresent()) {
        try {
          option.get().applyToml(builder, value);
        } catch (InvalidValueException e) {
          throw new ConfigException(located(source, lines.lineOf(key), key + " " + e.getMessage()));
        }
      } else if (OptionKeys.TABLES.contains(key)) {
        if (!value.isObject()) {
          throw new ConfigException(
              located(
                  source,
                  lines.lineOf(key),
                  key + " must be a table ([" + key + "]), got " + ValueType.describe(value)));
        }
        apply(builder, value, key, source, lines);
      } else if (value.isObject()) {
        throw new ConfigException(
            located(source, lines.lineOf(key), OptionKeys.unknownTableMessage(key)));
      } else {
        throw new ConfigException(
            located(source, lines.lineOf(key), OptionKeys.unknownKeyMessage(key)));
      }
    }
  }

  private static String readFile(Path file) throws ConfigException {
    if (Files.isDirectory(file)) {
      throw new ConfigException("config file " + file + " is a directory");
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + " not found", e);
    } catch (AccessDeniedException e) {
      throw new ConfigException("config file " + file + " is not readable (permission denied)", e);
    } catch (CharacterCodingException e) {
      throw new ConfigException("config file " + file + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String syntaxMessage(String source, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String problem = oneLine(e.getOriginalMessage());
    if (location == null || location.getLineNr() <= 0) {
      return source + ": TOML syntax error: " + problem;
    }
    return source
        + ":"
        + location.getLineNr()
        + ": TOML syntax error at column "
        + location.getColumnNr()
        + ": "
        + problem;
  }

  static String located(String source, Optional<Integer> line, String message) {
    return line.map(n -> source + ":" + n + ": " + message).orElse(source + ": " + message);
  }

  private static String oneLine(String message) {
    return message == null ? "malformed TOML" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
