package org.megaeth.rpc.method.debug;

import java.util.List;
import org.megaeth.core.api.ChainReader;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.method.eth.EthGetRawTransactionByHash;

/** The {@code debug} namespace's methods. */
public final class DebugMethods {
  private DebugMethods() {}

  public static List<JsonRpcMethod> create(ChainReader chain, BlockResolver blocks) {
    return List.of(
        new DebugExecutionWitness(chain, blocks),
        new DebugGetRawBlock(blocks),
        new DebugGetRawHeader(blocks),
        new DebugGetRawReceipts(chain, blocks),
        new EthGetRawTransactionByHash(RpcMethod.DEBUG_GET_RAW_TRANSACTION, chain));
  }
}
