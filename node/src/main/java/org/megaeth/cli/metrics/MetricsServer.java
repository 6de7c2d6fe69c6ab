package org.megaeth.cli.metrics;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.megaeth.core.service.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scrape endpoint: {@code GET /metrics} on its own small HTTP server, answered with whatever
 * {@code scrape} renders (the Prometheus text format). Any other path gets 404, any other method on
 * {@code /metrics} 405. One event-loop thread moves the bytes; rendering runs on a thread of its
 * own, because gauges may take locks (the mempool's) that an event loop must not wait for.
 */
public final class MetricsServer extends Service {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

  /** A scrape is a GET without a body: anything larger is not one. */
  private static final int MAX_REQUEST_BYTES = 16 * 1024;

  private final String host;
  private final int port;
  private final Supplier<String> scrape;
  private EventLoopGroup group;
  private ExecutorService renderer;
  private Channel channel;

  /**
   * @param host the interface to listen on ({@code metrics.host})
   * @param port the port to listen on ({@code metrics.port}; 0 picks a free one, for tests)
   * @param scrape renders the current metrics in the Prometheus text format
   */
  public MetricsServer(String host, int port, Supplier<String> scrape) {
    this.host = host;
    this.port = port;
    this.scrape = scrape;
  }

  @Override
  public String name() {
    return "MetricsServer";
  }

  @Override
  protected void doStart() throws IOException, InterruptedException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IOException("metrics.host: cannot resolve \"" + host + "\"");
    }
    renderer =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("metrics-scrape").daemon(true).factory());
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast("http-codec", new HttpServerCodec())
                        .addLast("http-aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                        .addLast("metrics", new MetricsHttpHandler(scrape, renderer));
                  }
                });
    try {
      channel = bootstrap.bind(address).sync().channel();
    } catch (Exception e) {
      release();
      if (e instanceof SocketException) {
        // Netty rethrows the bind failure as is; the operator needs the option to change.
        throw new IOException(
            "metrics.port: cannot listen on %s:%d: %s (another process uses it? set metrics.port)"
                .formatted(host, port, e.getMessage()));
      }
      throw e;
    }
    LOG.info("Prometheus metrics on http://{}/metrics", hostAndPort(localAddress()));
  }

  /** The bound address (the real port when configured with port 0). */
  public InetSocketAddress localAddress() {
    if (channel == null) {
      throw new IllegalStateException("the metrics server is not running");
    }
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  protected void doStop() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    release();
  }

  private void release() {
    if (group != null) {
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (renderer != null) {
      renderer.shutdownNow();
    }
  }

  private static String hostAndPort(InetSocketAddress address) {
    String ip = address.getAddress().getHostAddress();
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + address.getPort();
  }
}
