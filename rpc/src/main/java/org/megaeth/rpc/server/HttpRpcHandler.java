package org.megaeth.rpc.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.megaeth.rpc.dispatch.AsyncJsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one HTTP connection: JSON-RPC over POST, a 200 to a plain GET (load balancers' health
 * check, as geth answers), CORS preflights, and the upgrade to WebSocket, after which this handler
 * leaves the pipeline. Stateful (one per channel).
 *
 * <p>Requests are answered by the {@link MessageRunner}: on a request thread, or started on the
 * event loop when they only send transactions. HTTP/1.1 requires responses in request order, so a
 * connection's requests run one after another, chained on {@link #tail}, which only the event loop
 * touches.
 */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(HttpRpcHandler.class);
  private static final String JSON = "application/json";

  private final RpcServerConfig config;
  private final AccessPolicy access;
  private final MessageRunner runner;
  private final WebSocketSessions sessions;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  HttpRpcHandler(
      RpcServerConfig config,
      AccessPolicy access,
      MessageRunner runner,
      WebSocketSessions sessions) {
    this.config = config;
    this.access = access;
    this.runner = runner;
    this.sessions = sessions;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.decoderResult().isSuccess()) {
      sendText(ctx, request, HttpResponseStatus.BAD_REQUEST, "bad request\n", false);
      return;
    }
    if (!access.hostAllowed(request.headers().get(HttpHeaderNames.HOST))) {
      sendText(ctx, request, HttpResponseStatus.FORBIDDEN, "invalid host specified\n", false);
      return;
    }
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (isWebSocketUpgrade(request)) {
      upgrade(ctx, request, origin);
      return;
    }
    HttpMethod method = request.method();
    if (method.equals(HttpMethod.OPTIONS)) {
      preflight(ctx, request, origin);
    } else if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
      sendText(ctx, request, HttpResponseStatus.OK, "", true);
    } else if (method.equals(HttpMethod.POST)) {
      post(ctx, request, origin);
    } else {
      sendText(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed\n", true);
    }
  }

  private void post(ChannelHandlerContext ctx, FullHttpRequest request, String origin) {
    String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (contentType != null && !isJson(contentType)) {
      sendText(
          ctx,
          request,
          HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
          "invalid content type, only application/json is supported\n",
          true);
      return;
    }
    // The request buffer is released when this method returns: copy the body out first.
    byte[] body = ByteBufUtil.getBytes(request.content());
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpVersion version = request.protocolVersion();
    Optional<String> allowOrigin = access.allowOrigin(origin);
    respondInOrder(
        ctx,
        () ->
            runner
                .answer(body, RpcConnection.HTTP, ctx.channel().eventLoop())
                .thenApply(
                    response -> {
                      FullHttpResponse http =
                          new DefaultFullHttpResponse(
                              version,
                              HttpResponseStatus.OK,
                              Unpooled.wrappedBuffer(response.orElse(new byte[0])));
                      http.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON);
                      allowOrigin.ifPresent(o -> cors(http, o));
                      return http;
                    }),
        keepAlive);
  }

  /**
   * Answers a request after every earlier request of this connection is answered: HTTP/1.1 sends
   * responses in request order. A request that arrives while the one before is still answered
   * starts when that one is written, on whichever thread finished it. The write itself is always a
   * task on the event loop: a response computed on the loop (a send-only message, or a request that
   * found the tail done) must queue behind an earlier response that another thread has already
   * handed to the loop, not overtake it by writing at once.
   */
  private void respondInOrder(
      ChannelHandlerContext ctx,
      Supplier<CompletableFuture<FullHttpResponse>> response,
      boolean keepAlive) {
    tail =
        tail.thenCompose(ignored -> response.get())
            .thenAcceptAsync(http -> HttpResponses.send(ctx, http, keepAlive), ctx.executor())
            .exceptionally(
                failure -> {
                  if (!(AsyncJsonRpcMethod.cause(failure) instanceof RejectedExecutionException)) {
                    // The processor turns every failure into a JSON-RPC error; this is a bug.
                    LOG.error("request processing failed", failure);
                  } // else the server is stopping and its event loops are gone
                  ctx.close();
                  return null;
                });
  }

  private static boolean isJson(String contentType) {
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals(JSON)
        || type.equals("application/json-rpc")
        || type.equals("application/jsonrequest");
  }

  private void preflight(ChannelHandlerContext ctx, FullHttpRequest request, String origin) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.NO_CONTENT);
    access
        .allowOrigin(origin)
        .ifPresent(
            o -> {
              cors(response, o);
              response
                  .headers()
                  .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, GET, OPTIONS");
              String headers =
                  request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
              response
                  .headers()
                  .set(
                      HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
                      headers == null ? "Content-Type" : headers);
              response.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
            });
    respondInOrder(
        ctx, () -> CompletableFuture.completedFuture(response), HttpUtil.isKeepAlive(request));
  }

  private static void cors(FullHttpResponse response, String allowOrigin) {
    response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
    if (!allowOrigin.equals("*")) {
      response.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
  }

  private static boolean isWebSocketUpgrade(FullHttpRequest request) {
    return request.method().equals(HttpMethod.GET)
        && request
            .headers()
            .containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
        && request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String origin) {
    if (!config.options().wsEnabled()) {
      sendText(ctx, request, HttpResponseStatus.BAD_REQUEST, "websocket is disabled\n", false);
      return;
    }
    if (!access.webSocketOriginAllowed(origin)) {
      sendText(ctx, request, HttpResponseStatus.FORBIDDEN, "origin not allowed\n", false);
      return;
    }
    WebSocketServerHandshakerFactory factory =
        new WebSocketServerHandshakerFactory(
            "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri(),
            null,
            true,
            config.options().maxRequestBytes());
    WebSocketServerHandshaker handshaker = factory.newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    // The handshake puts the WebSocket codec in place synchronously (the HTTP codec goes once the
    // 101 is written); the frame handlers replace this one before the next read.
    handshaker.handshake(ctx.channel(), request);
    long ping = config.wsPingInterval().toMillis();
    ChannelPipeline pipeline = ctx.pipeline();
    pipeline.addLast(
        "ws-aggregator", new WebSocketFrameAggregator(config.options().maxRequestBytes()));
    pipeline.addLast("ws-idle", new IdleStateHandler(ping, 0, 0, TimeUnit.MILLISECONDS));
    WebSocketConnection connection =
        new WebSocketConnection(
            ctx.channel(), config.wsMaxPendingMessages(), sessions::droppedSlow);
    pipeline.addLast(
        "ws-rpc",
        new WebSocketRpcHandler(handshaker, connection, runner, config.maxInFlightPerConnection()));
    sessions.add(connection);
    pipeline.remove(this);
  }

  private void sendText(
      ChannelHandlerContext ctx,
      FullHttpRequest request,
      HttpResponseStatus status,
      String text,
      boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            request.protocolVersion(), status, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    respondInOrder(
        ctx,
        () -> CompletableFuture.completedFuture(response),
        keepAlive && HttpUtil.isKeepAlive(request));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
