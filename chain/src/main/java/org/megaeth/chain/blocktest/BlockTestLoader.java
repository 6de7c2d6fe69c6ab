package org.megaeth.chain.blocktest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.megaeth.chain.statetest.StateTestException;
import org.megaeth.chain.statetest.StateTestLoader;

/** Reads BlockchainTests from files in the ethereum/tests layout: every test in a file. */
public final class BlockTestLoader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BlockTestLoader() {}

  /** The JSON files at {@code path}: the file itself, or every one below the folder, sorted. */
  public static List<Path> files(Path path) throws BlockTestException {
    try {
      return StateTestLoader.files(path);
    } catch (StateTestException e) {
      throw new BlockTestException(e.getMessage(), e);
    }
  }

  /** The tests of {@code file}, named relative to {@code base}. */
  public static List<BlockTestCase> tests(Path base, Path file) throws BlockTestException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new BlockTestException(
          "%s: not valid JSON at line %d: %s"
              .formatted(file, e.getLocation().getLineNr(), e.getOriginalMessage()),
          e);
    } catch (NoSuchFileException e) {
      throw new BlockTestException(file + ": no such file", e);
    } catch (IOException e) {
      throw new BlockTestException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new BlockTestException(file + ": not a blockchain test file (expected a JSON object)");
    }
    String name =
        base.equals(file) ? file.getFileName().toString() : base.relativize(file).toString();
    List<BlockTestCase> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> test : root.properties()) {
      JsonNode body = test.getValue();
      if (!body.has("pre") || !body.has("genesisRLP") || !body.has("blocks")) {
        throw new BlockTestException(
            "%s: test %s is not a blockchain test (needs pre, genesisRLP, blocks)"
                .formatted(file, test.getKey()));
      }
      tests.add(new BlockTestCase(name, test.getKey(), body));
    }
    return tests;
  }
}
