package org.megaeth.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  private final AccessPolicy defaults =
      new AccessPolicy(List.of("localhost", "127.0.0.1", "::1"), List.of());

  @Test
  void shouldAllowListedHostsWithOrWithoutPort() {
    assertThat(defaults.hostAllowed("localhost:8545")).isTrue();
    assertThat(defaults.hostAllowed("LOCALHOST")).isTrue();
    assertThat(defaults.hostAllowed("[::1]:8545")).isTrue();
    assertThat(defaults.hostAllowed("127.0.0.1")).isTrue();
    assertThat(defaults.hostAllowed("evil.example:8545")).isFalse();
    assertThat(defaults.hostAllowed(null)).isTrue();
    assertThat(new AccessPolicy(List.of("*"), List.of()).hostAllowed("anything")).isTrue();
  }

  @Test
  void shouldSendCorsHeadersOnlyForAllowedOrigins() {
    assertThat(defaults.allowOrigin("https://a.example")).isEmpty();
    AccessPolicy one = new AccessPolicy(List.of("*"), List.of("https://a.example"));
    assertThat(one.allowOrigin("https://a.example")).contains("https://a.example");
    assertThat(one.allowOrigin("https://b.example")).isEmpty();
    assertThat(new AccessPolicy(List.of("*"), List.of("*")).allowOrigin("https://b.example"))
        .contains("*");
  }

  @Test
  void shouldAllowWebSocketsFromNonBrowsersAndLocalPagesByDefault() {
    assertThat(defaults.webSocketOriginAllowed(null)).isTrue();
    assertThat(defaults.webSocketOriginAllowed("http://localhost:3000")).isTrue();
    assertThat(defaults.webSocketOriginAllowed("http://[::1]:3000")).isTrue();
    assertThat(defaults.webSocketOriginAllowed("https://evil.example")).isFalse();
    AccessPolicy listed = new AccessPolicy(List.of("*"), List.of("https://a.example"));
    assertThat(listed.webSocketOriginAllowed("https://a.example")).isTrue();
    assertThat(listed.webSocketOriginAllowed("http://localhost:3000")).isFalse();
  }
}
