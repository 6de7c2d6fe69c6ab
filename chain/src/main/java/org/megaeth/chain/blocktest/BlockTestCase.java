package org.megaeth.chain.blocktest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One test of a BlockchainTests file.
 *
 * @param file the file, relative to the folder the run started from
 * @param test the test's name inside the file
 * @param body {@code pre}, {@code genesisRLP}, {@code blocks}, {@code lastblockhash}, {@code
 *     postState} or {@code postStateHash}, {@code network}
 */
public record BlockTestCase(String file, String test, JsonNode body) {
  /** "file test": what a failure report starts with. */
  public String name() {
    return file + " " + test;
  }

  public String network() {
    return body.path("network").asText();
  }
}
