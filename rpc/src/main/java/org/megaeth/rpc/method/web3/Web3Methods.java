package org.megaeth.rpc.method.web3;

import java.util.List;
import org.megaeth.rpc.dispatch.JsonRpcMethod;

/** The {@code web3} namespace's methods. */
public final class Web3Methods {
  private Web3Methods() {}

  public static List<JsonRpcMethod> create(String clientVersion) {
    return List.of(new Web3ClientVersion(clientVersion), new Web3Sha3());
  }
}
