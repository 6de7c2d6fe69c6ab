package org.megaeth.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the line each key of a TOML file is written on, for error messages. Jackson's TOML reader
 * builds a tree without locations, so this reads the text again. It understands what config files
 * use (tables, dotted and quoted keys, comments, multi-line strings and arrays) and is best effort:
 * when it cannot place a key, the message simply has no line.
 */
final class TomlLines {
  private final Map<String, Integer> lines;

  private TomlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  static TomlLines index(String text) {
    Map<String, Integer> lines = new HashMap<>();
    List<String> table = List.of();
    String multiLineDelimiter = null;
    String[] rows = text.split("\r?\n", -1);
    for (int n = 0; n < rows.length; n++) {
      String row = rows[n];
      int lineNumber = n + 1;
      if (multiLineDelimiter != null) {
        if (count(row, multiLineDelimiter) % 2 == 1) {
          multiLineDelimiter = null;
        }
        continue;
      }
      String line = row.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        boolean array = line.startsWith("[[");
        int close = line.indexOf(array ? "]]" : "]");
        if (close > 0) {
          Optional<List<String>> name = parseKey(line.substring(array ? 2 : 1, close));
          if (name.isPresent()) {
            table = name.get();
            record(lines, table, List.of(), lineNumber);
          }
        }
        continue;
      }
      int equals = topLevelEquals(line);
      if (equals < 0) {
        continue; // a continuation line of a multi-line array or inline table
      }
      Optional<List<String>> key = parseKey(line.substring(0, equals));
      if (key.isPresent()) {
        record(lines, table, key.get(), lineNumber);
      }
      String value = line.substring(equals + 1);
      for (String delimiter : new String[] {"\"\"\"", "'''"}) {
        if (count(value, delimiter) % 2 == 1) {
          multiLineDelimiter = delimiter;
        }
      }
    }
    return new TomlLines(lines);
  }

  /** The line of {@code key}, or of the nearest enclosing table or key that has one. */
  Optional<Integer> lineOf(String key) {
    String current = key;
    while (true) {
      Integer line = lines.get(current);
      if (line != null) {
        return Optional.of(line);
      }
      int dot = current.lastIndexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      current = current.substring(0, dot);
    }
  }

  private static void record(
      Map<String, Integer> lines, List<String> table, List<String> key, int lineNumber) {
    List<String> full = new ArrayList<>(table);
    full.addAll(key);
    // Each prefix too, so "rpc" of "rpc.port = 1" has a line; the first mention wins.
    for (int i = 1; i <= full.size(); i++) {
      lines.putIfAbsent(String.join(".", full.subList(0, i)), lineNumber);
    }
  }

  /** A dotted key as its parts: {@code rpc . "port"} is [rpc, port]. */
  private static Optional<List<String>> parseKey(String text) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    String s = text.strip();
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          return Optional.empty();
        }
        parts.add(s.substring(i + 1, end));
        i = end + 1;
      } else {
        int end = i;
        while (end < s.length() && s.charAt(end) != '.') {
          end++;
        }
        String bare = s.substring(i, end).strip();
        if (bare.isEmpty()) {
          return Optional.empty();
        }
        parts.add(bare);
        i = end;
      }
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i < s.length()) {
        if (s.charAt(i) != '.') {
          return Optional.empty();
        }
        i++;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(parts);
  }

  /** The index of the first {@code =} outside quotes, or -1. */
  private static int topLevelEquals(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '=') {
        return i;
      } else if (c == '#') {
        return -1;
      }
    }
    return -1;
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      count++;
    }
    return count;
  }
}
