package org.megaeth.evm;

import java.util.List;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * The transaction-wide values instructions read.
 *
 * @param origin ORIGIN: the sender
 * @param gasPrice GASPRICE: the effective gas price
 * @param blobHashes BLOBHASH (EIP-4844)
 */
public record TxEnv(Address origin, UInt256 gasPrice, List<Hash> blobHashes) {
  public TxEnv {
    blobHashes = List.copyOf(blobHashes);
  }
}
