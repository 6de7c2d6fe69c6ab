package org.megaeth.cli;

import io.micrometer.core.instrument.MeterRegistry;
import org.megaeth.config.NodeOptions;
import org.megaeth.core.service.Service;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.rpc.RpcBackend;
import org.megaeth.rpc.server.RpcServer;
import org.megaeth.rpc.server.RpcServerConfig;
import org.megaeth.sequencer.Sequencer;

/**
 * The JSON-RPC server over a sequencer. Built when it starts, after the sequencer, because the
 * sequencer's read and submit interfaces exist only once it has recovered its chain.
 */
final class LazyRpcServer extends Service {
  private final NodeOptions options;
  private final Sequencer sequencer;
  private final MeterRegistry meters;
  private RpcServer server;

  LazyRpcServer(NodeOptions options, Sequencer sequencer, MeterRegistry meters) {
    this.options = options;
    this.sequencer = sequencer;
    this.meters = meters;
  }

  @Override
  public String name() {
    return "RpcServer";
  }

  @Override
  protected void doStart() throws Exception {
    RpcBackend backend =
        new RpcBackend(
            sequencer.chain(),
            sequencer.states(),
            sequencer.transactions(),
            sequencer.events(),
            () -> 0);
    server = new RpcServer(RpcServerConfig.of(options.rpc()), backend, TimeProvider.SYSTEM, meters);
    server.start();
  }

  @Override
  protected void doStop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }
}
