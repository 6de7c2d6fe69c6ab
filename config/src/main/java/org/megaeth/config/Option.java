package org.megaeth.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One configurable value: its dotted key, what it does, its type, and where it lives in {@link
 * NodeOptions} and its builder. The TOML loader, the CLI overrides, validation, the config writer
 * and the docs all go through this one table ({@link OptionKeys}), so they cannot disagree.
 */
record Option<T>(
    String key,
    String description,
    ValueType<T> type,
    Function<NodeOptions, T> getter,
    BiConsumer<NodeOptions.Builder, T> setter) {

  void applyToml(NodeOptions.Builder builder, JsonNode node) {
    T value = type.fromToml(node);
    type.check(value);
    setter.accept(builder, value);
  }

  void applyString(NodeOptions.Builder builder, String text) {
    T value = type.fromString(text);
    type.check(value);
    setter.accept(builder, value);
  }

  /** The problem with this option's value in {@code options}, as a full message. */
  Optional<String> problem(NodeOptions options) {
    try {
      type.check(getter.apply(options));
      return Optional.empty();
    } catch (InvalidValueException e) {
      return Optional.of(key + " " + e.getMessage());
    }
  }

  String format(NodeOptions options) {
    return type.format(getter.apply(options));
  }

  Optional<String> toToml(NodeOptions options) {
    return type.toToml(getter.apply(options));
  }

  /** The TOML table the key lives in ({@code "rpc"}), or empty for a top-level key. */
  String table() {
    int dot = key.lastIndexOf('.');
    return dot < 0 ? "" : key.substring(0, dot);
  }

  /** The key inside its table ({@code "port"}). */
  String name() {
    return key.substring(key.lastIndexOf('.') + 1);
  }
}
