package org.megaeth.core.api;

/**
 * Where listeners subscribe to mini-blocks, sealed blocks and pending transactions. Thread-safe.
 */
public interface ChainEvents {

  /**
   * Adds a listener; it hears events from the next one on. Unsubscribe through the handle (never by
   * passing the listener again, STYLE.md section 7).
   */
  Subscription subscribe(ChainListener listener);

  /** A subscription's handle; {@link #cancel()} is idempotent and may be called from any thread. */
  @FunctionalInterface
  interface Subscription {
    void cancel();
  }
}
