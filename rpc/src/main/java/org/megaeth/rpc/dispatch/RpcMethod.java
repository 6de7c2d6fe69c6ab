package org.megaeth.rpc.dispatch;

import java.util.Locale;
import java.util.Optional;
import org.megaeth.config.RpcNamespace;

/** The wire names of the methods this node serves: the one place they are written. */
public enum RpcMethod {
  WEB3_CLIENT_VERSION("web3_clientVersion"),
  WEB3_SHA3("web3_sha3"),
  NET_VERSION("net_version"),
  NET_LISTENING("net_listening"),
  NET_PEER_COUNT("net_peerCount"),
  ETH_ACCOUNTS("eth_accounts"),
  ETH_CHAIN_ID("eth_chainId"),
  ETH_SYNCING("eth_syncing"),
  ETH_BLOCK_NUMBER("eth_blockNumber"),
  ETH_GAS_PRICE("eth_gasPrice"),
  ETH_MAX_PRIORITY_FEE_PER_GAS("eth_maxPriorityFeePerGas"),
  ETH_BLOB_BASE_FEE("eth_blobBaseFee"),
  ETH_FEE_HISTORY("eth_feeHistory"),
  ETH_GET_BALANCE("eth_getBalance"),
  ETH_GET_TRANSACTION_COUNT("eth_getTransactionCount"),
  ETH_GET_CODE("eth_getCode"),
  ETH_GET_STORAGE_AT("eth_getStorageAt"),
  ETH_GET_PROOF("eth_getProof"),
  ETH_CALL("eth_call"),
  ETH_ESTIMATE_GAS("eth_estimateGas"),
  ETH_CREATE_ACCESS_LIST("eth_createAccessList"),
  ETH_SEND_RAW_TRANSACTION("eth_sendRawTransaction"),
  ETH_SEND_RAW_TRANSACTION_SYNC("eth_sendRawTransactionSync"),
  REALTIME_SEND_RAW_TRANSACTION("realtime_sendRawTransaction"),
  ETH_GET_TRANSACTION_BY_HASH("eth_getTransactionByHash"),
  ETH_GET_TRANSACTION_BY_BLOCK_HASH_AND_INDEX("eth_getTransactionByBlockHashAndIndex"),
  ETH_GET_TRANSACTION_BY_BLOCK_NUMBER_AND_INDEX("eth_getTransactionByBlockNumberAndIndex"),
  ETH_GET_RAW_TRANSACTION_BY_HASH("eth_getRawTransactionByHash"),
  ETH_GET_TRANSACTION_RECEIPT("eth_getTransactionReceipt"),
  ETH_GET_BLOCK_RECEIPTS("eth_getBlockReceipts"),
  ETH_GET_BLOCK_BY_NUMBER("eth_getBlockByNumber"),
  ETH_GET_BLOCK_BY_HASH("eth_getBlockByHash"),
  ETH_GET_BLOCK_TRANSACTION_COUNT_BY_HASH("eth_getBlockTransactionCountByHash"),
  ETH_GET_BLOCK_TRANSACTION_COUNT_BY_NUMBER("eth_getBlockTransactionCountByNumber"),
  ETH_GET_UNCLE_COUNT_BY_BLOCK_HASH("eth_getUncleCountByBlockHash"),
  ETH_GET_UNCLE_COUNT_BY_BLOCK_NUMBER("eth_getUncleCountByBlockNumber"),
  ETH_GET_UNCLE_BY_BLOCK_HASH_AND_INDEX("eth_getUncleByBlockHashAndIndex"),
  ETH_GET_UNCLE_BY_BLOCK_NUMBER_AND_INDEX("eth_getUncleByBlockNumberAndIndex"),
  ETH_GET_LOGS("eth_getLogs"),
  ETH_NEW_FILTER("eth_newFilter"),
  ETH_NEW_BLOCK_FILTER("eth_newBlockFilter"),
  ETH_NEW_PENDING_TRANSACTION_FILTER("eth_newPendingTransactionFilter"),
  ETH_GET_FILTER_CHANGES("eth_getFilterChanges"),
  ETH_GET_FILTER_LOGS("eth_getFilterLogs"),
  ETH_UNINSTALL_FILTER("eth_uninstallFilter"),
  ETH_SUBSCRIBE("eth_subscribe"),
  ETH_UNSUBSCRIBE("eth_unsubscribe"),
  DEBUG_EXECUTION_WITNESS("debug_executionWitness"),
  DEBUG_GET_RAW_BLOCK("debug_getRawBlock"),
  DEBUG_GET_RAW_HEADER("debug_getRawHeader"),
  DEBUG_GET_RAW_RECEIPTS("debug_getRawReceipts"),
  DEBUG_GET_RAW_TRANSACTION("debug_getRawTransaction");

  private final String wireName;

  RpcMethod(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * The config namespace that enables this method. MegaETH's {@code realtime_*} methods come with
   * {@code eth}: they are its realtime variants, and config has no separate switch for them.
   */
  public RpcNamespace namespace() {
    String prefix = wireName.substring(0, wireName.indexOf('_'));
    if (prefix.equals("realtime")) {
      return RpcNamespace.ETH;
    }
    return RpcNamespace.valueOf(prefix.toUpperCase(Locale.ROOT));
  }

  public static Optional<RpcMethod> fromWireName(String name) {
    for (RpcMethod method : values()) {
      if (method.wireName.equals(name)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}
