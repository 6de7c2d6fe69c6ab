package org.megaeth.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.block.Log;
import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bloom of one ERC-20 {@code Transfer} log (the token's address and three topics), as every
 * receipt of a transfer needs: {@code hotToken} is one token's transfers between 10,000 holders
 * (the address and the event topic repeat, the two holders rarely), {@code allNew} a log whose four
 * values were never seen (every value costs its keccak, as before {@code LogsBloom} kept recent
 * values).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LogsBloomBenchmark {
  private static final Hash TRANSFER =
      Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

  private final Address token = Address.ofNumber(0x70ce17);
  private Hash[] holders;
  private final Random random = new Random(42);
  private long fresh;

  @Setup
  public void setUp() {
    holders = new Hash[10_000];
    for (int i = 0; i < holders.length; i++) {
      byte[] topic = new byte[32];
      random.nextBytes(topic);
      java.util.Arrays.fill(topic, 0, 12, (byte) 0); // an address as a topic
      holders[i] = Hash.wrap(topic);
    }
  }

  @Benchmark
  public LogsBloom hotToken() {
    Hash from = holders[random.nextInt(holders.length)];
    Hash to = holders[random.nextInt(holders.length)];
    return LogsBloom.of(List.of(new Log(token, List.of(TRANSFER, from, to), Bytes.EMPTY)));
  }

  @Benchmark
  public LogsBloom allNew() {
    byte[] a = new byte[20];
    byte[] t = new byte[32];
    long n = ++fresh;
    for (int i = 0; i < 8; i++) {
      a[19 - i] = (byte) (n >>> (8 * i));
      t[31 - i] = (byte) (n >>> (8 * i));
    }
    Hash topic = Hash.wrap(t);
    t = t.clone();
    t[0] = 1;
    Hash second = Hash.wrap(t);
    t = t.clone();
    t[0] = 2;
    return LogsBloom.of(
        List.of(new Log(Address.wrap(a), List.of(topic, second, Hash.wrap(t)), Bytes.EMPTY)));
  }
}
