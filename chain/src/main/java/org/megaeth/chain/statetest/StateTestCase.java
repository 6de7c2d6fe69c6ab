package org.megaeth.chain.statetest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One case of a GeneralStateTests file: one (data, gas, value) combination of one test for one
 * fork.
 *
 * @param file the file, relative to the folder the run started from
 * @param test the test's name inside the file
 * @param fork the fork key of {@code post} ("Cancun")
 * @param data index into {@code transaction.data}
 * @param gas index into {@code transaction.gasLimit}
 * @param value index into {@code transaction.value}
 * @param body the whole test ({@code env}, {@code pre}, {@code transaction}, ...)
 * @param expectation the {@code post[fork][i]} entry ({@code hash}, {@code logs}, {@code txbytes},
 *     {@code expectException})
 */
public record StateTestCase(
    String file,
    String test,
    String fork,
    int data,
    int gas,
    int value,
    JsonNode body,
    JsonNode expectation) {

  /** "file test fork d0 g1 v0": unique within a run, and what a failure report starts with. */
  public String name() {
    return "%s %s %s d%d g%d v%d".formatted(file, test, fork, data, gas, value);
  }
}
