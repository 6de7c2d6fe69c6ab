package org.megaeth.cli;

import java.util.concurrent.CountDownLatch;
import org.megaeth.core.service.ServiceController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a role's services until the process is asked to stop. SIGINT and SIGTERM run the JVM's
 * shutdown hooks; ours stops the services in reverse order and only then lets the JVM exit, so a
 * Ctrl-C never cuts a write in half.
 */
final class NodeLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLauncher.class);

  private final ServiceController services;
  private final CountDownLatch stopped = new CountDownLatch(1);

  NodeLauncher(ServiceController services) {
    this.services = services;
  }

  /** Starts the services, then blocks until {@link #shutdown()} has stopped them all. */
  void runUntilShutdown() throws Exception {
    Thread hook = new Thread(this::shutdown, "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      services.start();
    } catch (Exception e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      throw e;
    }
    stopped.await();
  }

  /** Stops every service in reverse start order; safe to call more than once. */
  void shutdown() {
    try {
      LOG.info("shutting down");
      services.stop();
      LOG.info("stopped cleanly");
    } catch (Exception e) {
      LOG.warn("shutdown did not complete cleanly: {}", e.toString());
    } finally {
      stopped.countDown();
    }
  }
}
