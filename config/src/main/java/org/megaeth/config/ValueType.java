package org.megaeth.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.megaeth.core.types.Address;
import org.megaeth.core.util.HexFormatException;

/**
 * How one kind of option value is read from TOML and from a CLI string, checked, and written back.
 * Every method that rejects a value throws {@link InvalidValueException} with a problem phrased to
 * follow the key ("must be an integer, got ...").
 */
interface ValueType<T> {
  T fromToml(JsonNode node);

  T fromString(String text);

  /** Range and format rules that hold however the value arrived (file, CLI or typed builder). */
  default void check(T value) {}

  /** The value as the CLI takes it back ({@link #fromString} of this gives the value again). */
  String format(T value);

  /** The value as a TOML literal; empty when there is nothing to write (an unset optional). */
  Optional<String> toToml(T value);

  /** Adds a rule; {@code rule} returns the problem, or empty when the value is fine. */
  default ValueType<T> where(Function<T, Optional<String>> rule) {
    return new Checked<>(this, rule);
  }

  static ValueType<Integer> integer(int min, int max) {
    return new IntType(min, max);
  }

  static ValueType<Long> longInteger(long min, long max) {
    return new LongType(min, max);
  }

  static ValueType<Boolean> bool() {
    return new BoolType();
  }

  /** A non-blank string without surrounding whitespace. */
  static ValueType<String> text() {
    return new TextType();
  }

  static ValueType<Path> path() {
    return new PathType();
  }

  static ValueType<Address> address() {
    return new AddressType();
  }

  /** A duration written as an integer number of milliseconds. */
  static ValueType<Duration> millis(long min, long max) {
    return new MillisType(new LongType(min, max));
  }

  /**
   * An enum written in lower case with dashes ({@code "fullnode"}, {@code "tangerine-whistle"}).
   */
  static <E extends Enum<E>> ValueType<E> enumeration(Class<E> type) {
    return new EnumType<>(type);
  }

  static <E> ValueType<List<E>> list(ValueType<E> element) {
    return new ListType<>(element);
  }

  static <E extends Enum<E>> ValueType<Set<E>> enumSet(
      Class<E> type, Function<List<E>, Set<E>> copy) {
    ListType<E> list = new ListType<>(new EnumType<>(type));
    return new ValueType<>() {
      @Override
      public Set<E> fromToml(JsonNode node) {
        return copy.apply(list.fromToml(node));
      }

      @Override
      public Set<E> fromString(String text) {
        return copy.apply(list.fromString(text));
      }

      @Override
      public String format(Set<E> value) {
        return list.format(List.copyOf(value));
      }

      @Override
      public Optional<String> toToml(Set<E> value) {
        return list.toToml(List.copyOf(value));
      }
    };
  }

  /** An optional value; an empty string (in TOML or on the CLI) means "not set". */
  static <E> ValueType<Optional<E>> optional(ValueType<E> element) {
    return new OptionalType<>(element);
  }

