package org.megaeth.reference.block;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.chain.blocktest.BlockTestCase;
import org.megaeth.chain.blocktest.BlockTestLoader;
import org.megaeth.chain.blocktest.BlockTestResult;
import org.megaeth.chain.blocktest.BlockTestRunner;
import org.megaeth.chain.statetest.StateTestLoader;
import org.megaeth.testsupport.Fixtures;

/**
 * ethereum/tests BlockchainTests (ValidBlocks and InvalidBlocks), one dynamic test per test, run by
 * the same {@link BlockTestRunner} as {@code megaeth-node blocktest}. Beyond importing every block
 * as the fixture expects, each accepted block's state diff must reproduce its state root on a
 * second copy of the state (the full node's path) and its witness must verify statelessly (the
 * prover's path); for a sample of witness nodes, verification without the node must fail with the
 * missing-data error.
 *
 * <p>{@code -Dmegaeth.blockTests=ValidBlocks/bcStateTests} runs only the named folders.
 */
class BlockchainReferenceTest {
  private static final String ROOT = "ethereum-tests/BlockchainTests";

  /** Tests known not to pass, with the reason; this list only shrinks. */
  private static final Map<String, String> IGNORED = Map.of();

  /** Witness nodes dropped per accepted block, one at a time. */
  private static final int NODES_TO_DROP = 3;

  private static final BlockTestRunner RUNNER =
      new BlockTestRunner(new BlockTestRunner.Options(true, NODES_TO_DROP));

  @TestFactory
  Stream<DynamicTest> blockchainTests() throws Exception {
    return Fixtures.dynamicTests(ROOT, BlockchainReferenceTest::testsIn);
  }

  private static Stream<DynamicTest> testsIn(Path root) throws Exception {
    String selection = System.getProperty("megaeth.blockTests", "");
    List<Path> files = new ArrayList<>();
    if (selection.isBlank() || selection.equals("all")) {
      files.addAll(StateTestLoader.files(root.resolve("ValidBlocks")));
      files.addAll(StateTestLoader.files(root.resolve("InvalidBlocks")));
    } else {
      for (String folder : selection.split(",")) {
        files.addAll(StateTestLoader.files(root.resolve(folder.trim())));
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      for (BlockTestCase c : BlockTestLoader.tests(root, file)) {
        if (!IGNORED.containsKey(c.name())) {
          tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(BlockTestCase c) {
    BlockTestResult result = RUNNER.run(c);
    if (result instanceof BlockTestResult.Failed failed) {
      fail(c.name() + ": " + failed.reason());
    }
  }
}
