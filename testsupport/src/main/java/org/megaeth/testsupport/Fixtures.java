package org.megaeth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Finds the conformance fixtures (ethereum/tests, execution-apis). The build passes their location
 * as {@code -Dmegaeth.fixtures} (default: {@code ../shared/fixtures} beside the repository). Where
 * they are absent, as on a user's fresh clone, reference tests are skipped with a message saying
 * where to get them, and everything else still runs.
 */
public final class Fixtures {
  public static final String PROPERTY = "megaeth.fixtures";

  private static final String HOW_TO_GET =
      "conformance fixtures not found at %s; to run the reference tests, put a checkout of"
          + " ethereum/tests (commit 4c87ebbf, the v14.1 trees) at <fixtures>/ethereum-tests and"
          + " ethereum/execution-apis at <fixtures>/execution-apis, with <fixtures> ="
          + " ../shared/fixtures beside this repository or set -D"
          + PROPERTY
          + "=<fixtures>";

  private Fixtures() {}

  /** The fixtures root, when it exists. */
  public static Optional<Path> root() {
    String configured = System.getProperty(PROPERTY);
    Path root =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("..", "..", "shared", "fixtures");
    return Files.isDirectory(root)
        ? Optional.of(root.toAbsolutePath().normalize())
        : Optional.empty();
  }

  /** Builds dynamic tests from a fixtures folder; may throw, e.g. on I/O. */
  @FunctionalInterface
  public interface TestsFromFolder {
    Stream<DynamicTest> build(Path folder) throws Exception;
  }

  /**
   * The dynamic tests {@code build} makes from the folder {@code relative}, or, when it is missing,
   * one skipped test whose reason says where to get the fixtures. (An assumption failing inside a
   * {@code @TestFactory} itself would hide the reason: Surefire reports nothing at all.)
   */
  public static Stream<DynamicTest> dynamicTests(String relative, TestsFromFolder build)
      throws Exception {
    Path folder = expected(relative);
    if (!Files.exists(folder)) {
      String reason = HOW_TO_GET.formatted(folder);
      return Stream.of(
          DynamicTest.dynamicTest(
              relative + " (fixtures missing)", () -> Assumptions.abort(reason)));
    }
    return build.build(folder);
  }

  /**
   * The folder {@code relative} under the fixtures root; skips the calling test (JUnit assumption)
   * with a message saying where to get the fixtures when it is missing.
   */
  public static Path require(String relative) {
    Path expected = expected(relative);
    Assumptions.assumeTrue(Files.exists(expected), () -> HOW_TO_GET.formatted(expected));
    return expected;
  }

  private static Path expected(String relative) {
    return root()
        .map(r -> r.resolve(relative))
        .orElse(Path.of(System.getProperty(PROPERTY, "../shared/fixtures"), relative));
  }
}
