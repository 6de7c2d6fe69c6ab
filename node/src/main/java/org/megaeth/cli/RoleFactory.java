package org.megaeth.cli;

import org.megaeth.config.ConfigException;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.spec.ChainSpec;
import org.megaeth.core.service.ServiceController;

/** Builds the services of one role, in start order, from the options and the chain. */
@FunctionalInterface
interface RoleFactory {
  ServiceController create(NodeOptions options, ChainSpec chain) throws ConfigException;
}
