package org.megaeth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.megaeth.config.ConfigException;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.config.genesis.GenesisAccount;
import org.megaeth.config.genesis.GenesisLoader;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.frame.MessageResult;
import org.megaeth.evm.run.BytecodeRunner;
import org.megaeth.evm.state.InMemoryWorldState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code megaeth-node evm run --code HEX|@FILE}: runs bytecode as geth's {@code evm run} and revm's
 * {@code revme} do and prints the output, gas used and error; {@code --bench N} repeats the run N
 * times after a warm-up and prints the mean time per run, so the interpreter can be timed from
 * outside against other EVMs on the same bytecode.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs EVM bytecode and prints its output, gas used and error.")
final class EvmRunCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--code",
      required = true,
      paramLabel = "HEX|@FILE",
      description = "the bytecode, as hex or @file holding hex")
  private String code;

  @Option(names = "--input", paramLabel = "HEX", description = "call data (default: none)")
  private String input = "0x";

  @Option(
      names = "--gas",
      paramLabel = "N",
      description = "gas limit of the call (default: ${DEFAULT-VALUE})")
  private long gas = 10_000_000_000L;

  @Option(
      names = "--prestate",
      paramLabel = "GENESIS.json",
      description = "geth-format genesis whose alloc is the state the code runs against")
  private Path prestate;

  @Option(
      names = "--fork",
      paramLabel = "FORK",
      description = "Cancun or Prague (default: ${DEFAULT-VALUE})")
  private String fork = "Cancun";

  @Option(
      names = "--bench",
      paramLabel = "N",
      description = "repeat the run N times after a warm-up and print the mean time per run")
  private int bench;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BytecodeRunner runner;
    byte[] callData;
    try {
      Fork evmFork =
          Fork.fromTestName(fork)
              .orElseThrow(() -> new IllegalArgumentException("unknown fork \"" + fork + "\""));
      callData = Hex.decodeLenient(input.strip());
      runner = new BytecodeRunner(evmFork, prestate(), Hex.decodeLenient(readCode()));
    } catch (ConfigException | IOException | IllegalArgumentException e) { // incl. bad hex
      err.println("megaeth-node evm run: " + e.getMessage());
      return MegaethNode.EXIT_FAILURE;
    }
    if (gas <= 0 || bench < 0) {
      err.println("megaeth-node evm run: --gas must be positive and --bench not negative");
      return MegaethNode.EXIT_USAGE;
    }
    BytecodeRunner.Outcome outcome = runner.run(callData, gas);
    MessageResult result = outcome.result();
    out.println("output: " + Hex.encode(result.output()));
    out.println("gas used: " + outcome.gasUsed());
    if (!result.isSuccess()) {
      out.println(
          "error: "
              + (result.isRevert()
                  ? "execution reverted"
                  : result
                      .haltReason()
                      .map(r -> r.name().toLowerCase().replace('_', ' '))
                      .orElse("failed")));
    }
    if (bench > 0) {
      // Warm-up lets the JIT compile the interpreter before the timed runs.
      int warmup = Math.max(bench / 10, Math.min(bench, 1_000));
      for (int i = 0; i < warmup; i++) {
        runner.run(callData, gas);
      }
      long start = System.nanoTime();
      for (int i = 0; i < bench; i++) {
        runner.run(callData, gas);
      }
      double meanMicros = (System.nanoTime() - start) / 1_000.0 / bench;
      out.printf(
          "execution time: %.3f µs per run (mean of %d runs after %d warm-up runs)%n",
          meanMicros, bench, warmup);
    }
    out.flush();
    return MegaethNode.EXIT_OK;
  }

  private String readCode() throws IOException {
    if (code.startsWith("@")) {
      Path file = Path.of(code.substring(1));
      if (!Files.isRegularFile(file)) {
        throw new IOException("code file " + file + " not found");
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
    return code.strip();
  }

  private InMemoryWorldState prestate() throws ConfigException {
    InMemoryWorldState world = new InMemoryWorldState();
    if (prestate == null) {
      return world;
    }
    Genesis genesis = GenesisLoader.load(prestate);
    for (Map.Entry<Address, GenesisAccount> entry : genesis.alloc().entrySet()) {
      GenesisAccount account = entry.getValue();
      world.putAccount(
          entry.getKey(),
          account.nonce(),
          account.balance().value(),
          account.code().toArray(),
          account.storage());
    }
    world.commitTransaction();
    return world;
  }
}
