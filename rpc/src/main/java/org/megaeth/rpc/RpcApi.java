package org.megaeth.rpc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.megaeth.core.api.ChainEvents;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.chain.GasPriceOracle;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.JsonRpcProcessor;
import org.megaeth.rpc.dispatch.MethodRegistry;
import org.megaeth.rpc.dispatch.RpcMetrics;
import org.megaeth.rpc.evm.CallExecutor;
import org.megaeth.rpc.evm.EvmCalls;
import org.megaeth.rpc.evm.EvmExecutor;
import org.megaeth.rpc.filter.FilterManager;
import org.megaeth.rpc.filter.LogQuery;
import org.megaeth.rpc.format.BlockFacts;
import org.megaeth.rpc.method.debug.DebugMethods;
import org.megaeth.rpc.method.eth.EthMethods;
import org.megaeth.rpc.method.net.NetMethods;
import org.megaeth.rpc.method.web3.Web3Methods;
import org.megaeth.rpc.server.RpcServerConfig;
import org.megaeth.rpc.subscription.ChainEventDispatcher;
import org.megaeth.rpc.subscription.SubscriptionManager;

/**
 * The JSON-RPC API without a transport: the enabled methods, the processor that dispatches to them,
 * and the machinery they share (EVM executor, filters, subscriptions, chain-event dispatcher). The
 * composition of the rpc module, in one place and in plain code.
 */
public final class RpcApi implements AutoCloseable {
  /** Events the rpc side may fall behind by before subscriptions are dropped. */
  private static final int EVENT_QUEUE = 65_536;

  private final JsonRpcProcessor processor;
  private final MethodRegistry registry;
  private final FilterManager filters;
  private final SubscriptionManager subscriptions;
  private final ChainEventDispatcher dispatcher;
  private final ChainEvents.Subscription eventSubscription;
  private final EvmExecutor pool;

  /** An API whose meters go nowhere (tests, tools). */
  public RpcApi(RpcServerConfig config, RpcBackend backend, TimeProvider clock) {
    this(config, backend, clock, new CompositeMeterRegistry());
  }

  /**
   * @param meters where the calls' meters go (see docs/metrics.md)
   */
  public RpcApi(
      RpcServerConfig config, RpcBackend backend, TimeProvider clock, MeterRegistry meters) {
    BlockResolver blocks = new BlockResolver(backend.chain(), backend.state());
    this.pool =
        new EvmExecutor(config.evmThreads(), config.evmQueue(), config.options().evmTimeout());
    LogQuery logs =
        new LogQuery(backend.chain(), blocks, config.logsMaxBlockRange(), config.logsMaxResults());
    this.filters =
        new FilterManager(clock, config.filterTimeout(), config.filterMaxPending(), logs);
    this.subscriptions = new SubscriptionManager(config.maxSubscriptionsPerConnection());
    EvmCalls evm =
        new EvmCalls(new CallExecutor(backend.chain(), config.options().gasCap()), pool, blocks);
    BlockFacts blockFacts = new BlockFacts();
    List<JsonRpcMethod> methods = new ArrayList<>();
    methods.addAll(Web3Methods.create(config.clientVersion()));
    methods.addAll(NetMethods.create(backend.chain(), backend.peerCount()));
    methods.addAll(
        EthMethods.create(
            new EthMethods.Dependencies(
                backend.chain(),
                blocks,
                backend.transactions(),
                evm,
                pool,
                logs,
                filters,
                subscriptions,
                new GasPriceOracle(backend.chain()),
                config.syncDefaultTimeout(),
                config.syncMaxTimeout(),
                config.options().allowUnprotectedTxs(),
                blockFacts)));
    methods.addAll(DebugMethods.create(backend.chain(), blocks));
    this.registry = MethodRegistry.of(methods, config.options().namespaces());
    this.processor =
        new JsonRpcProcessor(
            registry,
            config.options().maxBatchSize(),
            config.maxResponseBytes(),
            new RpcMetrics(meters, registry.served()));
    this.dispatcher =
        new ChainEventDispatcher(
            List.of(subscriptions, filters, blockFacts.sealedBlocks()), EVENT_QUEUE);
    this.eventSubscription = backend.events().subscribe(dispatcher);
  }

  public JsonRpcProcessor processor() {
    return processor;
  }

  public MethodRegistry registry() {
    return registry;
  }

  public FilterManager filters() {
    return filters;
  }

  public SubscriptionManager subscriptions() {
    return subscriptions;
  }

  /** Completes once the chain events received so far reached subscriptions and filters. */
  public java.util.concurrent.CompletableFuture<Void> flushEvents() {
    return dispatcher.flush();
  }

  @Override
  public void close() {
    eventSubscription.cancel();
    dispatcher.close();
    pool.close();
  }
}
