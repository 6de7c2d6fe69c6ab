package org.megaeth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

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

  /**
   * The folder {@code relative} under the fixtures root; skips the calling test (JUnit assumption)
   * with a message saying where to get the fixtures when it is missing.
   */
  public static Path require(String relative) {
    Optional<Path> root = root();
    Path expected =
        root.map(r -> r.resolve(relative))
            .orElse(Path.of(System.getProperty(PROPERTY, "../shared/fixtures"), relative));
    Assumptions.assumeTrue(Files.exists(expected), () -> HOW_TO_GET.formatted(expected));
    return expected;
  }
}
