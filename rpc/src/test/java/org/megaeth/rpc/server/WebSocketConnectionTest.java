package org.megaeth.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded outbound queue of one WebSocket client. */
class WebSocketConnectionTest {
  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final WebSocketConnection connection = new WebSocketConnection(channel, 3);

  private void unwritable(boolean blocked) {
    channel.unsafe().outboundBuffer().setUserDefinedWritability(1, !blocked);
  }

  @Test
  void shouldWriteMessagesInTheOrderQueued() {
    connection.send("a");
    connection.send("b");
    channel.runPendingTasks();
    TextWebSocketFrame first = channel.readOutbound();
    assertThat(first.text()).isEqualTo("a");
    first.release();
    TextWebSocketFrame second = channel.readOutbound();
    assertThat(second.text()).isEqualTo("b");
    second.release();
    channel.finishAndReleaseAll();
  }

  @Test
  void shouldHoldMessagesWhileTheClientIsNotReadingAndResumeAfter() {
    unwritable(true);
    connection.send("a");
    connection.send("b");
    channel.runPendingTasks();
    Object nothing = channel.readOutbound();
    assertThat(nothing).isNull();
    assertThat(connection.pending()).isEqualTo(2);
    unwritable(false);
    connection.drain();
    TextWebSocketFrame a = channel.readOutbound();
    assertThat(a.text()).isEqualTo("a");
    a.release();
    ((TextWebSocketFrame) channel.readOutbound()).release();
    channel.finishAndReleaseAll();
  }

  @Test
  void shouldDisconnectASlowClientWithAReasonInsteadOfWaiting() {
    AtomicInteger closeActions = new AtomicInteger();
    connection.onClose(closeActions::incrementAndGet);
    unwritable(true);
    assertThat(connection.send("1")).isTrue();
    assertThat(connection.send("2")).isTrue();
    assertThat(connection.send("3")).isTrue();
    assertThat(connection.send("4")).isFalse();
    assertThat(connection.isClosed()).isTrue();
    assertThat(closeActions).hasValue(1);
    assertThat(connection.send("5")).isFalse();
    channel.runPendingTasks();
    CloseWebSocketFrame close = channel.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1008);
    assertThat(close.reasonText()).isEqualTo("client too slow: 3 messages not read");
    close.release();
    channel.finishAndReleaseAll();
  }

  @Test
  void shouldReportASlowClientOnceWhenItIsDropped() {
    AtomicInteger dropped = new AtomicInteger();
    EmbeddedChannel slowChannel = new EmbeddedChannel();
    WebSocketConnection slow = new WebSocketConnection(slowChannel, 2, dropped::incrementAndGet);
    slowChannel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
    assertThat(slow.send("1")).isTrue();
    assertThat(slow.send("2")).isTrue();
    assertThat(dropped).hasValue(0);
    assertThat(slow.send("3")).isFalse();
    assertThat(slow.send("4")).isFalse();
    assertThat(dropped).hasValue(1);
    slowChannel.finishAndReleaseAll();
    channel.finishAndReleaseAll();
  }

  @Test
  void shouldNotReportAClientClosedForAnotherReasonAsSlow() {
    AtomicInteger dropped = new AtomicInteger();
    EmbeddedChannel other = new EmbeddedChannel();
    WebSocketConnection connection = new WebSocketConnection(other, 2, dropped::incrementAndGet);
    connection.close("subscription events were lost");
    assertThat(connection.send("1")).isFalse();
    assertThat(dropped).hasValue(0);
    other.finishAndReleaseAll();
    channel.finishAndReleaseAll();
  }

  @Test
  void shouldRunCloseActionsOnceAndAtOnceWhenAlreadyClosed() {
    AtomicInteger runs = new AtomicInteger();
    connection.onClose(runs::incrementAndGet);
    connection.closed();
    connection.closed();
    assertThat(runs).hasValue(1);
    connection.onClose(runs::incrementAndGet);
    assertThat(runs).hasValue(2);
    channel.finishAndReleaseAll();
  }
}
