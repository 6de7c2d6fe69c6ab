package org.megaeth.core.fork;

import java.util.Arrays;
import java.util.Optional;

/**
 * Ethereum's execution-layer forks in activation order. Which fork is active when is decided by the
 * chain's {@link ForkSchedule}, never by the EVM. Forks that only moved the difficulty bomb (Muir,
 * Arrow and Gray Glacier) change nothing the node executes and are left out.
 */
public enum Fork {
  FRONTIER("Frontier"),
  HOMESTEAD("Homestead"),
  TANGERINE_WHISTLE("EIP150"),
  SPURIOUS_DRAGON("EIP158"),
  BYZANTIUM("Byzantium"),
  CONSTANTINOPLE("Constantinople"),
  PETERSBURG("ConstantinopleFix"),
  ISTANBUL("Istanbul"),
  BERLIN("Berlin"),
  LONDON("London"),
  PARIS("Paris"),
  SHANGHAI("Shanghai"),
  CANCUN("Cancun"),
  PRAGUE("Prague"),
  OSAKA("Osaka");

  private final String testName;

  Fork(String testName) {
    this.testName = testName;
  }

  /** True when this fork is {@code other} or a later one. */
  public boolean isAtLeast(Fork other) {
    return compareTo(other) >= 0;
  }

  /** The name ethereum/tests fixtures use for this fork ("EIP150", "Cancun", ...). */
  public String testName() {
    return testName;
  }

  /** Looks a fork up by its ethereum/tests name; "Merge" is an alias of Paris. */
  public static Optional<Fork> fromTestName(String name) {
    if ("Merge".equals(name)) {
      return Optional.of(PARIS);
    }
    return Arrays.stream(values()).filter(f -> f.testName.equals(name)).findFirst();
  }
}
