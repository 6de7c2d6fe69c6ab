package org.megaeth.rpc.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.megaeth.core.api.MiniBlock;
import org.megaeth.core.api.SealedBlock;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.types.Hash;
import org.megaeth.core.util.Hex;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.rpc.format.LocatedLog;
import org.megaeth.rpc.format.LogJson;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.subscription.ChainEventDispatcher;

/**
 * The polled filters of {@code eth_newFilter}, {@code eth_newBlockFilter} and {@code
 * eth_newPendingTransactionFilter}. Each collects what happened since its last poll: new sealed
 * block hashes, new pending transaction hashes, or matching logs (from sealed blocks, or from
 * mini-blocks for a filter over {@code pending}). A filter holds at most {@code maxPending} items
 * (the oldest go first) and is removed when nobody polled it for {@code timeout}, as geth's are.
 *
 * <p>Thread-safe: events come from the dispatcher thread, polls from request threads.
 */
public final class FilterManager implements ChainEventDispatcher.Target {
  /** What a filter collects. */
  enum Kind {
    BLOCKS,
    PENDING_TRANSACTIONS,
    LOGS
  }

  private static final class Filter {
    final Kind kind;
    final Optional<FilterSpec> spec;
    final ArrayDeque<JsonNode> changes = new ArrayDeque<>();
    long lastPolledMillis;

    Filter(Kind kind, Optional<FilterSpec> spec, long now) {
      this.kind = kind;
      this.spec = spec;
      this.lastPolledMillis = now;
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Filter> filters = new ConcurrentHashMap<>();

  /** How many of {@link #filters} are pending-transaction filters. */
  private final AtomicInteger pendingFilters = new AtomicInteger();

  private final TimeProvider clock;
  private final long timeoutMillis;
  private final int maxPending;
  private final LogQuery query;

  public FilterManager(TimeProvider clock, Duration timeout, int maxPending, LogQuery query) {
    this.clock = clock;
    this.timeoutMillis = timeout.toMillis();
    this.maxPending = maxPending;
    this.query = query;
  }

  public String newBlockFilter() {
    return install(new Filter(Kind.BLOCKS, Optional.empty(), clock.currentTimeMillis()));
  }

  public String newPendingTransactionFilter() {
    return install(
        new Filter(Kind.PENDING_TRANSACTIONS, Optional.empty(), clock.currentTimeMillis()));
  }

  public String newLogFilter(FilterSpec spec) {
    return install(new Filter(Kind.LOGS, Optional.of(spec), clock.currentTimeMillis()));
  }

  private String install(Filter filter) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String id = Hex.encode(bytes);
    filters.put(id, filter);
    if (filter.kind == Kind.PENDING_TRANSACTIONS) {
      pendingFilters.incrementAndGet();
    }
    return id;
  }

  /** What the filter collected since its last poll, and the poll resets its idle clock. */
  public JsonNode changes(String id) throws JsonRpcException {
    Filter filter = find(id);
    ArrayNode out = Json.array();
    synchronized (filter) {
      filter.lastPolledMillis = clock.currentTimeMillis();
      out.addAll(filter.changes);
      filter.changes.clear();
    }
    return out;
  }

  /** All logs a log filter matches now ({@code eth_getFilterLogs}). */
  public List<LocatedLog> logs(String id) throws JsonRpcException {
    Filter filter = find(id);
    if (filter.kind != Kind.LOGS) {
      throw JsonRpcException.server("filter not found");
    }
    synchronized (filter) {
      filter.lastPolledMillis = clock.currentTimeMillis();
    }
    return query.run(filter.spec.get());
  }

  public boolean uninstall(String id) {
    return discard(id);
  }

  /** Removes the filters idle for longer than the timeout; the server calls it periodically. */
  public void expire() {
    long now = clock.currentTimeMillis();
    filters
        .entrySet()
        .removeIf(
            e -> {
              boolean idle;
              synchronized (e.getValue()) {
                idle = now - e.getValue().lastPolledMillis > timeoutMillis;
              }
              if (idle && e.getValue().kind == Kind.PENDING_TRANSACTIONS) {
                pendingFilters.decrementAndGet();
              }
              return idle;
            });
  }

  public int size() {
    return filters.size();
  }

  /** Removes a filter, keeping the count of pending-transaction filters; false if it was gone. */
  private boolean discard(String id) {
    Filter removed = filters.remove(id);
    if (removed != null && removed.kind == Kind.PENDING_TRANSACTIONS) {
      pendingFilters.decrementAndGet();
    }
    return removed != null;
  }

  @Override
  public boolean wantsPendingTransactions() {
    return pendingFilters.get() > 0;
  }

  private Filter find(String id) throws JsonRpcException {
    Filter filter = filters.get(id);
    if (filter == null) {
      throw JsonRpcException.server("filter not found");
    }
    synchronized (filter) {
      if (clock.currentTimeMillis() - filter.lastPolledMillis > timeoutMillis) {
        discard(id);
        throw JsonRpcException.server("filter not found");
      }
    }
    return filter;
  }

  @Override
  public void onBlockSealed(SealedBlock block) {
    JsonNode hash = Json.text(block.hash().toHexString());
    for (Filter filter : filters.values()) {
      if (filter.kind == Kind.BLOCKS) {
        add(filter, hash);
      } else if (filter.kind == Kind.LOGS && !filter.spec.get().followsPending()) {
        FilterSpec spec = filter.spec.get();
        if (spec.blockHash().isPresent() || beyondEnd(spec, block.block().number())) {
          continue;
        }
        for (LocatedLog log :
            BlockLogs.matching(block.block(), block.hash(), block.receipts(), spec.criteria())) {
          add(filter, LogJson.format(log));
        }
      }
    }
  }

  /** A log filter with a numeric end stops collecting after it. */
  private static boolean beyondEnd(FilterSpec spec, long number) {
    return spec.toBlock()
        .filter(b -> b instanceof BlockParameter.Number n && n.number() < number)
        .isPresent();
  }

  @Override
  public void onMiniBlock(MiniBlock miniBlock) {
    for (Filter filter : filters.values()) {
      if (filter.kind != Kind.LOGS || !filter.spec.get().followsPending()) {
        continue;
      }
      LogFilter criteria = filter.spec.get().criteria();
      for (TransactionResult result : miniBlock.transactions()) {
        for (LocatedLog log : LogJson.locate(result)) {
          if (criteria.matches(log.log())) {
            add(filter, LogJson.format(log));
          }
        }
      }
    }
  }

  @Override
  public void onPendingTransaction(Hash transactionHash) {
    JsonNode hash = null;
    for (Filter filter : filters.values()) {
      if (filter.kind == Kind.PENDING_TRANSACTIONS) {
        if (hash == null) {
          hash = Json.text(transactionHash.toHexString());
        }
        add(filter, hash);
      }
    }
  }

  private void add(Filter filter, JsonNode item) {
    synchronized (filter) {
      if (filter.changes.size() >= maxPending) {
        filter.changes.pollFirst();
      }
      filter.changes.addLast(item);
    }
  }

  @Override
  public void onOverflow() {
    // Filters are best-effort by nature (geth's drop items too); a client polling one sees a gap.
  }
}
