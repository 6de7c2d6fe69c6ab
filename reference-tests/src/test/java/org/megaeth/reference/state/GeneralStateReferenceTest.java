package org.megaeth.reference.state;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.chain.statetest.StateTestCase;
import org.megaeth.chain.statetest.StateTestLoader;
import org.megaeth.chain.statetest.StateTestResult;
import org.megaeth.chain.statetest.StateTestRunner;
import org.megaeth.core.fork.Fork;
import org.megaeth.testsupport.Fixtures;

/**
 * ethereum/tests GeneralStateTests, every Cancun case, one dynamic test each (named "file test fork
 * dN gN vN"), run by the same {@link StateTestRunner} as {@code megaeth-node statetest}: post-state
 * root (computed with the node's trie) and logs hash, or the refusal of a transaction that must be
 * refused.
 *
 * <p>{@code -Dmegaeth.stateTests=stSStoreTest,VMTests/vmPerformance} runs only the named suites.
 */
class GeneralStateReferenceTest {
  private static final String ROOT = "ethereum-tests/GeneralStateTests";

  /** Cases known not to pass, with the reason; this list only shrinks. */
  private static final Map<String, String> IGNORED = Map.of();

  private static final StateTestRunner RUNNER = new StateTestRunner(Fork.CANCUN);

  @TestFactory
  Stream<DynamicTest> cancunStateTests() throws Exception {
    return Fixtures.dynamicTests(ROOT, GeneralStateReferenceTest::casesIn);
  }

  private static Stream<DynamicTest> casesIn(Path root) throws Exception {
    String selection = System.getProperty("megaeth.stateTests", "");
    List<Path> files = new ArrayList<>();
    if (selection.isBlank() || selection.equals("all")) {
      files.addAll(StateTestLoader.files(root));
    } else {
      for (String suite : selection.split(",")) {
        files.addAll(StateTestLoader.files(root.resolve(suite.trim())));
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      for (StateTestCase c : StateTestLoader.cases(root, file, Fork.CANCUN.testName())) {
        if (!IGNORED.containsKey(c.name())) {
          tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(StateTestCase c) {
    StateTestResult result = RUNNER.run(c);
    if (result instanceof StateTestResult.Failed failed) {
      fail(c.name() + ": " + failed.reason());
    }
  }
}
