package org.megaeth.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TomlLinesTest {
  private static final String TOML =
      """
      # comment with key = value
      role = "sequencer"
      rpc.port = 1

      [p2p]
      bootnodes = [
        "x = y",
      ]
      "max-peers" = 3
      note = \"""
      fake = 1
      \"""
      host = "h" # trailing = comment

      [ sequencer ]
      coinbase = "0x"
      """;

  @Test
  void shouldFindTheLineOfKeysTablesAndDottedKeys() {
    TomlLines lines = TomlLines.index(TOML);

    assertThat(lines.lineOf("role")).contains(2);
    assertThat(lines.lineOf("rpc.port")).contains(3);
    assertThat(lines.lineOf("rpc")).contains(3);
    assertThat(lines.lineOf("p2p")).contains(5);
    assertThat(lines.lineOf("p2p.bootnodes")).contains(6);
    assertThat(lines.lineOf("p2p.max-peers")).contains(9);
    assertThat(lines.lineOf("p2p.host")).contains(13);
    assertThat(lines.lineOf("sequencer.coinbase")).contains(16);
  }

  @Test
  void shouldSkipMultiLineStringsAndFallBackToTheTable() {
    TomlLines lines = TomlLines.index(TOML);

    assertThat(lines.lineOf("p2p.fake")).contains(5);
    assertThat(lines.lineOf("x")).isEmpty();
    assertThat(lines.lineOf("unknown.key")).isEmpty();
  }
}
