package org.megaeth.core.service;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in the order given and stops them in reverse, so that nothing outlives what it
 * depends on. If one fails to start, those already started are stopped again before the failure is
 * rethrown.
 */
public final class ServiceController extends Service {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceController.class);

  private final List<Service> services;
  private final List<Service> started = new ArrayList<>();

  public ServiceController(List<Service> services) {
    this.services = List.copyOf(services);
  }

  @Override
  protected void doStart() throws Exception {
    for (Service service : services) {
      try {
        LOG.debug("starting {}", service.name());
        service.start();
        started.add(service);
      } catch (Exception e) {
        Exception stopFailure = stopStarted();
        if (stopFailure != null) {
          e.addSuppressed(stopFailure);
        }
        throw e;
      }
    }
  }

  /**
   * Stops every started service, newest first, even when one fails; then throws the first failure
   * (the others suppressed in it), so that whoever stops the node does not report a clean stop.
   */
  @Override
  protected void doStop() throws Exception {
    Exception failure = stopStarted();
    if (failure != null) {
      throw failure;
    }
  }

  /** Stops what started, newest first, all of them: the first failure, or null. */
  private Exception stopStarted() {
    Exception first = null;
    for (int i = started.size() - 1; i >= 0; i--) {
      Service service = started.get(i);
      try {
        LOG.debug("stopping {}", service.name());
        service.stop();
      } catch (Exception e) {
        // Keep going: one service failing to stop must not keep the others running.
        LOG.warn("{} failed to stop cleanly: {}", service.name(), e.toString());
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    started.clear();
    return first;
  }
}
