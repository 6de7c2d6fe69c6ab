package org.megaeth.sequencer.log;

import java.util.concurrent.CompletableFuture;

/**
 * Where the producer writes its records before anything they cause is visible. Records become
 * durable in the order they were appended; the returned future completes when this one is.
 */
public interface SequencerLog extends AutoCloseable {
  /**
   * Appends a record; returns its position in the log and a future completed once it is durable.
   */
  Appended append(LogRecord record);

  /** A record's position in the log and the moment it became durable. */
  record Appended(long position, CompletableFuture<Void> durable) {}

  /** Reads every durable record from {@code position} on, oldest first, one at a time. */
  void replay(long position, Visitor visitor) throws CorruptLogException;

  /** Receives replayed records with their positions. */
  @FunctionalInterface
  interface Visitor {
    void accept(long position, LogRecord record);
  }

  /** Drops whole log segments that hold only records before {@code position}. */
  void truncateBefore(long position);

  @Override
  void close();
}
