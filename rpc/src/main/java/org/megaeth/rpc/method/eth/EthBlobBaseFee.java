package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.core.api.ChainReader;
import org.megaeth.rpc.chain.Fees;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_blobBaseFee}: the blob base fee of the newest sealed block, as geth answers. */
public final class EthBlobBaseFee implements JsonRpcMethod {
  private final ChainReader chain;

  public EthBlobBaseFee(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_BLOB_BASE_FEE;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.text(Hexes.quantity(Fees.blobBaseFee(chain, chain.head())));
  }
}
