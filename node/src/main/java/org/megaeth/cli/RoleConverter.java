package org.megaeth.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.megaeth.config.Role;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --role} case-insensitively and names the valid roles when the value is wrong. */
final class RoleConverter implements ITypeConverter<Role> {
  static final String VALID_ROLES =
      Arrays.stream(Role.values())
          .map(r -> r.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));

  @Override
  public Role convert(String value) {
    try {
      return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a role; valid roles are " + VALID_ROLES);
    }
  }
}
