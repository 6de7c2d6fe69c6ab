package org.megaeth.sequencer.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments: a child JVM ({@link WalCrashChild}) appends and acknowledges records
 * on stdout; after a random number of acknowledgements it is killed with {@code destroyForcibly()},
 * and the log, reopened here, must hold every acknowledged record intact and nothing damaged. The
 * next round's child continues the same log, so recovery from a torn tail is followed by appends on
 * top of it. Small segments make rollovers happen under the kills too.
 */
class WriteAheadLogCrashIT {
  static final int MAX = 6000;
  private static final int ROUNDS = 6;
  private static final long SEGMENT_BYTES = 256 << 10;

  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void shouldKeepEveryAcknowledgedRecordWhenKilledAtRandomMoments() throws Exception {
    Random random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    long acknowledgedEnd = 0; // every sequence below this was acknowledged by some child
    for (int round = 0; round < ROUNDS; round++) {
      int killAfter = 50 + random.nextInt(3000);
      long before = acknowledgedEnd;
      acknowledgedEnd = runAndKill(killAfter, acknowledgedEnd);
      assertThat(acknowledgedEnd)
          .as("round %d (seed %d) acknowledged records", round, seed)
          .isGreaterThan(before);

      try (WriteAheadLog log =
              WriteAheadLog.open(dir, new WalConfig(SEGMENT_BYTES, 1 << 20, 16 << 20));
          WalReader reader = log.read(0)) {
        assertThat(log.nextSequence())
            .as("round %d (seed %d): records in the log after the kill", round, seed)
            .isGreaterThanOrEqualTo(acknowledgedEnd);
        long expected = 0;
        while (reader.hasNext()) {
          WalRecord record = reader.next();
          assertThat(record.sequence()).isEqualTo(expected);
          assertThat(record.type()).isEqualTo(WalTestData.type(expected));
          assertThat(record.payload()).isEqualTo(WalTestData.payload(expected, MAX));
          expected++;
        }
        assertThat(expected).isEqualTo(log.nextSequence());
      }
    }
  }

  /**
   * Runs a child until it has acknowledged {@code killAfter} records, kills it, returns the end.
   */
  private long runAndKill(int killAfter, long acknowledgedEnd) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WalCrashChild.class.getName(),
                dir.toString(),
                Long.toString(SEGMENT_BYTES))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long end = acknowledgedEnd;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String opened = out.readLine();
      assertThat(opened).as("child's first line").startsWith("OPEN ");
      assertThat(Long.parseLong(opened.substring(5))).isGreaterThanOrEqualTo(acknowledgedEnd);
      int seen = 0;
      String line;
      while ((line = out.readLine()) != null) {
        end = Math.max(end, Long.parseLong(line) + 1);
        if (++seen == killAfter) {
          // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the
          // pipe, losing the acknowledgements still in it, which the child printed before dying.
          child.toHandle().destroyForcibly();
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    return end;
  }
}
