package org.megaeth.chain.exec;

/** The rules a block can break; each rejection names one. */
public enum BlockRule {
  UNSUPPORTED_FORK("the block's fork is not supported by this node"),
  UNKNOWN_PARENT("the parent block is unknown"),
  BLOCK_NUMBER("the number is not the parent's plus one"),
  TIMESTAMP("the timestamp is not after the parent's"),
  EXTRA_DATA("extra data is longer than 32 bytes"),
  DIFFICULTY("difficulty is not zero after the merge"),
  NONCE("nonce is not zero after the merge"),
  OMMERS("ommers are not allowed after the merge"),
  GAS_LIMIT("the gas limit is out of bounds"),
  GAS_USED_ABOVE_LIMIT("gas used exceeds the gas limit"),
  BASE_FEE("the base fee is not the one EIP-1559 gives"),
  MISSING_FIELD("a header field this fork requires is missing"),
  UNEXPECTED_FIELD("a header field this fork does not have is present"),
  EXCESS_BLOB_GAS("excess blob gas is not the one EIP-4844 gives"),
  BLOB_GAS_USED("blob gas used does not match the blob transactions"),
  BLOB_GAS_LIMIT("the blobs exceed the block's blob gas limit"),
  TRANSACTIONS_ROOT("the transactions root does not match the transactions"),
  WITHDRAWALS_ROOT("the withdrawals root does not match the withdrawals"),
  INVALID_TRANSACTION("a transaction is invalid"),
  GAS_ALLOWANCE_EXCEEDED("a transaction's gas limit exceeds the gas left in the block"),
  SYSTEM_CALL("a system call failed"),
  GAS_USED("gas used does not match the transactions"),
  LOGS_BLOOM("the logs bloom does not match the receipts"),
  RECEIPTS_ROOT("the receipts root does not match the receipts"),
  REQUESTS_HASH("the requests hash does not match the requests"),
  STATE_ROOT("the state root does not match the post-state"),
  WITNESS("the witness lacks data the block needs or does not match the parent");

  private final String description;

  BlockRule(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
