package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.megaeth.core.service.Service;
import org.megaeth.core.service.ServiceController;

class NodeLauncherTest {
  private final List<String> events = new CopyOnWriteArrayList<>();

  @Test
  void shouldRunUntilShutdownAndStopServicesInReverseOrder() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    NodeLauncher launcher =
        new NodeLauncher(
            new ServiceController(List.of(new Named("store", null), new Named("rpc", started))));
    Thread main = runInBackground(launcher, started);
    // What SIGINT and SIGTERM do:
    launcher.requestStop();
    main.join(10_000);
    assertThat(events)
        .containsExactly("start store", "start rpc", "stop rpc", "stop store", "returned");
  }

  @Test
  void shouldAlsoReturnWhenTheShutdownHookStoppedTheServices() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    NodeLauncher launcher =
        new NodeLauncher(new ServiceController(List.of(new Named("store", started))));
    Thread main = runInBackground(launcher, started);
    launcher.shutdown(); // what the hook runs when the JVM exits for another reason
    main.join(10_000);
    assertThat(events).containsExactly("start store", "stop store", "returned");
  }

  @Test
  void shouldSayTheStopWasNotCleanWhenAServiceFailedToStop() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Service stuck =
        new Named("store", null) {
          @Override
          protected void doStop() {
            throw new IllegalStateException("cannot flush");
          }
        };
    NodeLauncher launcher =
        new NodeLauncher(new ServiceController(List.of(stuck, new Named("rpc", started))));
    Thread main = runInBackground(launcher, started);
    launcher.requestStop();
    main.join(10_000);
    assertThat(events).containsExactly("start store", "start rpc", "stop rpc", "returned unclean");
  }

  /** Runs the launcher as the main thread would, returning once its services have started. */
  private Thread runInBackground(NodeLauncher launcher, CountDownLatch started)
      throws InterruptedException {
    Thread main =
        new Thread(
            () -> {
              try {
                events.add(launcher.runUntilShutdown() ? "returned" : "returned unclean");
              } catch (Exception e) {
                events.add("failed " + e);
              }
            });
    main.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    return main;
  }

  private class Named extends Service {
    private final String name;
    private final CountDownLatch onStart;

    Named(String name, CountDownLatch onStart) {
      this.name = name;
      this.onStart = onStart;
    }

    @Override
    protected void doStart() {
      events.add("start " + name);
      if (onStart != null) {
        onStart.countDown();
      }
    }

    @Override
    protected void doStop() {
      events.add("stop " + name);
    }
  }
}
