package org.megaeth.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
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

  /** What one file gave: kept small so that no test JSON outlives its file's run. */
  private record FileOutcome(int passed, List<String> failures) {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StateTestRunner runner;
    List<Path[]> files = new ArrayList<>(); // {base, file}
    try {
      runner = StateTestRunner.forFixtureFork(fork);
      for (Path path : paths) {
        for (Path file : StateTestLoader.files(path)) {
          files.add(new Path[] {path, file});
        }
      }
    } catch (StateTestException e) {
      err.println("megaeth-node statetest: " + e.getMessage());
      return MegaethNode.EXIT_FAILURE;
    }
    int parallelism = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    List<FileOutcome> outcomes;
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, parallelism));
    try {
      outcomes =
          pool.submit(() -> files.parallelStream().map(f -> runFile(runner, f[0], f[1])).toList())
              .get();
    } catch (ExecutionException e) {
      err.println("megaeth-node statetest: internal error: " + e.getCause());
      return MegaethNode.EXIT_FAILURE;
    } finally {
      pool.shutdownNow();
    }
    int passed = 0;
    int failed = 0;
    for (FileOutcome outcome : outcomes) {
      passed += outcome.passed();
      failed += outcome.failures().size();
      outcome.failures().forEach(out::println);
    }
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? MegaethNode.EXIT_OK : MegaethNode.EXIT_FAILURE;
  }

  private FileOutcome runFile(StateTestRunner runner, Path base, Path file) {
    List<StateTestCase> cases;
    try {
      cases = StateTestLoader.cases(base, file, fork);
    } catch (StateTestException e) {
      return new FileOutcome(0, List.of("FAIL " + e.getMessage()));
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
    return new FileOutcome(passed, failures);
  }
}
