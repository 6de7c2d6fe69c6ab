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
        stopStarted();
        throw e;
      }
    }
  }

  @Override
  protected void doStop() {
    stopStarted();
  }

  private void stopStarted() {
    for (int i = started.size() - 1; i >= 0; i--) {
      Service service = started.get(i);
      try {
        LOG.debug("stopping {}", service.name());
        service.stop();
      } catch (Exception e) {
        // Keep going: one service failing to stop must not keep the others running.
        LOG.warn("{} failed to stop cleanly: {}", service.name(), e.toString());
      }
    }
    started.clear();
  }
}
