package org.megaeth.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.megaeth.rpc.dispatch.CallDeadlines;
import org.megaeth.rpc.dispatch.JsonRpcProcessor;
import org.megaeth.rpc.dispatch.RpcConnection;

/**
 * Where a connection's message is answered. A message that only sends transactions is started on
 * the event loop that read it ({@link JsonRpcProcessor#startWithoutBlocking}) and answered there
 * once the pool has taken them; anything else runs on a request thread, never on an event loop.
 * Shared by every connection of a server.
 *
 * @param processor the JSON-RPC dispatcher
 * @param requests request threads, for the messages that may block
 * @param deadlines the deadlines of the calls started on an event loop
 */
record MessageRunner(JsonRpcProcessor processor, Executor requests, CallDeadlines deadlines) {
  /**
   * Messages up to this size are parsed on the event loop to see whether they can start there (a
   * batch of 64 transactions is about 20 KB); larger ones are parsed on a request thread, so a big
   * batch never holds up the other connections of the loop.
   */
  static final int START_ON_LOOP_BYTES = 64 * 1024;

  /**
   * Answers one message: the response bytes (empty when there is nothing to send back), completed
   * on {@code eventLoop} or on a request thread.
   *
   * @param eventLoop the calling connection's event loop, which is the calling thread
   */
  CompletableFuture<Optional<byte[]>> answer(
      byte[] message, RpcConnection connection, Executor eventLoop) {
    Optional<JsonNode> root =
        message.length <= START_ON_LOOP_BYTES ? processor.parse(message) : Optional.empty();
    Optional<CompletableFuture<Optional<byte[]>>> started =
        root.flatMap(r -> processor.startWithoutBlocking(r, connection, deadlines, eventLoop));
    if (started.isPresent()) {
      return started.get();
    }
    // Parsed already, or left to the request thread (too large, or not JSON: answered there).
    return CompletableFuture.supplyAsync(
        () ->
            root.isPresent()
                ? processor.process(root.get(), connection)
                : processor.process(message, connection),
        requests);
  }
}
