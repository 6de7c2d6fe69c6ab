package org.megaeth.cli;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.megaeth.config.Role;

/**
 * The composition root's table of roles. A role appears here once its module can run; until then
 * the CLI says it is not built yet rather than pretending to start it.
 */
final class Roles {
  private static final Map<Role, RoleFactory> FACTORIES = new EnumMap<>(Role.class);

  static {
    FACTORIES.put(Role.SEQUENCER, new SequencerRoleFactory());
  }

  private Roles() {}

  static Optional<RoleFactory> factoryFor(Role role) {
    return Optional.ofNullable(FACTORIES.get(role));
  }
}
