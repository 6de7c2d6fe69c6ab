package org.megaeth.rpc.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.megaeth.rpc.dispatch.RpcConnection;
import org.megaeth.rpc.json.Json;

/** A push-capable connection for in-process tests: keeps what is pushed, in order. */
public final class CapturingConnection implements RpcConnection {
  private static final AtomicLong IDS = new AtomicLong(1_000_000);

  private final long id = IDS.incrementAndGet();
  private final BlockingQueue<JsonNode> pushed = new LinkedBlockingQueue<>();
  private final List<Runnable> afterResponse = new ArrayList<>();
  private final List<Runnable> onClose = new ArrayList<>();
  private volatile String closedWith;

  @Override
  public long id() {
    return id;
  }

  @Override
  public boolean canPush() {
    return true;
  }

  @Override
  public boolean push(JsonNode notification) {
    if (closedWith != null) {
      return false;
    }
    // As a client would see it: streamed values (receipts, logs, headers) become plain trees.
    pushed.add(Json.toTree(notification));
    return true;
  }

  @Override
  public synchronized void close(String reason) {
    if (closedWith == null) {
      closedWith = reason;
      onClose.forEach(Runnable::run);
    }
  }

  @Override
  public synchronized void onClose(Runnable action) {
    onClose.add(action);
  }

  @Override
  public synchronized void afterResponse(Runnable action) {
    afterResponse.add(action);
  }

  /** The transport queued the response: start what waited for it. */
  public synchronized void responded() {
    afterResponse.forEach(Runnable::run);
    afterResponse.clear();
  }

  /** The next notification's result, waiting up to 10 s for it. */
  public JsonNode next() throws InterruptedException {
    JsonNode n = pushed.poll(10, TimeUnit.SECONDS);
    if (n == null) {
      throw new AssertionError("no notification arrived");
    }
    return n;
  }

  public int waiting() {
    return pushed.size();
  }

  public String closedWith() {
    return closedWith;
  }
}
