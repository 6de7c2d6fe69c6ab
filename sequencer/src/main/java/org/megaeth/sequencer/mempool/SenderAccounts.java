package org.megaeth.sequencer.mempool;

import org.megaeth.core.tx.SenderAccount;
import org.megaeth.core.types.Address;

/** The current state of senders, as the pool needs it: nonce, balance and code. */
@FunctionalInterface
public interface SenderAccounts {
  SenderAccount account(Address sender);
}
