package org.megaeth.core.util;

/** The clock, injected so that tests can drive time (STYLE.md section 7). */
public interface TimeProvider {
  TimeProvider SYSTEM =
      new TimeProvider() {
        @Override
        public long currentTimeMillis() {
          return System.currentTimeMillis();
        }

        @Override
        public long nanoTime() {
          return System.nanoTime();
        }
      };

  long currentTimeMillis();

  /** A monotonic clock for measuring intervals. */
  long nanoTime();
}
