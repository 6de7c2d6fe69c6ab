package org.megaeth.config.genesis;

import java.util.List;
import org.megaeth.core.fork.Fork;

/**
 * The fields of geth's genesis {@code config} that schedule each fork, in activation order. The
 * bomb-only forks (muirGlacier, arrowGlacier, grayGlacier) and the DAO fork change nothing this
 * node executes and are not read. Two forks need more than one field and are handled by the loader:
 * Spurious Dragon ({@code eip155Block} and {@code eip158Block}) and Paris ({@code
 * mergeNetsplitBlock} or {@code terminalTotalDifficulty}).
 */
final class GethForks {
  /** One fork and the field that schedules it; {@code byTimestamp} for Shanghai and later. */
  record Entry(Fork fork, String field, boolean byTimestamp) {}

  static final String EIP155_BLOCK = "eip155Block";
  static final String TTD = "terminalTotalDifficulty";

  static final List<Entry> ENTRIES =
      List.of(
          new Entry(Fork.HOMESTEAD, "homesteadBlock", false),
          new Entry(Fork.TANGERINE_WHISTLE, "eip150Block", false),
          new Entry(Fork.SPURIOUS_DRAGON, "eip158Block", false),
          new Entry(Fork.BYZANTIUM, "byzantiumBlock", false),
          new Entry(Fork.CONSTANTINOPLE, "constantinopleBlock", false),
          new Entry(Fork.PETERSBURG, "petersburgBlock", false),
          new Entry(Fork.ISTANBUL, "istanbulBlock", false),
          new Entry(Fork.BERLIN, "berlinBlock", false),
          new Entry(Fork.LONDON, "londonBlock", false),
          new Entry(Fork.PARIS, "mergeNetsplitBlock", false),
          new Entry(Fork.SHANGHAI, "shanghaiTime", true),
          new Entry(Fork.CANCUN, "cancunTime", true),
          new Entry(Fork.PRAGUE, "pragueTime", true),
          new Entry(Fork.OSAKA, "osakaTime", true));

  private GethForks() {}

  static Entry of(Fork fork) {
    for (Entry entry : ENTRIES) {
      if (entry.fork() == fork) {
        return entry;
      }
    }
    throw new IllegalArgumentException("no genesis field schedules " + fork);
  }
}
