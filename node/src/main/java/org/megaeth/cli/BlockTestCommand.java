package org.megaeth.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.megaeth.chain.blocktest.BlockTestCase;
import org.megaeth.chain.blocktest.BlockTestException;
import org.megaeth.chain.blocktest.BlockTestLoader;
import org.megaeth.chain.blocktest.BlockTestResult;
import org.megaeth.chain.blocktest.BlockTestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code megaeth-node blocktest PATH...}: runs ethereum/tests BlockchainTests from files or folders
 * through the node's block executor, prints every failing test and ends with exactly {@code N
 * passed, M failed}. Exit status 0 only when nothing failed.
 */
@Command(
    name = "blocktest",
    mixinStandardHelpOptions = true,
    description = {
      "Runs BlockchainTests (ethereum/tests layout) and prints each failing test,",
      "then 'N passed, M failed'. Exits 0 only when no test failed."
    })
final class BlockTestCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "blockchain test files or folders")
  private List<Path> paths;

  @Option(
      names = "--check-artifacts",
      description =
          "also re-apply each block's state diff to a second state and verify its witness"
              + " statelessly")
  private boolean checkArtifacts;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "files run in parallel (default: the number of cores)")
  private Integer threads;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BlockTestRunner runner = new BlockTestRunner(new BlockTestRunner.Options(checkArtifacts, 0));
    List<FixtureRun.FixtureFile> files = new ArrayList<>();
    try {
      for (Path path : paths) {
        for (Path file : BlockTestLoader.files(path)) {
          files.add(new FixtureRun.FixtureFile(path, file));
        }
      }
    } catch (BlockTestException e) {
      err.println("megaeth-node blocktest: " + e.getMessage());
      return MegaethNode.EXIT_FAILURE;
    }
    return FixtureRun.run(
        "blocktest", files, threads, (base, file) -> runFile(runner, base, file), out, err);
  }

  private static FixtureRun.FileOutcome runFile(BlockTestRunner runner, Path base, Path file) {
    List<BlockTestCase> tests;
    try {
      tests = BlockTestLoader.tests(base, file);
    } catch (BlockTestException e) {
      return new FixtureRun.FileOutcome(0, List.of("FAIL " + e.getMessage()));
    }
    int passed = 0;
    List<String> failures = new ArrayList<>();
    for (BlockTestCase c : tests) {
      if (runner.run(c) instanceof BlockTestResult.Failed failure) {
        failures.add("FAIL " + c.name() + ": " + failure.reason());
      } else {
        passed++;
      }
    }
    return new FixtureRun.FileOutcome(passed, failures);
  }
}
