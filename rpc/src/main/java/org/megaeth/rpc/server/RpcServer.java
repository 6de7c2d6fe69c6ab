package org.megaeth.rpc.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.megaeth.core.service.Service;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.rpc.RpcApi;
import org.megaeth.rpc.RpcBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC server: one port for HTTP and WebSocket. Netty threads only move bytes; each request
 * is processed on a virtual thread, and EVM work on the bounded EVM executor.
 */
public final class RpcServer extends Service {
  private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

  /** Outbound bytes a connection may buffer before it counts as not writable. */
  private static final WriteBufferWaterMark WATER_MARK =
      new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

  /** How often idle filters are looked for. */
  private static final long FILTER_SWEEP_SECONDS = 30;

  private final RpcServerConfig config;
  private final RpcBackend backend;
  private final TimeProvider clock;
  private final WebSocketSessions sessions = new WebSocketSessions();
  private final MeterRegistry meters;

  /** The meters reading this server's state: removed when it stops. */
  private final List<Meter> gauges = new ArrayList<>();

  private RpcApi api;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private ExecutorService requests;
  private WheelDeadlines deadlines;
  private ScheduledFuture<?> sweeper;
  private Channel channel;

  /** A server whose meters go nowhere (tests). */
  public RpcServer(RpcServerConfig config, RpcBackend backend, TimeProvider clock) {
    this(config, backend, clock, new CompositeMeterRegistry());
  }

  /**
   * @param meters where the server's meters go (see docs/metrics.md)
   */
  public RpcServer(
      RpcServerConfig config, RpcBackend backend, TimeProvider clock, MeterRegistry meters) {
    this.config = config;
    this.backend = backend;
    this.clock = clock;
    this.meters = meters;
  }

  @Override
  protected void doStart() throws Exception {
    api = new RpcApi(config, backend, clock, meters);
    // One name for all: a numbered name is a String built per request on the event loop (5% of
    // its time under the load generator), and a request's thread lives for that request only.
    requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rpc-request").factory());
    deadlines = new WheelDeadlines();
    NettyTransport transport = NettyTransport.best();
    boss = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
    workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), transport.ioHandlerFactory());
    AccessPolicy access =
        new AccessPolicy(config.options().hostAllowlist(), config.options().corsOrigins());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childHandler(
                new RpcChannelInitializer(
                    config,
                    access,
                    new MessageRunner(api.processor(), requests, deadlines),
                    sessions));
    try {
      channel =
          bootstrap
              .bind(new InetSocketAddress(config.options().host(), config.options().port()))
              .sync()
              .channel();
    } catch (Exception e) {
      release();
      throw e;
    }
    registerGauges();
    sweeper =
        boss.scheduleAtFixedRate(
            () -> api.filters().expire(),
            FILTER_SWEEP_SECONDS,
            FILTER_SWEEP_SECONDS,
            TimeUnit.SECONDS);
    LOG.info(
        "JSON-RPC listening on {} (HTTP{}, {})",
        channel.localAddress(),
        config.options().wsEnabled() ? " and WebSocket" : "",
        transport == NettyTransport.EPOLL ? "epoll" : "nio");
    if (transport == NettyTransport.NIO) {
      LOG.debug("epoll not used: {}", NettyTransport.unavailabilityReason());
    }
  }

  private void registerGauges() {
    WebSocketSessions open = sessions;
    RpcApi served = api;
    gauges.add(
        Gauge.builder("megaeth.rpc.websocket.connections", open, WebSocketSessions::size)
            .description("Open WebSocket connections")
            .register(meters));
    gauges.add(
        Gauge.builder("megaeth.rpc.subscriptions", served, a -> a.subscriptions().size())
            .description("Delivering eth_subscribe subscriptions")
            .register(meters));
    gauges.add(
        FunctionCounter.builder(
                "megaeth.rpc.websocket.dropped.slow", open, WebSocketSessions::droppedSlowCount)
            .description("WebSocket clients closed because they read too slowly (1008)")
            .register(meters));
  }

  /** The bound address (the real port when configured with port 0). */
  public InetSocketAddress localAddress() {
    if (channel == null) {
      throw new IllegalStateException("the server is not running");
    }
    return (InetSocketAddress) channel.localAddress();
  }

  /** The API behind the transport (for tests and the composition root). */
  public RpcApi api() {
    if (api == null) {
      throw new IllegalStateException("the server is not running");
    }
    return api;
  }

  @Override
  protected void doStop() throws Exception {
    if (sweeper != null) {
      sweeper.cancel(false);
    }
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    sessions.closeAll("server stopping");
    release();
  }

  private void release() {
    gauges.forEach(meters::remove);
    gauges.clear();
    if (api != null) {
      api.close();
    }
    if (requests != null) {
      requests.shutdownNow();
    }
    if (deadlines != null) {
      deadlines.close();
    }
    if (boss != null) {
      boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (workers != null) {
      workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
