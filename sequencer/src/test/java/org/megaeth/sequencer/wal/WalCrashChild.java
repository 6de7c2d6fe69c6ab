package org.megaeth.sequencer.wal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * The process {@link WriteAheadLogCrashIT} kills: appends records to the log in the directory given
 * as its first argument as fast as it can (one writer, acknowledgements asynchronous, up to 2000 in
 * flight) and prints each record's sequence to stdout once the log reports it durable. Printing
 * after durability is the contract under test: every printed sequence must survive a kill -9.
 */
public final class WalCrashChild {
  private WalCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long segmentBytes = Long.parseLong(args[1]);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
    WalConfig config = new WalConfig(segmentBytes, 1 << 20, 16 << 20);
    Semaphore inFlight = new Semaphore(2000);
    long deadline = System.nanoTime() + 120_000_000_000L; // never outlive a dead parent for long
    try (WriteAheadLog log = WriteAheadLog.open(dir, config)) {
      out.println("OPEN " + log.nextSequence());
      while (System.nanoTime() < deadline) {
        inFlight.acquire();
        long next = log.nextSequence();
        WriteAheadLog.Appended appended =
            log.append(WalTestData.type(next), WalTestData.payload(next, WriteAheadLogCrashIT.MAX));
        if (appended.sequence() != next) {
          throw new IllegalStateException("sequence " + appended.sequence() + " != " + next);
        }
        appended
            .durable()
            .thenRun(
                () -> {
                  out.println(appended.sequence());
                  inFlight.release();
                });
      }
    }
  }
}
