package org.megaeth.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class NettyTransportTest {

  @Test
  void shouldRunOnEpollOnLinuxX86() {
    // The node ships the linux-x86_64 native library; losing it would silently fall back to NIO.
    assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"));
    assumeTrue(System.getProperty("os.arch").matches("amd64|x86_64"));
    assertThat(NettyTransport.best())
        .as("epoll unavailable: %s", NettyTransport.unavailabilityReason())
        .isEqualTo(NettyTransport.EPOLL);
  }
}
