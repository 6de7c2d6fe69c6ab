package org.megaeth.sequencer.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.megaeth.sequencer.wal.WalCorruptionException;
import org.megaeth.sequencer.wal.WalReader;
import org.megaeth.sequencer.wal.WalRecord;
import org.megaeth.sequencer.wal.WriteAheadLog;

/** The sequencer's records in a {@link WriteAheadLog}: positions are the log's sequences. */
public final class WalSequencerLog implements SequencerLog {
  private final WriteAheadLog wal;

  public WalSequencerLog(WriteAheadLog wal) {
    this.wal = wal;
  }

  @Override
  public Appended append(LogRecord record) {
    WriteAheadLog.Appended appended = wal.append(record.type(), record.payload());
    return new Appended(appended.sequence(), appended.durable());
  }

  /** The position of the oldest record kept. */
  public long firstPosition() {
    return wal.firstSequence();
  }

  /** The position the next record gets. */
  public long nextPosition() {
    return wal.nextSequence();
  }

  @Override
  public void replay(long position, Visitor visitor) throws CorruptLogException {
    if (position >= wal.durableEnd()) {
      return;
    }
    try (WalReader reader = wal.read(position)) {
      while (reader.hasNext()) {
        WalRecord record = reader.next();
        visitor.accept(record.sequence(), LogRecord.decode(record.type(), record.payload()));
      }
    } catch (WalCorruptionException e) {
      throw new CorruptLogException(e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw new CorruptLogException("cannot read the log: " + e.getMessage());
    }
  }

  @Override
  public void truncateBefore(long position) {
    try {
      wal.deleteBefore(position);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete old log segments", e);
    }
  }

  @Override
  public void close() {
    try {
      wal.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the log", e);
    }
  }
}
