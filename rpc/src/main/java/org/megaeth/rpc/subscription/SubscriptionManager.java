package org.megaeth.rpc.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.megaeth.core.api.MiniBlock;
import org.megaeth.core.api.SealedBlock;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.types.Hash;
import org.megaeth.core.util.Hex;
import org.megaeth.rpc.dispatch.RpcConnection;
import org.megaeth.rpc.filter.BlockLogs;
import org.megaeth.rpc.filter.LogFilter;
import org.megaeth.rpc.format.BlockJson;
import org.megaeth.rpc.format.LocatedLog;
import org.megaeth.rpc.format.LogJson;
import org.megaeth.rpc.format.MiniBlockJson;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcError;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * The WebSocket subscriptions. Events arrive in order on the dispatcher's thread; each is formatted
 * once and pushed to every matching subscription through its connection's bounded queue, so
 * notifications reach a client in event order and a slow client is disconnected, not waited for.
 *
 * <p>A subscription starts delivering once its {@code eth_subscribe} response is queued, so the
 * response always comes first. It ends with {@code eth_unsubscribe} or its connection.
 */
public final class SubscriptionManager implements ChainEventDispatcher.Target {
  /** What a subscription follows. */
  public enum Kind {
    NEW_HEADS("newHeads"),
    LOGS("logs"),
    NEW_PENDING_TRANSACTIONS("newPendingTransactions"),
    MINI_BLOCKS("miniBlocks");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public static Optional<Kind> fromWireName(String name) {
      for (Kind kind : values()) {
        if (kind.wireName.equals(name)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One subscription.
   *
   * @param pending for logs: follow mini-blocks (preconfirmed) instead of sealed blocks
   */
  private record Subscription(
      String id, Kind kind, RpcConnection connection, LogFilter filter, boolean pending) {}

  private final SecureRandom random = new SecureRandom();
  private final int maxPerConnection;

  /** Delivering subscriptions, by id. */
  private final Map<String, Subscription> active = new ConcurrentHashMap<>();

  /**
   * The delivering subscriptions in the order they started, so that one event reaches a client's
   * subscriptions in a stable order; replaced (under this object's lock) on every change, read
   * without locking by the event thread.
   */
  private volatile List<Subscription> ordered = List.of();

  /** Whether {@link #ordered} has a {@code newPendingTransactions} subscription. */
  private volatile boolean pendingSubscribed;

  /** The connections whose close ends their subscriptions (a hook registered on each). */
  private final java.util.Set<Long> hooked = ConcurrentHashMap.newKeySet();

  /** Subscriptions per connection id, counting those not yet delivering. */
  private final Map<Long, Integer> perConnection = new ConcurrentHashMap<>();

  public SubscriptionManager(int maxPerConnection) {
    this.maxPerConnection = maxPerConnection;
  }

  /**
   * Creates a subscription on {@code connection}; it delivers from when the response is queued.
   *
   * @param filter for {@link Kind#LOGS}: the criteria; otherwise ignored
   * @param pending for {@link Kind#LOGS}: follow mini-blocks
   * @return the subscription id
   */
  public String subscribe(RpcConnection connection, Kind kind, LogFilter filter, boolean pending)
      throws JsonRpcException {
    if (!connection.canPush()) {
      throw JsonRpcException.of(
          JsonRpcError.NOTIFICATIONS_UNSUPPORTED, "notifications not supported");
    }
    int count = perConnection.merge(connection.id(), 1, Integer::sum);
    if (count > maxPerConnection) {
      perConnection.merge(connection.id(), -1, Integer::sum);
      throw JsonRpcException.of(
          JsonRpcError.LIMIT_EXCEEDED,
          "too many subscriptions on this connection: at most " + maxPerConnection);
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String id = Hex.encode(bytes);
    Subscription subscription = new Subscription(id, kind, connection, filter, pending);
    connection.afterResponse(() -> start(subscription));
    if (hooked.add(connection.id())) {
      // One close hook per connection, not one per subscription: a client that subscribes and
      // unsubscribes in a loop must not grow the connection's hook list.
      connection.onClose(() -> removeAll(connection.id()));
    }
    return id;
  }

  /** Ends a subscription of this connection; false when it has no such subscription. */
  public boolean unsubscribe(RpcConnection connection, String id) {
    Subscription subscription = active.get(id);
    if (subscription == null || subscription.connection().id() != connection.id()) {
      return false;
    }
    return remove(id, connection.id());
  }

  private synchronized void start(Subscription subscription) {
    active.put(subscription.id(), subscription);
    List<Subscription> next = new ArrayList<>(ordered);
    next.add(subscription);
    setOrdered(next);
  }

  private void setOrdered(List<Subscription> next) {
    ordered = List.copyOf(next);
    pendingSubscribed = next.stream().anyMatch(s -> s.kind() == Kind.NEW_PENDING_TRANSACTIONS);
  }

  @Override
  public boolean wantsPendingTransactions() {
    return pendingSubscribed;
  }

  /** Ends every subscription of a closed connection. */
  private synchronized void removeAll(long connectionId) {
    for (Subscription s : ordered) {
      if (s.connection().id() == connectionId) {
        remove(s.id(), connectionId);
      }
    }
    perConnection.remove(connectionId);
    hooked.remove(connectionId);
  }

  private synchronized boolean remove(String id, long connectionId) {
    Subscription removed = active.remove(id);
    if (removed == null) {
      return false;
    }
    List<Subscription> next = new ArrayList<>(ordered);
    next.remove(removed);
    setOrdered(next);
    perConnection.computeIfPresent(connectionId, (k, v) -> v <= 1 ? null : v - 1);
    return true;
  }

  /** Delivering subscriptions (for tests and metrics). */
  public int size() {
    return active.size();
  }

  @Override
  public void onBlockSealed(SealedBlock block) {
    JsonNode header = null;
    for (Subscription s : ordered) {
      switch (s.kind()) {
        case NEW_HEADS -> {
          if (header == null) {
            header = BlockJson.header(block.block().header(), block.hash());
          }
          notify(s, header);
        }
        case LOGS -> {
          if (!s.pending()) {
            List<LocatedLog> logs =
                BlockLogs.matching(block.block(), block.hash(), block.receipts(), s.filter());
            for (LocatedLog log : logs) {
              notify(s, LogJson.format(log));
            }
          }
        }
        default -> {
          // Other kinds do not follow sealed blocks.
        }
      }
    }
  }

  @Override
  public void onMiniBlock(MiniBlock miniBlock) {
    JsonNode formatted = null;
    for (Subscription s : ordered) {
      if (s.kind() == Kind.MINI_BLOCKS) {
        if (formatted == null) {
          formatted = MiniBlockJson.format(miniBlock);
        }
        notify(s, formatted);
      } else if (s.kind() == Kind.LOGS && s.pending()) {
        for (TransactionResult result : miniBlock.transactions()) {
          for (LocatedLog log : LogJson.locate(result)) {
            if (s.filter().matches(log.log())) {
              notify(s, LogJson.format(log));
            }
          }
        }
      }
    }
  }

  @Override
  public void onPendingTransaction(Hash transactionHash) {
    JsonNode hash = null;
    for (Subscription s : ordered) {
      if (s.kind() == Kind.NEW_PENDING_TRANSACTIONS) {
        if (hash == null) {
          hash = Json.text(transactionHash.toHexString());
        }
        notify(s, hash);
      }
    }
  }

  @Override
  public void onOverflow() {
    for (Subscription s : ordered) {
      s.connection().close("subscription events were lost: the node fell behind");
    }
  }

  private void notify(Subscription subscription, JsonNode result) {
    ObjectNode params = Json.object();
    params.put("subscription", subscription.id());
    params.set("result", result);
    ObjectNode notification = Json.object();
    notification.put("jsonrpc", "2.0");
    notification.put("method", "eth_subscription");
    notification.set("params", params);
    if (!subscription.connection().push(notification)) {
      // Closed (possibly before the subscription started): it will never deliver again.
      remove(subscription.id(), subscription.connection().id());
    }
  }
}
