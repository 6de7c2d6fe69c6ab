package org.megaeth.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * A {@code megaeth-node --role=sequencer --dev} running as a real child process, for tests that
 * must see what an operator sees: a JVM that is started, killed with SIGKILL, stopped with SIGTERM
 * and started again on the same data directory.
 *
 * <p>It runs the shaded jar that the {@code package} phase builds ({@code node/target/
 * megaeth-node.jar}; failsafe runs after it), with the JVM flags of the {@code ./megaeth-node}
 * launcher and the java binary of the JVM running the tests. Output and errors of every start go,
 * appended, to one log file beside the data directory: {@link #log()} reads it for assertion
 * messages.
 *
 * <p>The jar is first copied next to the data directory, and every start on that data directory
 * runs the copy. Two reasons: each restart in a crash test must run the very same binary (a replay
 * by different code may legitimately differ), and on a shared machine another build can rewrite
 * {@code target/} while a test runs (this happened: nodes started from a jar that a concurrent
 * build was replacing failed with missing resources and classes). The copy is checked to be the
 * whole shaded jar.
 */
final class NodeProcess implements AutoCloseable {
  /** The system property naming another jar to run, for running these tests outside Maven. */
  static final String JAR_PROPERTY = "megaeth.node.jar";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int LOG_TAIL_CHARS = 6_000;

  /** Classes of the modules the shaded jar bundles, one per module the sequencer role needs. */
  private static final List<String> SHADED_ENTRIES =
      List.of(
          "org/megaeth/cli/MegaethNode.class",
          "org/megaeth/config/ConfigException.class",
          "org/megaeth/sequencer/Sequencer.class",
          "org/megaeth/rpc/server/RpcServer.class",
          "picocli/CommandLine.class");

  private final Process process;
  private final Path dataDir;
  private final int port;
  private final Path logFile;

  private NodeProcess(Process process, Path dataDir, int port, Path logFile) {
    this.process = process;
    this.dataDir = dataDir;
    this.port = port;
    this.logFile = logFile;
  }

  /**
   * Starts {@code java -jar megaeth-node.jar --role=sequencer --dev --data-dir DIR --set
   * rpc.port=PORT extraArgs...} (with the launcher's JVM flags and {@code -Xmx1g}), its output to a
   * log file in the data dir's parent, and waits (up to 60 s) until {@code eth_blockNumber} answers
   * over HTTP.
   *
   * @throws IOException when the process exits or does not answer in time; the message holds the
   *     end of its log
   */
  static NodeProcess start(Path dataDir, int port, String... extraArgs)
      throws IOException, InterruptedException {
    NodeProcess node = launch(dataDir, port, extraArgs);
    try {
      node.awaitRpc(READY_TIMEOUT);
    } catch (IOException | InterruptedException | RuntimeException e) {
      node.process.destroyForcibly();
      node.process.waitFor();
      throw e;
    }
    return node;
  }

  /**
   * Starts the process like {@link #start} but returns at once, before the node serves anything:
   * for killing a node while it recovers. {@link #awaitRpc} waits for it.
   */
  static NodeProcess launch(Path dataDir, int port, String... extraArgs) throws IOException {
    Path parent = dataDir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path jar = jarCopy(parent);
    Path logFile = parent.resolve(dataDir.getFileName() + "-node.log");

    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    // The launcher's collector: G1 on fewer than 8 CPUs, else generational ZGC (the default only
    // from JDK 23).
    if (Runtime.getRuntime().availableProcessors() < 8) {
      command.add("-XX:+UseG1GC");
    } else {
      command.add("-XX:+UseZGC");
      if (Runtime.version().feature() < 23) {
        command.add("-XX:+ZGenerational");
      }
    }
    // And its compact object headers, a product option from JDK 25.
    if (Runtime.version().feature() >= 25) {
      command.add("-XX:+UseCompactObjectHeaders");
    }
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-Xmx1g");
    // A temporary directory of its own, so a test can see what a killed node leaves there.
    command.add("-Djava.io.tmpdir=" + Files.createDirectories(temporaryDirectory(dataDir)));
    command.add("-jar");
    command.add(jar.toString());
    command.add("--role=sequencer");
    command.add("--dev");
    command.add("--data-dir");
    command.add(dataDir.toAbsolutePath().toString());
    command.add("--set");
    command.add("rpc.port=" + port);
    command.addAll(List.of(extraArgs));

    // One log for every start on this data dir, each start headed by its command line.
    Files.writeString(
        logFile,
        "%n=== %s: %s%n".formatted(Instant.now(), String.join(" ", command)),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    // The node reads nothing from stdin: closed, as under a service manager.
    process.getOutputStream().close();
    return new NodeProcess(process, dataDir, port, logFile);
  }

  /** The node's {@code java.io.tmpdir}: beside its data directory, shared by its restarts. */
  Path temporaryDirectory() {
    return temporaryDirectory(dataDir);
  }

  private static Path temporaryDirectory(Path dataDir) {
    return dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + "-tmp");
  }

  /** A TCP port that was free a moment ago on the loopback interface. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }

  /**
   * Waits until the node answers {@code eth_blockNumber} over HTTP.
   *
   * @throws IOException when the process exits first or {@code timeout} passes
   */
  void awaitRpc(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String probe = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}";
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build()) {
      HttpRequest request =
          HttpRequest.newBuilder(httpUrl())
              .timeout(Duration.ofSeconds(2))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(probe))
              .build();
      while (true) {
        // Checked before every probe: a node that died must not pass for one that answers (another
        // process may hold the port).
        if (!process.isAlive()) {
          throw new IOException(
              "the node exited with status %d before serving JSON-RPC on port %d; log %s:%n%s"
                  .formatted(process.exitValue(), port, logFile, logTail()));
        }
        try {
          HttpResponse<String> response =
              client.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"result\"")) {
            if (process.isAlive()) {
              return;
            }
            continue; // it died meanwhile: report that, above
          }
        } catch (IOException notYet) {
          // Not listening yet.
        }
        if (System.nanoTime() > deadline) {
          throw new IOException(
              "the node did not answer eth_blockNumber on port %d within %s; log %s:%n%s"
                  .formatted(port, timeout, logFile, logTail()));
        }
        Thread.sleep(100);
      }
    }
  }

  int port() {
    return port;
  }

  Path dataDir() {
    return dataDir;
  }

  URI httpUrl() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  URI wsUrl() {
    return URI.create("ws://127.0.0.1:" + port + "/");
  }

  Path logFile() {
    return logFile;
  }

  /** The log so far (every start on this data dir), for assertion messages. */
  String log() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(log " + logFile + " unreadable: " + e + ")";
    }
  }

  /** The end of the log: enough for an assertion message without drowning it. */
  String logTail() {
    String log = log();
    return log.length() <= LOG_TAIL_CHARS
        ? log
        : "..." + log.substring(log.length() - LOG_TAIL_CHARS);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /**
   * SIGKILL ({@link Process#destroyForcibly} sends it on Linux), then waits for the exit: the node
   * gets no chance to flush, seal or close anything.
   */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /**
   * Waits for the process to exit by itself (a node that fails to start).
   *
   * @return its exit status
   * @throws IllegalStateException when it still runs after {@code timeout}; it is then killed
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill9();
      throw new IllegalStateException(
          "the node still ran after %s; killed. Log %s:%n%s"
              .formatted(timeout, logFile, logTail()));
    }
    return process.exitValue();
  }

  /**
   * SIGTERM ({@link Process#destroy}), then waits up to 30 s for the exit.
   *
   * @return the exit status
   * @throws IllegalStateException when the node has not exited after 30 s; it is then killed
   */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      throw new IllegalStateException(
          "the node did not exit within %s of SIGTERM; killed. Log %s:%n%s"
              .formatted(STOP_TIMEOUT, logFile, logTail()));
    }
    return process.exitValue();
  }

  /** {@link #stop()} if the node still runs. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      stop();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the tests"));
  }

  /** The jar to run, copied once into {@code dir}; see the class comment for why. */
  private static synchronized Path jarCopy(Path dir) throws IOException {
    Path copy = dir.resolve("megaeth-node.jar");
    if (Files.exists(copy)) {
      return copy;
    }
    Path built = builtJar();
    Path partial = dir.resolve("megaeth-node.jar.partial");
    IOException last = null;
    // A concurrent build may be rewriting the jar: retry until a copy opens as a runnable jar.
    for (int attempt = 0; attempt < 10; attempt++) {
      Files.copy(built, partial, StandardCopyOption.REPLACE_EXISTING);
      try (JarFile jar = new JarFile(partial.toFile())) {
        // The shaded jar, whole: a manifest naming the main class, and the modules it bundles
        // (the module's own thin jar sits at the same stage of a build).
        boolean runnable =
            jar.getManifest() != null
                && jar.getManifest().getMainAttributes().getValue("Main-Class") != null
                && SHADED_ENTRIES.stream().allMatch(entry -> jar.getEntry(entry) != null);
        if (runnable) {
          Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
          return copy;
        }
        last = new IOException(built + " is not the whole shaded jar");
      } catch (IOException e) {
        last = e;
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while copying " + built, e);
      }
    }
    throw new IOException("could not copy a readable " + built, last);
  }

  /**
   * The shaded jar: {@code -Dmegaeth.node.jar}, else {@code target/megaeth-node.jar} from the node
   * module (failsafe's working directory), else {@code node/target/...} from the repository root.
   */
  private static Path builtJar() throws IOException {
    String property = System.getProperty(JAR_PROPERTY);
    List<Path> candidates =
        property != null && !property.isBlank()
            ? List.of(Path.of(property))
            : List.of(
                Path.of("target", "megaeth-node.jar"),
                Path.of("node", "target", "megaeth-node.jar"));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    throw new IOException(
        "no megaeth-node.jar at "
            + candidates.stream().map(p -> p.toAbsolutePath().toString()).toList()
            + ": build it with ./mvnw package -pl node -am -DskipTests (failsafe runs after"
            + " package), or name one with -D"
            + JAR_PROPERTY);
  }
}
