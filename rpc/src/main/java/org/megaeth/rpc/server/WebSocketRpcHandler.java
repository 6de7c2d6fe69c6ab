package org.megaeth.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.megaeth.rpc.dispatch.RpcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one WebSocket connection after the upgrade: each text (or binary) message is a JSON-RPC
 * call or batch, answered by the {@link MessageRunner}; messages are processed concurrently, as
 * geth does, so a slow call (a {@code eth_sendRawTransactionSync}) does not hold up the others, and
 * responses carry their ids. Answers pings, pings a client it has not heard from for a ping
 * interval, and closes one that stays silent for another. Stateful (one per channel).
 */
final class WebSocketRpcHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketRpcHandler.class);

  private final WebSocketServerHandshaker handshaker;
  private final WebSocketConnection connection;
  private final MessageRunner runner;
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();

  /** Reading stopped for too many calls in flight; whoever clears it resumes reading. */
  private final AtomicBoolean paused = new AtomicBoolean();

  /** A ping went out and nothing has been read since; only the event loop touches it. */
  private boolean awaitingPong;

  WebSocketRpcHandler(
      WebSocketServerHandshaker handshaker,
      WebSocketConnection connection,
      MessageRunner runner,
      int maxInFlight) {
    this.handshaker = handshaker;
    this.connection = connection;
    this.runner = runner;
    this.maxInFlight = maxInFlight;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    awaitingPong = false;
    switch (frame) {
      case TextWebSocketFrame text -> call(ctx, ByteBufUtil.getBytes(text.content()));
      case BinaryWebSocketFrame binary -> call(ctx, ByteBufUtil.getBytes(binary.content()));
      case PingWebSocketFrame ping ->
          ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
      case PongWebSocketFrame pong -> {
        // Reading it is what counts: the idle handler saw the connection alive.
      }
      case CloseWebSocketFrame close -> handshaker.close(ctx.channel(), close.retain());
      default -> LOG.debug("ignoring WebSocket frame {}", frame.getClass().getSimpleName());
    }
  }

  private void call(ChannelHandlerContext ctx, byte[] message) {
    if (inFlight.incrementAndGet() >= maxInFlight) {
      // Too much in flight: stop reading until calls finish (TCP pushes back on the client).
      paused.set(true);
      ctx.channel().config().setAutoRead(false);
      // A call that finished before the flag was set did not see it: look again.
      if (inFlight.get() < maxInFlight && paused.compareAndSet(true, false)) {
        resumeReading(ctx);
      }
    }
    MessageScope scope = new MessageScope(connection);
    runner
        .answer(message, scope, ctx.channel().eventLoop())
        .whenComplete(
            (response, failure) -> {
              try {
                if (failure != null) {
                  // The processor turns every failure into a JSON-RPC error; this is a bug.
                  LOG.error("WebSocket message processing failed", failure);
                } else {
                  response.ifPresent(connection::send);
                  scope.responded();
                }
              } finally {
                // Only a paused connection needs the event loop: a task per call would wake it
                // for nothing on every response.
                if (inFlight.decrementAndGet() < maxInFlight && paused.compareAndSet(true, false)) {
                  ctx.channel().eventLoop().execute(() -> resumeReading(ctx));
                }
              }
            });
  }

  private static void resumeReading(ChannelHandlerContext ctx) {
    if (!ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
      ctx.read();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      connection.drain();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent idle) {
      // Nothing read for a ping interval: ping; nothing read for another one: the client is gone.
      if (idle.state() == IdleState.READER_IDLE) {
        if (awaitingPong) {
          connection.closeWith(WebSocketCloseStatus.NORMAL_CLOSURE.code(), "ping timeout");
        } else {
          awaitingPong = true;
          ctx.writeAndFlush(new PingWebSocketFrame());
        }
      }
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    connection.closed();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("WebSocket {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  /**
   * The connection as one message's calls see it: pushes go to the connection, and actions for
   * "after the response" wait until this message's response is queued.
   */
  private static final class MessageScope implements RpcConnection {
    private final WebSocketConnection connection;
    private final List<Runnable> afterResponse = new ArrayList<>();

    MessageScope(WebSocketConnection connection) {
      this.connection = connection;
    }

    @Override
    public long id() {
      return connection.id();
    }

    @Override
    public boolean canPush() {
      return true;
    }

    @Override
    public boolean push(JsonNode notification) {
      return connection.push(notification);
    }

    @Override
    public void close(String reason) {
      connection.close(reason);
    }

    @Override
    public void onClose(Runnable action) {
      connection.onClose(action);
    }

    @Override
    public void afterResponse(Runnable action) {
      afterResponse.add(action);
    }

    void responded() {
      afterResponse.forEach(Runnable::run);
    }
  }
}
