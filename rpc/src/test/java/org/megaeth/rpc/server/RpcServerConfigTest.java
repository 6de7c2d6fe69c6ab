package org.megaeth.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.megaeth.config.RpcOptions;
import org.megaeth.rpc.testing.Rpc;

class RpcServerConfigTest {
  @Test
  void shouldTakeTheLimitsTheOperatorConfigured() {
    RpcOptions options =
        Rpc.options().toBuilder()
            .syncTimeout(Duration.ofMillis(300))
            .syncMaxTimeout(Duration.ofSeconds(3))
            .maxResponseBytes(4_096)
            .logsMaxBlockRange(50)
            .logsMaxResults(7)
            .build();

    RpcServerConfig config = RpcServerConfig.of(options);

    assertThat(config.syncDefaultTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(config.syncMaxTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.maxResponseBytes()).isEqualTo(4_096);
    assertThat(config.logsMaxBlockRange()).isEqualTo(50);
    assertThat(config.logsMaxResults()).isEqualTo(7);
  }
}
