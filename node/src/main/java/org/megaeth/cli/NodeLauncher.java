package org.megaeth.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.megaeth.core.service.ServiceController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs a role's services until the process is asked to stop. SIGINT and SIGTERM are handled here:
 * the services stop in reverse order and then {@link #runUntilShutdown} returns, so the process
 * exits with status 0 after a clean stop (1 when a service failed to stop), as service managers
 * expect (a JVM that lets the signal end it exits with 143, which systemd reports as a failure).
 * Any other way the JVM ends (SIGHUP, {@code System.exit}) still stops the services, from a
 * shutdown hook, so nothing cuts a write in half.
 */
final class NodeLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLauncher.class);

  private final ServiceController services;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();

  /** Whether every service stopped without an error; set by {@link #shutdown}. */
  private volatile boolean stoppedCleanly;

  NodeLauncher(ServiceController services) {
    this.services = services;
  }

  /**
   * Starts the services, then blocks until a stop signal has stopped them all.
   *
   * @return whether they all stopped cleanly (the process then exits with 0, else with 1)
   */
  boolean runUntilShutdown() throws Exception {
    Thread hook = new Thread(this::shutdown, "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    handle("INT");
    handle("TERM");
    try {
      services.start();
    } catch (Exception e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      throw e;
    }
    stopRequested.await();
    shutdown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyExiting) {
      // The JVM is exiting for another reason too; the hook finds the services stopped.
    }
    return stoppedCleanly;
  }

  /** Asks {@link #runUntilShutdown} to stop the services; safe from any thread, any number. */
  void requestStop() {
    stopRequested.countDown();
  }

  private void handle(String signal) {
    try {
      Signal.handle(new Signal(signal), s -> requestStop());
    } catch (IllegalArgumentException e) {
      // Signals reserved by the JVM (-Xrs): the shutdown hook still stops the services.
      LOG.debug("cannot handle SIG{}: {}", signal, e.getMessage());
    }
  }

  /** Stops every service in reverse start order, once; later calls wait for the first. */
  void shutdown() {
    if (!stopping.compareAndSet(false, true)) {
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      LOG.info("shutting down");
      services.stop();
      stoppedCleanly = true;
      LOG.info("stopped cleanly");
    } catch (Exception e) {
      LOG.error("shutdown did not complete cleanly: {}", e.toString());
    } finally {
      stopped.countDown();
      stopRequested.countDown(); // stopped from the hook: runUntilShutdown returns too
    }
  }
}
