package org.megaeth.cli;

import io.micrometer.core.instrument.MeterRegistry;
import org.megaeth.config.ConfigException;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.spec.ChainSpec;
import org.megaeth.core.service.ServiceController;

/**
 * Builds the services of one role, in start order, from the options and the chain; their meters go
 * to {@code meters}, the node's one registry.
 */
@FunctionalInterface
interface RoleFactory {
  ServiceController create(NodeOptions options, ChainSpec chain, MeterRegistry meters)
      throws ConfigException;
}
