package org.megaeth.chain.exec;

import java.util.Optional;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.types.Hash;

/** Block headers by hash: what BLOCKHASH needs to walk a block's ancestry. */
@FunctionalInterface
public interface HeaderLookup {
  Optional<BlockHeader> header(Hash hash);
}
