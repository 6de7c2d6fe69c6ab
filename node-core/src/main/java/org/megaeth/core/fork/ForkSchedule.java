package org.megaeth.core.fork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each fork activates. Forks up to Paris activate by block number, Shanghai and later by block
 * timestamp, as on Ethereum mainnet and in geth's genesis config.
 *
 * @param byBlock activation block numbers of the forks up to Paris
 * @param byTimestamp activation timestamps (seconds) of Shanghai and later
 */
public record ForkSchedule(Map<Fork, Long> byBlock, Map<Fork, Long> byTimestamp) {
  public ForkSchedule {
    byBlock = Collections.unmodifiableMap(enumMap(byBlock));
    byTimestamp = Collections.unmodifiableMap(enumMap(byTimestamp));
    for (Fork fork : byBlock.keySet()) {
      if (fork.isAtLeast(Fork.SHANGHAI)) {
        throw new IllegalArgumentException(fork + " activates by timestamp, not block number");
      }
    }
    for (Fork fork : byTimestamp.keySet()) {
      if (!fork.isAtLeast(Fork.SHANGHAI)) {
        throw new IllegalArgumentException(fork + " activates by block number, not timestamp");
      }
    }
    checkOrdered(byBlock, "block");
    checkOrdered(byTimestamp, "timestamp");
  }

  /** Every fork up to and including {@code last} active from genesis. */
  public static ForkSchedule allFromGenesis(Fork last) {
    Map<Fork, Long> blocks = new EnumMap<>(Fork.class);
    Map<Fork, Long> times = new EnumMap<>(Fork.class);
    for (Fork fork : Fork.values()) {
      if (fork == Fork.FRONTIER || fork.compareTo(last) > 0) {
        continue;
      }
      (fork.isAtLeast(Fork.SHANGHAI) ? times : blocks).put(fork, 0L);
    }
    return new ForkSchedule(blocks, times);
  }

  /** The fork in force for a block with this number and timestamp. */
  public Fork forkAt(long blockNumber, long timestamp) {
    Fork active = Fork.FRONTIER;
    for (Fork fork : Fork.values()) {
      Long block = byBlock.get(fork);
      Long time = byTimestamp.get(fork);
      if ((block != null && blockNumber >= block) || (time != null && timestamp >= time)) {
        active = fork;
      }
    }
    return active;
  }

  /** When {@code fork} activates, if it is scheduled at all. */
  public Optional<Long> activationTimestamp(Fork fork) {
    return Optional.ofNullable(byTimestamp.get(fork));
  }

  public Optional<Long> activationBlock(Fork fork) {
    return Optional.ofNullable(byBlock.get(fork));
  }

  private static Map<Fork, Long> enumMap(Map<Fork, Long> activations) {
    Map<Fork, Long> sorted = new EnumMap<>(Fork.class); // iterates in fork order
    sorted.putAll(activations);
    return sorted;
  }

  private static void checkOrdered(Map<Fork, Long> activations, String unit) {
    List<Map.Entry<Fork, Long>> entries = new ArrayList<>(activations.entrySet());
    for (int i = 1; i < entries.size(); i++) {
      if (entries.get(i).getValue() < entries.get(i - 1).getValue()) {
        throw new IllegalArgumentException(
            entries.get(i).getKey()
                + " activates at "
                + unit
                + " "
                + entries.get(i).getValue()
                + ", before the earlier fork "
                + entries.get(i - 1).getKey()
                + " ("
                + entries.get(i - 1).getValue()
                + ")");
      }
    }
  }
}
