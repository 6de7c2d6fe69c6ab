package org.megaeth.rpc.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The socket transport the node's servers run on: Linux's native epoll when its library loads,
 * Java's NIO selector otherwise (other systems, or a JVM that may not load native code).
 *
 * <p>Why epoll: every response written from a request thread wakes the connection's event loop,
 * which NIO does through its selector (a pipe write and a select call), and that wake-up showed as
 * a tenth of the request threads' time under load; epoll's is one eventfd write, and its reads and
 * writes skip NIO's per-call buffer bookkeeping. Behaviour is the same on both.
 */
public enum NettyTransport {
  EPOLL,
  NIO;

  /** The best transport this process can use. */
  public static NettyTransport best() {
    return Epoll.isAvailable() ? EPOLL : NIO;
  }

  public IoHandlerFactory ioHandlerFactory() {
    return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  public Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  /** Why epoll is not used, for the log; empty when it is. */
  public static String unavailabilityReason() {
    Throwable cause = Epoll.unavailabilityCause();
    return cause == null ? "" : cause.toString();
  }
}
