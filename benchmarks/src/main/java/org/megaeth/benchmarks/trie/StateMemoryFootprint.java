package org.megaeth.benchmarks.trie;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javax.management.ObjectName;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.SecureMerklePatriciaTrie;
import org.megaeth.trie.state.Account;
import org.megaeth.trie.state.WorldState;

/**
 * Heap bytes per account and per storage slot of the in-memory {@link WorldState} after {@code
 * computeRoot}, measured as the growth of the used heap after full collections. Not a JMH
 * benchmark: JMH measures time, and this measures retained size.
 *
 * <p>Each case is built twice: as a whole {@link WorldState} (flat maps plus tries), and as the
 * storage or account trie alone with the same content; the difference is the flat maps and the
 * bookkeeping around them. With {@code histogram} it also prints the live objects by class, from
 * the JVM's own class histogram, for the world-state build.
 *
 * <p>Keys are random (the shape of hashed mapping slots); slot values are random 32-byte words
 * ("full", the target's 64 bytes of key and value) or random 1- to 8-byte numbers ("small", closer
 * to real balances and counters). Accounts are externally owned: a nonce and a balance.
 *
 * <p>Run: {@code java -Xmx16g -cp benchmarks/target/benchmarks.jar
 * org.megaeth.benchmarks.trie.StateMemoryFootprint accounts=1000000 slots=1000000 values=full
 * histogram}
 */
public final class StateMemoryFootprint {
  private static final int BLOCK = 100_000;

  private StateMemoryFootprint() {}

  public static void main(String[] args) throws Exception {
    int accounts = 1_000_000;
    int slots = 1_000_000;
    boolean fullValues = true;
    boolean histogram = false;
    for (String arg : args) {
      if (arg.startsWith("accounts=")) {
        accounts = Integer.parseInt(arg.substring("accounts=".length()));
      } else if (arg.startsWith("slots=")) {
        slots = Integer.parseInt(arg.substring("slots=".length()));
      } else if (arg.equals("values=full")) {
        fullValues = true;
      } else if (arg.equals("values=small")) {
        fullValues = false;
      } else if (arg.equals("histogram")) {
        histogram = true;
      } else {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    System.out.printf(
        "java %s, %s, max heap %d MiB%n",
        System.getProperty("java.vm.version"),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        Runtime.getRuntime().maxMemory() >> 20);
    int n = accounts;
    int m = slots;
    boolean full = fullValues;
    if (n > 0) {
      report("world state, accounts", n, () -> accountState(n), histogram);
      report("account trie alone", n, () -> accountTrie(n), false);
    }
    if (m > 0) {
      String kind = full ? "32-byte values" : "small values";
      report("world state, one contract's slots, " + kind, m, () -> slotState(m, full), histogram);
      report("storage trie alone, " + kind, m, () -> slotTrie(m, full), false);
    }
  }

  private static void report(String what, int count, Supplier<Object> build, boolean histogram)
      throws Exception {
    long before = usedHeapAfterGc();
    long start = System.nanoTime();
    Object built = build.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long after = usedHeapAfterGc();
    System.out.printf(
        Locale.ROOT,
        "%-50s %,11d entries %,15d bytes %8.1f bytes/entry (built in %,d ms)%n",
        what,
        count,
        after - before,
        (double) (after - before) / count,
        millis);
    if (histogram) {
      printHistogram(count);
    }
    if (built.hashCode() == 42) {
      System.out.print(""); // keeps the state reachable up to the measurement above
    }
  }

  // ---------------------------------------------------------------- the cases

  private static WorldState accountState(int n) {
    WorldState state = WorldState.create();
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      Address address = address(random);
      state.setNonce(address, random.nextInt(1000));
      state.setBalance(address, Wei.of(UInt256.valueOf(random.nextLong() >>> 4)));
      if ((i + 1) % BLOCK == 0) {
        state.computeRoot();
      }
    }
    state.computeRoot();
    return state;
  }

  private static SecureMerklePatriciaTrie accountTrie(int n) {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      Address address = address(random);
      long nonce = random.nextInt(1000);
      Wei balance = Wei.of(UInt256.valueOf(random.nextLong() >>> 4));
      Account account = Account.EMPTY.withNonce(nonce).withBalance(balance);
      trie.put(address.bytes(), account.encode());
      if ((i + 1) % BLOCK == 0) {
        trie.rootHash();
      }
    }
    trie.rootHash();
    return trie;
  }

  private static WorldState slotState(int m, boolean fullValues) {
    WorldState state = WorldState.create();
    Address contract = Address.ofNumber(0xC0FFEE);
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < m; i++) {
      state.setStorage(contract, word(random), value(random, fullValues));
      if ((i + 1) % BLOCK == 0) {
        state.computeRoot();
      }
    }
    state.computeRoot();
    return state;
  }

  private static SecureMerklePatriciaTrie slotTrie(int m, boolean fullValues) {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < m; i++) {
      UInt256 slot = word(random);
      UInt256 value = value(random, fullValues);
      trie.put(Bytes.wrap(slot.toBytes32()), Rlp.encodeBytes(Bytes.wrap(value.toMinimalBytes())));
      if ((i + 1) % BLOCK == 0) {
        trie.rootHash();
      }
    }
    trie.rootHash();
    return trie;
  }

  // ---------------------------------------------------------------- helpers

  private static Address address(SplittableRandom random) {
    byte[] bytes = new byte[Address.SIZE];
    random.nextBytes(bytes);
    return Address.wrap(bytes);
  }

  private static UInt256 word(SplittableRandom random) {
    return new UInt256(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
  }

  private static UInt256 value(SplittableRandom random, boolean full) {
    if (full) {
      UInt256 v = word(random);
      return v.isZero() ? UInt256.ONE : v;
    }
    int bits = 8 * (1 + random.nextInt(8));
    long v = bits == 64 ? random.nextLong() : random.nextLong(1L << bits);
    return UInt256.valueOf(v == 0 ? 1 : v);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** The live objects by class (a full GC first), with bytes per entry for the largest. */
  private static void printHistogram(int count) throws Exception {
    String text =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    String[] lines = text.split("\n");
    System.out.printf("  %-60s %12s %12s %10s%n", "class", "instances", "bytes", "B/entry");
    int shown = 0;
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 4 || !f[0].endsWith(":")) {
        continue;
      }
      long instances = Long.parseLong(f[1]);
      long bytes = Long.parseLong(f[2]);
      if (bytes < count) {
        break; // sorted by size: the rest is under a byte per entry
      }
      System.out.printf(
          Locale.ROOT,
          "  %-60s %,12d %,12d %10.1f%n",
          f[3],
          instances,
          bytes,
          (double) bytes / count);
      if (++shown == 15) {
        break;
      }
    }
  }
}
