package org.megaeth.cli.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import org.megaeth.core.service.Service;

/**
 * Micrometer's JVM and process meters (memory pools, GC pauses, threads, classes, CPU, open files,
 * uptime) on the node's registry. A service because the GC meters listen to the JVM's GC
 * notifications until they are closed.
 */
public final class JvmMeters extends Service {
  private final MeterRegistry registry;
  private JvmGcMetrics gc;

  public JvmMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doStart() {
    new JvmInfoMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
  }

  @Override
  protected void doStop() {
    if (gc != null) {
      gc.close();
    }
  }
}
