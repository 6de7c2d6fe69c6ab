package org.megaeth.rpc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Hash;
import org.megaeth.core.util.TimeProvider;

/**
 * The event dispatcher skips pending-transaction events unless some filter wants them, so the
 * manager must know exactly when one exists: after install, uninstall and expiry.
 */
class FilterManagerPendingTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final TimeProvider clock =
      new TimeProvider() {
        @Override
        public long currentTimeMillis() {
          return now.get();
        }

        @Override
        public long nanoTime() {
          return now.get() * 1_000_000;
        }
      };
  private final FilterManager filters = new FilterManager(clock, Duration.ofMinutes(5), 100, null);

  @Test
  void shouldWantPendingTransactionsOnlyWhileAPendingFilterIsInstalled() throws Exception {
    assertThat(filters.wantsPendingTransactions()).isFalse();
    filters.newBlockFilter();
    assertThat(filters.wantsPendingTransactions()).isFalse();

    String first = filters.newPendingTransactionFilter();
    String second = filters.newPendingTransactionFilter();
    assertThat(filters.wantsPendingTransactions()).isTrue();
    filters.onPendingTransaction(Hash.ZERO);
    assertThat(filters.changes(first)).hasSize(1);

    filters.uninstall(first);
    assertThat(filters.wantsPendingTransactions()).isTrue();
    filters.uninstall(second);
    filters.uninstall(second);
    assertThat(filters.wantsPendingTransactions()).isFalse();
  }

  @Test
  void shouldStopWantingThemWhenThePendingFilterExpires() {
    filters.newPendingTransactionFilter();
    now.addAndGet(Duration.ofMinutes(6).toMillis());
    filters.expire();
    assertThat(filters.wantsPendingTransactions()).isFalse();
    assertThat(filters.size()).isZero();
  }
}
