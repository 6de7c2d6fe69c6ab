package org.megaeth.chain.blocktest;

/** The outcome of one blockchain test. */
public sealed interface BlockTestResult {
  BlockTestCase testCase();

  default boolean passed() {
    return this instanceof Passed;
  }

  /**
   * @param blocks blocks imported, rejected as expected included
   */
  record Passed(BlockTestCase testCase, int blocks) implements BlockTestResult {}

  /**
   * @param reason the first thing that differed, with the block it happened at
   */
  record Failed(BlockTestCase testCase, String reason) implements BlockTestResult {}
}
