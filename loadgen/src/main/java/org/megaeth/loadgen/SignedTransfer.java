package org.megaeth.loadgen;

import org.megaeth.core.types.Hash;

/**
 * One transfer of the load, signed before the clock starts.
 *
 * @param sender index of the signing account among the senders
 * @param recipient index of the receiving account among the senders
 * @param nonce the sender's nonce it uses
 * @param hash the transaction hash, to find it in blocks
 * @param raw the signed transaction as {@code 0x}-prefixed hex, as {@code eth_sendRawTransaction}
 *     takes it
 */
public record SignedTransfer(int sender, int recipient, long nonce, Hash hash, String raw) {}
