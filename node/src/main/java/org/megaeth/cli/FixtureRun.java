package org.megaeth.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiFunction;

/**
 * What {@code statetest} and {@code blocktest} share: run fixture files in parallel, print every
 * failure, and end with exactly {@code N passed, M failed}.
 */
final class FixtureRun {
  /** What one file gave: kept small so that no fixture JSON outlives its file's run. */
  record FileOutcome(int passed, List<String> failures) {}

  /** A file to run and the folder (or file) its name is relative to. */
  record FixtureFile(Path base, Path file) {}

  private FixtureRun() {}

  /**
   * @param threads files run at once; null for the number of cores
   * @return the exit status: 0 only when nothing failed
   */
  static int run(
      String command,
      List<FixtureFile> files,
      Integer threads,
      BiFunction<Path, Path, FileOutcome> runFile,
      PrintWriter out,
      PrintWriter err)
      throws InterruptedException {
    int parallelism = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    List<FileOutcome> outcomes;
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, parallelism));
    try {
      outcomes =
          pool.submit(
                  () -> files.parallelStream().map(f -> runFile.apply(f.base(), f.file())).toList())
              .get();
    } catch (ExecutionException e) {
      err.println("megaeth-node " + command + ": internal error: " + e.getCause());
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
}
