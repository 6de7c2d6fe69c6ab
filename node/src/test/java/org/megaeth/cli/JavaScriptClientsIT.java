package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node as dApps meet it: a real {@code megaeth-node --role=sequencer --dev} process driven by
 * the JavaScript clients people use (ethers v6, viem v2) with contracts compiled by solc-js. The
 * suite lives in {@code e2e/js} (see its README): deployments, transfers, ERC-20 and a
 * Uniswap-V2-style pair with swaps, log queries, filters, WebSocket subscriptions, batches, revert
 * reasons and custom errors, transaction errors as the clients classify them, and MegaETH's
 * realtime methods.
 *
 * <p>This test starts the node, installs the pinned npm packages when {@code node_modules} is
 * missing or older than {@code package-lock.json}, runs {@code node --test} with the node's URLs in
 * {@code MEGAETH_HTTP_URL} and {@code MEGAETH_WS_URL}, streams its output into the test log and
 * passes when every JavaScript test passed. It needs {@code node} (20 or newer) and {@code npm} on
 * the {@code PATH}, and the npm registry for the first install; without them it fails and says so.
 */
class JavaScriptClientsIT {
  private static final Logger LOG = LoggerFactory.getLogger(JavaScriptClientsIT.class);

  /** Installing takes seconds with a warm npm cache, a minute or two from the registry. */
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

  /** The suite takes about a minute; this only bounds a wedged run. */
  private static final Duration SUITE_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Test files run side by side: each uses its own dev accounts, and most of their time is waiting
   * for blocks to be sealed.
   */
  private static final int FILE_CONCURRENCY = 3;

  private static final int OUTPUT_TAIL_LINES = 200;

  @TempDir Path dir;

  @Test
  void shouldPassTheEthersAndViemSuiteAgainstTheNodeProcess() throws Exception {
    Path suite = suiteDirectory();
    String nodeVersion = requireTool("node", "--version");
    String npmVersion = requireTool("npm", "--version");
    // node --test with --test-concurrency, and the global fetch the suite uses, need Node.js 20.
    assertThat(majorVersion(nodeVersion))
        .as("the JavaScript suite needs Node.js 20 or newer; `node --version` says %s", nodeVersion)
        .isGreaterThanOrEqualTo(20);
    LOG.info("JavaScript suite in {} with node {} and npm {}", suite, nodeVersion, npmVersion);
    installIfStale(suite);

    try (NodeProcess node = NodeProcess.start(dir.resolve("data"), NodeProcess.freePort())) {
      Map<String, String> env =
          Map.of(
              "MEGAETH_HTTP_URL", node.httpUrl().toString(),
              "MEGAETH_WS_URL", node.wsUrl().toString());
      Run run =
          run(
              suite,
              env,
              SUITE_TIMEOUT,
              "node",
              "--test",
              "--test-concurrency=" + FILE_CONCURRENCY,
              "test/");
      assertThat(run.exitCode())
          .as(
              "node --test against %s exited with %d; the end of its output:%n%s%n"
                  + "the end of the node's log:%n%s",
              node.httpUrl(), run.exitCode(), run.tail(), node.logTail())
          .isZero();
      assertThat(node.isAlive()).as("the node is still up after the suite").isTrue();
      // A run that found no test files also exits with 0: make sure tests ran and none failed.
      assertThat(run.tail()).anyMatch(line -> line.matches("# pass [1-9]\\d*"));
      assertThat(run.tail()).contains("# fail 0");
    }
  }

  /**
   * {@code e2e/js} of the repository: failsafe runs in {@code node/}, an IDE may run at the root.
   */
  private static Path suiteDirectory() {
    for (Path candidate : List.of(Path.of("..", "e2e", "js"), Path.of("e2e", "js"))) {
      if (Files.isRegularFile(candidate.resolve("package-lock.json"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    return fail(
        "no e2e/js/package-lock.json next to %s: run this test from the repository or its node module",
        Path.of("").toAbsolutePath());
  }

  /** The tool's version, or a failure that says the tool is needed and how to get it. */
  private static String requireTool(String tool, String versionFlag) throws InterruptedException {
    try {
      Run run = run(Path.of(""), Map.of(), Duration.ofSeconds(30), tool, versionFlag);
      if (run.exitCode() == 0 && !run.tail().isEmpty()) {
        return run.tail().getLast().strip();
      }
      return fail(
          "`%s %s` exited with %d: %s",
          tool, versionFlag, run.exitCode(), String.join("\n", run.tail()));
    } catch (IOException e) {
      return fail(
          "JavaScriptClientsIT needs Node.js 20+ with npm on the PATH to run the ethers/viem suite"
              + " in e2e/js, and `%s` could not be started (%s). Install Node.js (for example"
              + " `apt-get install nodejs npm`) and run the test again.",
          tool, e.getMessage());
    }
  }

  /** 20 of {@code v20.20.2}; 0 when the text is not a version. */
  private static int majorVersion(String nodeVersion) {
    Matcher m = Pattern.compile("v?(\\d+)\\..*").matcher(nodeVersion);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * {@code npm ci} when {@code node_modules} is missing or older than the lock file. npm writes
   * {@code node_modules/.package-lock.json} at the end of every install, so its time is the
   * install's.
   */
  private static void installIfStale(Path suite) throws IOException, InterruptedException {
    Path lock = suite.resolve("package-lock.json");
    Path installed = suite.resolve("node_modules").resolve(".package-lock.json");
    Optional<FileTime> installedAt =
        Files.exists(installed)
            ? Optional.of(Files.getLastModifiedTime(installed))
            : Optional.empty();
    if (installedAt.isPresent()
        && installedAt.get().compareTo(Files.getLastModifiedTime(lock)) >= 0) {
      LOG.info("node_modules is up to date with package-lock.json; no install");
      return;
    }
    LOG.info("npm ci in {} (node_modules missing or older than package-lock.json)", suite);
    Run install = run(suite, Map.of(), INSTALL_TIMEOUT, "npm", "ci", "--no-audit", "--no-fund");
    assertThat(install.exitCode())
        .as("npm ci in %s failed; its output:%n%s", suite, String.join("\n", install.tail()))
        .isZero();
  }

  /** What a child process did: its exit code and the last lines of its output. */
  private record Run(int exitCode, List<String> tail) {}

  /**
   * Runs a command in {@code workDir}, each output line (stdout and stderr) logged as it comes, and
   * waits for it up to {@code timeout}, after which it is killed with its children and the test
   * fails.
   *
   * @throws IOException when the command cannot be started (not on the PATH)
   */
  private static Run run(Path workDir, Map<String, String> env, Duration timeout, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (!workDir.toString().isEmpty()) {
      builder.directory(workDir.toFile());
    }
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    Deque<String> tail = new ArrayDeque<>();
    Thread pump =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (BufferedReader reader =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                      LOG.info("[{}] {}", command[0], line);
                      synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > OUTPUT_TAIL_LINES) {
                          tail.removeFirst();
                        }
                      }
                    }
                  } catch (IOException e) {
                    LOG.warn("reading the output of {} failed", command[0], e);
                  }
                });
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor();
      pump.join(Duration.ofSeconds(5));
      synchronized (tail) {
        return fail(
            "%s did not finish within %s; killed. The end of its output:%n%s",
            String.join(" ", command), timeout, String.join("\n", tail));
      }
    }
    pump.join(Duration.ofSeconds(10));
    synchronized (tail) {
      return new Run(process.exitValue(), new ArrayList<>(tail));
    }
  }
}
