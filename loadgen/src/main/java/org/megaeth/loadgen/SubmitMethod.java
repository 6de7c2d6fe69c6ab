package org.megaeth.loadgen;

/** The JSON-RPC method that submits each transfer. */
public enum SubmitMethod {
  /** {@code eth_sendRawTransaction}: answers with the hash once the node accepted the tx. */
  SEND("eth_sendRawTransaction"),
  /**
   * {@code eth_sendRawTransactionSync} (EIP-7966): answers with the receipt once the tx is
   * executed, so the call's round trip is the send-to-receipt latency.
   */
  SYNC("eth_sendRawTransactionSync");

  private final String rpcName;

  SubmitMethod(String rpcName) {
    this.rpcName = rpcName;
  }

  public String rpcName() {
    return rpcName;
  }
}
