package org.megaeth.core.tx;

/**
 * Why a transaction is refused, worded as geth words it ({@code core/error.go}, {@code core/types},
 * {@code txpool}), because wallets and tools match on these strings in JSON-RPC errors. Every part
 * of the node (decoder, validator, pool, block processor, RPC) uses these values; details go after
 * a colon, as geth does: {@code "nonce too low: address 0x.., tx: 1 state: 5"}.
 */
public enum TransactionInvalid {
  // Account state (checked against the sender's account).
  NONCE_TOO_LOW("nonce too low"),
  NONCE_TOO_HIGH("nonce too high"),
  /** EIP-2681: a nonce of 2^64-1 can never be incremented. */
  NONCE_MAX("nonce has max value"),
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
  /** EIP-3607: the sender has code (an EIP-7702 delegation does not count, from Prague). */
  SENDER_NOT_EOA("sender not an eoa"),

  // Block context.
  /** The transaction's gas limit is above the block's (pool and block builder). */
  EXCEEDS_BLOCK_GAS_LIMIT("exceeds block gas limit"),
  /** Not enough gas left in the block being built or processed for this transaction. */
  GAS_LIMIT_REACHED("gas limit reached"),
  /** EIP-1559. */
  FEE_CAP_TOO_LOW("max fee per gas less than block base fee"),
  /** EIP-4844. */
  BLOB_FEE_CAP_TOO_LOW("max fee per blob gas less than block blob gas fee"),

  // The transaction alone, for a fork and a chain.
  TYPE_NOT_SUPPORTED("transaction type not supported"),
  /** The signature does not name a sender: bad range, high s (EIP-2) or no recoverable key. */
  INVALID_SENDER("invalid sender"),
  /** EIP-155 / typed chain id that is not this chain's. */
  INVALID_CHAIN_ID("invalid chain id for signer"),
  INTRINSIC_GAS_TOO_LOW("intrinsic gas too low"),
  /** EIP-7623 (Prague): the gas limit is below the calldata floor. */
  FLOOR_DATA_GAS_TOO_LOW("insufficient gas for floor data gas cost"),
  /** EIP-7825 (Osaka): a transaction's gas limit is capped at 2^24. */
  GAS_LIMIT_TOO_HIGH("transaction gas limit too high"),
  /** EIP-3860 (Shanghai). */
  MAX_INITCODE_SIZE_EXCEEDED("max initcode size exceeded"),
  TIP_ABOVE_FEE_CAP("max priority fee per gas higher than max fee per gas"),
  /** For fee values parsed from outside (RPC) before they become {@code Wei}. */
  TIP_VERY_HIGH("max priority fee per gas higher than 2^256-1"),
  /** For fee values parsed from outside (RPC) before they become {@code Wei}. */
  FEE_CAP_VERY_HIGH("max fee per gas higher than 2^256-1"),

  // EIP-4844 blob transactions.
  BLOB_TX_CREATE("blob transaction of type create"),
  MISSING_BLOB_HASHES("blob transaction missing blob hashes"),
  TOO_MANY_BLOBS("blob transaction has too many blobs"),
  INVALID_BLOB_HASH_VERSION("blob has invalid hash version"),
  /** Network form only: the sidecar does not match the versioned hashes (not a geth sentinel). */
  BLOB_SIDECAR_MISMATCH("blob sidecar does not match the blob hashes"),

  // EIP-7702 set-code transactions.
  EMPTY_AUTH_LIST("EIP-7702 transaction with empty auth list"),
  SET_CODE_TX_CREATE("EIP-7702 transaction cannot be used to create contract");

  private final String text;

  TransactionInvalid(String text) {
    this.text = text;
  }

  /** The error words, as geth returns them. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
