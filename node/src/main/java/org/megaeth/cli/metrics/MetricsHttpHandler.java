package org.megaeth.cli.metrics;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.megaeth.rpc.server.HttpResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one connection's requests: {@code GET /metrics} with the rendered metrics (rendered on
 * {@code renderer}, never on the event loop), 404 for any other path, 405 for any other method.
 * Created per channel; the request is released by {@link SimpleChannelInboundHandler}.
 */
final class MetricsHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsHttpHandler.class);

  static final String PATH = "/metrics";

  /** The Prometheus text exposition format, version 0.0.4, which every scraper reads. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Supplier<String> scrape;
  private final Executor renderer;

  MetricsHttpHandler(Supplier<String> scrape, Executor renderer) {
    this.scrape = scrape;
    this.renderer = renderer;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
    HttpVersion version = request.protocolVersion();
    FullHttpResponse refusal = refusal(request);
    // Every answer goes through the one renderer thread, even a refusal made here: a client that
    // pipelines requests gets its responses in order.
    try {
      renderer.execute(
          () -> {
            if (refusal == null) {
              render(ctx, version, keepAlive);
            } else {
              HttpResponses.send(ctx, refusal, keepAlive);
            }
          });
    } catch (RejectedExecutionException stopping) {
      if (refusal != null) {
        refusal.release();
      }
      HttpResponses.send(
          ctx, text(version, HttpResponseStatus.SERVICE_UNAVAILABLE, "stopping\n"), false);
    }
  }

  /** The error response for anything but {@code GET /metrics}; null for that. */
  private static FullHttpResponse refusal(FullHttpRequest request) {
    HttpVersion version = request.protocolVersion();
    if (!request.decoderResult().isSuccess()) {
      return text(version, HttpResponseStatus.BAD_REQUEST, "bad request\n");
    }
    if (!new QueryStringDecoder(request.uri()).path().equals(PATH)) {
      return text(version, HttpResponseStatus.NOT_FOUND, "not found: try GET " + PATH + "\n");
    }
    if (!request.method().equals(HttpMethod.GET)) {
      FullHttpResponse response =
          text(version, HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed: use GET\n");
      response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
      return response;
    }
    return null;
  }

  private void render(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive) {
    FullHttpResponse response;
    try {
      byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
      response =
          new DefaultFullHttpResponse(version, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE);
    } catch (RuntimeException e) {
      LOG.warn("rendering the metrics failed", e);
      response = text(version, HttpResponseStatus.INTERNAL_SERVER_ERROR, "metrics unavailable\n");
    }
    HttpResponses.send(
        ctx, response, keepAlive); // writeAndFlush from another thread: Netty hands it over
  }

  private static FullHttpResponse text(
      HttpVersion version, HttpResponseStatus status, String message) {
    ByteBuf body = Unpooled.copiedBuffer(message, StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(version, status, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    return response;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A scraper that hung up mid-response, or a malformed stream: nothing to answer.
    LOG.debug("metrics connection failed: {}", cause.toString());
    ctx.close();
  }
}
