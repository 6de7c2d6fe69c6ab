package org.megaeth.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceControllerTest {
  private final List<String> events = new ArrayList<>();

  @Test
  void shouldStartInOrderAndStopInReverse() throws Exception {
    ServiceController controller =
        new ServiceController(
            List.of(new Recording("db"), new Recording("p2p"), new Recording("rpc")));
    controller.start();
    controller.stop();
    assertThat(events)
        .containsExactly("start db", "start p2p", "start rpc", "stop rpc", "stop p2p", "stop db");
  }

  @Test
  void shouldStopWhatStartedWhenALaterServiceFailsToStart() {
    ServiceController controller =
        new ServiceController(
            List.of(new Recording("db"), new Failing("p2p"), new Recording("rpc")));
    assertThatThrownBy(controller::start).hasMessage("p2p port in use");
    assertThat(events).containsExactly("start db", "stop db");
  }

  @Test
  void shouldRejectASecondStartAndIgnoreASecondStop() throws Exception {
    Recording service = new Recording("db");
    service.start();
    assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class);
    service.stop();
    service.stop();
    assertThat(events).containsExactly("start db", "stop db");
    assertThat(service.state()).isEqualTo(Service.State.STOPPED);
  }

  @Test
  void shouldKeepStoppingTheOthersWhenOneFailsToStop() throws Exception {
    Recording db = new Recording("db");
    Service bad =
        new Recording("bad") {
          @Override
          protected void doStop() {
            throw new IllegalStateException("stuck");
          }
        };
    ServiceController controller = new ServiceController(List.of(db, bad));
    controller.start();
    // The others still stop, and the failure reaches the caller, who must not call it clean.
    assertThatThrownBy(controller::stop)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stuck");
    assertThat(db.state()).isEqualTo(Service.State.STOPPED);
    assertThat(events).endsWith("stop db");
  }

  private class Recording extends Service {
    private final String name;

    Recording(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    protected void doStart() {
      events.add("start " + name);
    }

    @Override
    protected void doStop() {
      events.add("stop " + name);
    }
  }

  private class Failing extends Recording {
    Failing(String name) {
      super(name);
    }

    @Override
    protected void doStart() {
      throw new IllegalStateException(name() + " port in use");
    }
  }
}
