package org.megaeth.rpc.method.eth;

import java.time.Duration;
import java.util.List;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.TransactionSink;
import org.megaeth.rpc.chain.BlockReceipts;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.chain.GasPriceOracle;
import org.megaeth.rpc.chain.Senders;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.evm.EvmCalls;
import org.megaeth.rpc.evm.EvmExecutor;
import org.megaeth.rpc.filter.FilterManager;
import org.megaeth.rpc.filter.LogQuery;
import org.megaeth.rpc.format.BlockFacts;
import org.megaeth.rpc.subscription.SubscriptionManager;

/** The {@code eth} namespace's methods, and MegaETH's {@code realtime_sendRawTransaction}. */
public final class EthMethods {
  private EthMethods() {}

  /** What the eth methods are built from. */
  public record Dependencies(
      ChainReader chain,
      BlockResolver blocks,
      TransactionSink transactions,
      EvmCalls evm,
      EvmExecutor pool,
      LogQuery logs,
      FilterManager filters,
      SubscriptionManager subscriptions,
      GasPriceOracle gasPrices,
      Duration syncDefaultTimeout,
      Duration syncMaxTimeout,
      boolean allowUnprotectedTxs,
      BlockFacts blockFacts) {}

  public static List<JsonRpcMethod> create(Dependencies d) {
    ChainReader chain = d.chain();
    BlockResolver blocks = d.blocks();
    Senders senders = new Senders(chain);
    BlockReceipts receipts = new BlockReceipts(chain, senders);
    BlockFacts blockFacts = d.blockFacts();
    TransactionSubmitter submitter =
        new TransactionSubmitter(
            d.transactions(), d.allowUnprotectedTxs(), d.syncDefaultTimeout(), d.syncMaxTimeout());
    return List.of(
        new EthAccounts(),
        new EthChainId(chain),
        new EthSyncing(chain),
        new EthBlockNumber(chain),
        new EthGasPrice(chain, d.gasPrices()),
        new EthMaxPriorityFeePerGas(d.gasPrices()),
        new EthBlobBaseFee(chain),
        new EthFeeHistory(chain, blocks),
        new EthGetBalance(blocks),
        new EthGetTransactionCount(blocks, d.transactions()),
        new EthGetCode(blocks),
        new EthGetStorageAt(blocks),
        new EthGetProof(blocks),
        new EthCall(d.evm()),
        new EthEstimateGas(d.evm()),
        new EthCreateAccessList(d.evm()),
        new EthSendRawTransaction(submitter),
        new EthSendRawTransactionSync(RpcMethod.ETH_SEND_RAW_TRANSACTION_SYNC, submitter),
        new EthSendRawTransactionSync(RpcMethod.REALTIME_SEND_RAW_TRANSACTION, submitter),
        new EthGetTransactionByHash(chain, senders),
        new EthGetTransactionByBlockHashAndIndex(chain, senders),
        new EthGetTransactionByBlockNumberAndIndex(blocks, senders),
        new EthGetRawTransactionByHash(RpcMethod.ETH_GET_RAW_TRANSACTION_BY_HASH, chain),
        new EthGetTransactionReceipt(chain, receipts),
        new EthGetBlockReceipts(blocks, receipts),
        new EthGetBlockByNumber(blocks, senders, blockFacts),
        new EthGetBlockByHash(chain, senders, blockFacts),
        new EthGetBlockTransactionCountByHash(chain),
        new EthGetBlockTransactionCountByNumber(blocks),
        EthGetUncleCount.byHash(blocks),
        EthGetUncleCount.byNumber(blocks),
        EthGetUncleByIndex.byHash(),
        EthGetUncleByIndex.byNumber(),
        new EthGetLogs(d.logs(), d.pool()),
        new EthNewFilter(d.filters()),
        new EthNewBlockFilter(d.filters()),
        new EthNewPendingTransactionFilter(d.filters()),
        new EthGetFilterChanges(d.filters()),
        new EthGetFilterLogs(d.filters(), d.pool()),
        new EthUninstallFilter(d.filters()),
        new EthSubscribe(d.subscriptions()),
        new EthUnsubscribe(d.subscriptions()));
  }
}
