package org.megaeth.sequencer.produce;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.megaeth.sequencer.log.LogRecord;
import org.megaeth.sequencer.log.SequencerLog;

/**
 * A log kept in a list, for tests of the producer's logic; durability is under the test's control
 * ({@link #hold} keeps futures open until {@link #release}). The file-backed log has its own tests.
 */
final class MemoryLog implements SequencerLog {
  final List<LogRecord> records = new ArrayList<>();
  private final List<CompletableFuture<Void>> held = new ArrayList<>();
  private boolean hold;

  void hold() {
    hold = true;
  }

  void release() {
    hold = false;
    held.forEach(f -> f.complete(null));
    held.clear();
  }

  @Override
  public Appended append(LogRecord record) {
    // Round trip through the encoding, as the file log does.
    try {
      records.add(LogRecord.decode(record.type(), record.payload()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    CompletableFuture<Void> durable = new CompletableFuture<>();
    if (hold) {
      held.add(durable);
    } else {
      durable.complete(null);
    }
    return new Appended(records.size() - 1, durable);
  }

  @Override
  public void replay(long position, Visitor visitor) {
    for (int i = (int) position; i < records.size(); i++) {
      visitor.accept(i, records.get(i));
    }
  }

  @Override
  public void truncateBefore(long position) {}

  @Override
  public void close() {}

  List<LogRecord> copy() {
    return new ArrayList<>(records);
  }
}
