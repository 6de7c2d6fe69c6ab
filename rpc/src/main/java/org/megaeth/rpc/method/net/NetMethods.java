package org.megaeth.rpc.method.net;

import java.util.List;
import java.util.function.IntSupplier;
import org.megaeth.core.api.ChainReader;
import org.megaeth.rpc.dispatch.JsonRpcMethod;

/** The {@code net} namespace's methods. */
public final class NetMethods {
  private NetMethods() {}

  public static List<JsonRpcMethod> create(ChainReader chain, IntSupplier peers) {
    return List.of(new NetVersion(chain), new NetListening(), new NetPeerCount(peers));
  }
}