  /** How a TOML value is named in messages: {@code "a string \"x\""}, {@code "a table"}. */
  static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "a string " + quote(node.textValue());
    }
    if (node.isBoolean()) {
      return "a boolean " + node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return "an integer " + node.asText();
    }
    if (node.isNumber()) {
      return "a float " + node.asText();
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "a table";
    }
    return node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  static String quote(String s) {
    String shown = s.length() > 80 ? s.substring(0, 77) + "..." : s;
    return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** A TOML basic string. */
  static String tomlString(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String requireString(JsonNode node, String what) {
    if (!node.isTextual()) {
      throw new InvalidValueException("must be " + what + ", got " + describe(node));
    }
    return node.textValue();
  }

  record Checked<T>(ValueType<T> base, Function<T, Optional<String>> rule) implements ValueType<T> {
    @Override
    public T fromToml(JsonNode node) {
      return base.fromToml(node);
    }

    @Override
    public T fromString(String text) {
      return base.fromString(text);
    }

    @Override
    public void check(T value) {
      base.check(value);
      rule.apply(value)
          .ifPresent(
              problem -> {
                throw new InvalidValueException(problem);
              });
    }

    @Override
    public String format(T value) {
      return base.format(value);
    }

    @Override
    public Optional<String> toToml(T value) {
      return base.toToml(value);
    }
  }

  record LongType(long min, long max) implements ValueType<Long> {
    @Override
    public Long fromToml(JsonNode node) {
      if (!node.isIntegralNumber()) {
        throw new InvalidValueException("must be an integer, got " + describe(node));
      }
      if (!node.canConvertToLong()) {
        throw outOfRange(node.asText());
      }
      return node.longValue();
    }

    @Override
    public Long fromString(String text) {
      String digits = text.strip().replace("_", "");
      if (!digits.matches("[+-]?[0-9]+")) {
        throw new InvalidValueException("must be an integer, got " + quote(text));
      }
      BigInteger value = new BigInteger(digits);
      if (value.bitLength() > 63) {
        throw outOfRange(value.toString());
      }
      return value.longValue();
    }

    @Override
    public void check(Long value) {
      if (value < min || value > max) {
        throw outOfRange(value.toString());
      }
    }

    private InvalidValueException outOfRange(String value) {
      if (max == Long.MAX_VALUE) {
        return new InvalidValueException("must be at least " + min + ", got " + value);
      }
      return new InvalidValueException("must be between " + min + " and " + max + ", got " + value);
    }

    @Override
    public String format(Long value) {
      return value.toString();
    }

    @Override
    public Optional<String> toToml(Long value) {
      return Optional.of(value.toString());
    }
  }

  record IntType(int min, int max) implements ValueType<Integer> {
    private LongType wide() {
      return new LongType(min, max);
    }

    @Override
    public Integer fromToml(JsonNode node) {
      long value = wide().fromToml(node);
      wide().check(value);
      return (int) value;
    }

    @Override
    public Integer fromString(String text) {
      long value = wide().fromString(text);
      wide().check(value);
      return (int) value;
    }

    @Override
    public void check(Integer value) {
      wide().check((long) value);
    }

    @Override
    public String format(Integer value) {
      return value.toString();
    }

    @Override
    public Optional<String> toToml(Integer value) {
      return Optional.of(value.toString());
    }
  }

  record MillisType(LongType millis) implements ValueType<Duration> {
    @Override
    public Duration fromToml(JsonNode node) {
      return Duration.ofMillis(millis.fromToml(node));
    }

    @Override
    public Duration fromString(String text) {
      return Duration.ofMillis(millis.fromString(text));
    }

    @Override
    public void check(Duration value) {
      millis.check(value.toMillis());
    }

    @Override
    public String format(Duration value) {
      return Long.toString(value.toMillis());
    }

    @Override
    public Optional<String> toToml(Duration value) {
      return Optional.of(format(value));
    }
  }

  record BoolType() implements ValueType<Boolean> {
    @Override
    public Boolean fromToml(JsonNode node) {
      if (!node.isBoolean()) {
        throw new InvalidValueException("must be true or false, got " + describe(node));
      }
      return node.booleanValue();
    }

    @Override
    public Boolean fromString(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new InvalidValueException("must be true or false, got " + quote(text));
      };
    }

    @Override
    public String format(Boolean value) {
      return value.toString();
    }

    @Override
    public Optional<String> toToml(Boolean value) {
      return Optional.of(value.toString());
    }
  }

  record TextType() implements ValueType<String> {
    @Override
    public String fromToml(JsonNode node) {
      return requireString(node, "a string");
    }

    @Override
    public String fromString(String text) {
      return text;
    }

    @Override
    public void check(String value) {
      if (value.isBlank()) {
        throw new InvalidValueException("must not be empty");
      }
      if (!value.equals(value.strip())) {
        throw new InvalidValueException("must not start or end with spaces, got " + quote(value));
      }
    }

    @Override
    public String format(String value) {
      return value;
    }

    @Override
    public Optional<String> toToml(String value) {
      return Optional.of(tomlString(value));
    }
  }

  record PathType() implements ValueType<Path> {
    @Override
    public Path fromToml(JsonNode node) {
      return fromString(requireString(node, "a path string"));
    }

    @Override
    public Path fromString(String text) {
      if (text.isBlank()) {
        throw new InvalidValueException("must not be empty");
      }
      try {
        return Path.of(text);
      } catch (InvalidPathException e) {
        throw new InvalidValueException("is not a valid path: " + e.getMessage());
      }
    }

    @Override
    public String format(Path value) {
      return value.toString();
    }

    @Override
    public Optional<String> toToml(Path value) {
      return Optional.of(tomlString(value.toString()));
    }
  }

  record AddressType() implements ValueType<Address> {
    @Override
    public Address fromToml(JsonNode node) {
      return fromString(requireString(node, "an address string"));
    }

    @Override
    public Address fromString(String text) {
      String hex = text.strip();
      if (!hex.startsWith("0x") && !hex.startsWith("0X")) {
        throw new InvalidValueException("must be a 0x-prefixed address, got " + quote(text));
      }
      try {
        return Address.fromHex(hex);
      } catch (HexFormatException e) {
        throw new InvalidValueException("is not a valid address: " + e.getMessage());
      }
    }

    @Override
    public String format(Address value) {
      return value.toChecksumString();
    }

    @Override
    public Optional<String> toToml(Address value) {
      return Optional.of(tomlString(value.toChecksumString()));
    }
  }

  record EnumType<E extends Enum<E>>(Class<E> type) implements ValueType<E> {
    @Override
    public E fromToml(JsonNode node) {
      return fromString(requireString(node, "a string"));
    }

    @Override
    public E fromString(String text) {
      String wanted = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(wanted)) {
          return constant;
        }
      }
      throw new InvalidValueException(
          "must be one of " + String.join(", ", names()) + "; got " + quote(text));
    }

    private List<String> names() {
      return Arrays.stream(type.getEnumConstants()).map(this::format).toList();
    }

    @Override
    public String format(E value) {
      return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Optional<String> toToml(E value) {
      return Optional.of(tomlString(format(value)));
    }
  }

  record ListType<E>(ValueType<E> element) implements ValueType<List<E>> {
    @Override
    public List<E> fromToml(JsonNode node) {
      if (!node.isArray()) {
        throw new InvalidValueException("must be an array, got " + describe(node));
      }
      List<E> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        try {
          out.add(element.fromToml(node.get(i)));
        } catch (InvalidValueException e) {
          throw new InvalidValueException("item " + (i + 1) + " " + e.getMessage());
        }
      }
      return List.copyOf(out);
    }

    @Override
    public List<E> fromString(String text) {
      List<E> out = new ArrayList<>();
      String[] items = text.split(",", -1);
      for (int i = 0; i < items.length; i++) {
        String item = items[i].strip();
        if (item.isEmpty()) {
          continue;
        }
        try {
          out.add(element.fromString(item));
        } catch (InvalidValueException e) {
          throw new InvalidValueException("item " + (i + 1) + " " + e.getMessage());
        }
      }
      return List.copyOf(out);
    }

    @Override
    public void check(List<E> value) {
      for (int i = 0; i < value.size(); i++) {
        try {
          element.check(value.get(i));
        } catch (InvalidValueException e) {
          throw new InvalidValueException("item " + (i + 1) + " " + e.getMessage());
        }
      }
    }

    @Override
    public String format(List<E> value) {
      return value.stream().map(element::format).collect(Collectors.joining(","));
    }

    @Override
    public Optional<String> toToml(List<E> value) {
      return Optional.of(
          value.stream()
              .map(v -> element.toToml(v).orElseThrow())
              .collect(Collectors.joining(", ", "[", "]")));
    }
  }

  record OptionalType<E>(ValueType<E> element) implements ValueType<Optional<E>> {
    @Override
    public Optional<E> fromToml(JsonNode node) {
      if (node.isTextual() && node.textValue().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(element.fromToml(node));
    }

    @Override
    public Optional<E> fromString(String text) {
      return text.isEmpty() ? Optional.empty() : Optional.of(element.fromString(text));
    }

    @Override
    public void check(Optional<E> value) {
      value.ifPresent(element::check);
    }

    @Override
    public String format(Optional<E> value) {
      return value.map(element::format).orElse("");
    }

    @Override
    public Optional<String> toToml(Optional<E> value) {
      return value.flatMap(element::toToml);
    }
  }
}
