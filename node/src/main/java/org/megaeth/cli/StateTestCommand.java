package org.megaeth.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.megaeth.chain.statetest.StateTestCase;
import org.megaeth.chain.statetest.StateTestException;
import org.megaeth.chain.statetest.StateTestLoader;
import org.megaeth.chain.statetest.StateTestResult;
import org.megaeth.chain.statetest.StateTestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code megaeth-node statetest PATH...}: runs ethereum/tests GeneralStateTests from files or
 * folders, prints every failing case and ends with exactly {@code N passed, M failed}. Exit status
 * 0 only when nothing failed.
 */
@Command(
    name = "statetest",
    mixinStandardHelpOptions = true,
    description = {
      "Runs GeneralStateTests (ethereum/tests layout) and prints each failing case,",
      "then 'N passed, M failed'. Exits 0 only when no case failed."
    })
final class StateTestCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "state test files or folders")
  private List<Path> paths;

  @Option(
      names = "--fork",
      paramLabel = "FORK",
      defaultValue = "Cancun",
      description = "which post[FORK] entries to run (default: ${DEFAULT-VALUE})")
  private String fork;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "files run in parallel (default: the number of cores)")
  private Integer threads;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StateTestRunner runner;
    List<FixtureRun.FixtureFile> files = new ArrayList<>();
    try {
      runner = StateTestRunner.forFixtureFork(fork);
      for (Path path : paths) {
        for (Path file : StateTestLoader.files(path)) {
          files.add(new FixtureRun.FixtureFile(path, file));
        }
      }
    } catch (StateTestException e) {
      err.println("megaeth-node statetest: " + e.getMessage());
      return MegaethNode.EXIT_FAILURE;
    }
    return FixtureRun.run(
        "statetest", files, threads, (base, file) -> runFile(runner, base, file), out, err);
  }

  private FixtureRun.FileOutcome runFile(StateTestRunner runner, Path base, Path file) {
    List<StateTestCase> cases;
    try {
      cases = StateTestLoader.cases(base, file, fork);
    } catch (StateTestException e) {
      return new FixtureRun.FileOutcome(0, List.of("FAIL " + e.getMessage()));
    }
    int passed = 0;
    List<String> failures = new ArrayList<>();
    for (StateTestCase c : cases) {
      StateTestResult result = runner.run(c);
      if (result instanceof StateTestResult.Failed failure) {
        failures.add("FAIL " + c.name() + ": " + failure.reason());
      } else {
        passed++;
      }
    }
    return new FixtureRun.FileOutcome(passed, failures);
  }
}
