package org.megaeth.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes options as a TOML config file that {@link ConfigLoader} reads back to the same options:
 * top-level keys first, then one table per section, each key under a comment saying what it does.
 * For {@code megaeth-node config dump} and for a starting template.
 */
public final class ConfigWriter {
  private ConfigWriter() {}

  public static String toToml(NodeOptions options) {
    Map<String, List<Option<?>>> byTable = new LinkedHashMap<>();
    for (Option<?> option : OptionKeys.ALL) {
      byTable.computeIfAbsent(option.table(), t -> new ArrayList<>()).add(option);
    }
    StringBuilder out = new StringBuilder("# megaeth-node configuration\n");
    for (Map.Entry<String, List<Option<?>>> table : byTable.entrySet()) {
      if (!table.getKey().isEmpty()) {
        out.append("\n[").append(table.getKey()).append("]\n");
      }
      for (Option<?> option : table.getValue()) {
        out.append("\n# ").append(option.description()).append('\n');
        Optional<String> value = option.toToml(options);
        if (value.isPresent()) {
          out.append(option.name()).append(" = ").append(value.get()).append('\n');
        } else {
          out.append("# ").append(option.name()).append(" = (not set)\n");
        }
      }
    }
    return out.toString();
  }
}
