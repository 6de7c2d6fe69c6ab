package org.megaeth.cli;

import picocli.CommandLine.Command;

/** {@code megaeth-node evm ...}: tools around the EVM alone. */
@Command(
    name = "evm",
    mixinStandardHelpOptions = true,
    description = "EVM tools: 'evm run' executes bytecode.",
    subcommands = {EvmRunCommand.class})
final class EvmCommand {}
