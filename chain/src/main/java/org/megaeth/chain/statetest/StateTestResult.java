package org.megaeth.chain.statetest;

/** The outcome of one state-test case. */
public sealed interface StateTestResult {
  StateTestCase testCase();

  default boolean passed() {
    return this instanceof Passed;
  }

  record Passed(StateTestCase testCase) implements StateTestResult {}

  /**
   * A case that did not give the expected result.
   *
   * @param reason what differed, with expected and actual values
   */
  record Failed(StateTestCase testCase, String reason) implements StateTestResult {}
}
