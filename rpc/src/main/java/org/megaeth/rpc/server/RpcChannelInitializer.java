package org.megaeth.rpc.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The pipeline of a new connection: HTTP codec, body aggregation up to the request limit (a larger
 * body gets 413 from the aggregator), then {@link HttpRpcHandler}, which on a WebSocket upgrade
 * swaps itself for the frame handlers.
 */
final class RpcChannelInitializer extends ChannelInitializer<SocketChannel> {
  /** Request line and headers: generous for browsers' cookies, small enough to bound a flood. */
  private static final int MAX_INITIAL_LINE = 8 * 1024;

  private static final int MAX_HEADER_SIZE = 16 * 1024;

  private final RpcServerConfig config;
  private final AccessPolicy access;
  private final MessageRunner runner;
  private final WebSocketSessions sessions;

  RpcChannelInitializer(
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
  protected void initChannel(SocketChannel channel) {
    channel
        .pipeline()
        .addLast("http-codec", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, 8192))
        .addLast("http-aggregator", new HttpObjectAggregator(config.options().maxRequestBytes()))
        .addLast("http-rpc", new HttpRpcHandler(config, access, runner, sessions));
  }
}
