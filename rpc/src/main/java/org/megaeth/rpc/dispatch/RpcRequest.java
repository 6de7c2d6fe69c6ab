package org.megaeth.rpc.dispatch;

import java.util.Objects;
import org.megaeth.rpc.params.Params;

/** What a method gets: its parameters and the connection the request came on. */
public record RpcRequest(Params params, RpcConnection connection) {
  public RpcRequest {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(connection, "connection");
  }
}
