package org.megaeth.chain.statetest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads GeneralStateTests cases from files or folders in the ethereum/tests layout: every {@code
 * .json} file below a folder, every test in a file, every entry of {@code post[fork]}.
 */
public final class StateTestLoader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StateTestLoader() {}

  /** The JSON files at {@code path}: the file itself, or every one below the folder, sorted. */
  public static List<Path> files(Path path) throws StateTestException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new StateTestException(path + ": no such file or folder");
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(p -> p.toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StateTestException(path + ": cannot list: " + e.getMessage(), e);
    }
  }

  /**
   * The cases of {@code file} for {@code fork}, named relative to {@code base}. A file with no
   * entry for the fork has no cases.
   */
  public static List<StateTestCase> cases(Path base, Path file, String fork)
      throws StateTestException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new StateTestException(
          file
              + ": not valid JSON at line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (NoSuchFileException e) {
      throw new StateTestException(file + ": no such file", e);
    } catch (IOException e) {
      throw new StateTestException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new StateTestException(file + ": not a state test file (expected a JSON object)");
    }
    String name =
        base.equals(file) ? file.getFileName().toString() : base.relativize(file).toString();
    List<StateTestCase> cases = new ArrayList<>();
    for (Map.Entry<String, JsonNode> test : root.properties()) {
      JsonNode body = test.getValue();
      if (!body.has("transaction") || !body.has("pre") || !body.has("post")) {
        throw new StateTestException(
            file
                + ": test "
                + test.getKey()
                + " is not a state test (needs pre, transaction, post)");
      }
      JsonNode entries = body.get("post").path(fork);
      for (JsonNode entry : entries) {
        JsonNode indexes = entry.path("indexes");
        cases.add(
            new StateTestCase(
                name,
                test.getKey(),
                fork,
                indexes.path("data").asInt(),
                indexes.path("gas").asInt(),
                indexes.path("value").asInt(),
                body,
                entry));
      }
    }
    return cases;
  }
}
