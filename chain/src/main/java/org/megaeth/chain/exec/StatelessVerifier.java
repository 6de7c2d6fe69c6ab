package org.megaeth.chain.exec;

import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.trie.state.StateWitness;
import org.megaeth.trie.state.WorldState;

/**
 * Verifies a block from its witness and its parent header alone, as the prover does: builds a
 * partial state from the witness's trie nodes and codes, re-executes the block with the shared
 * {@link BlockExecutor}, and checks every root. A witness that lacks something the block touches
 * gives {@link BlockRule#WITNESS} with the missing node, code or header named, never a wrong
 * answer.
 */
public final class StatelessVerifier {
  private final BlockExecutor executor;

  public StatelessVerifier(BlockExecutor executor) {
    this.executor = executor;
  }

  /** Valid (with the receipts and diff) or the specific failure. */
  public BlockResult verify(Block block, ExecutionWitness witness, BlockHeader parent) {
    Map<Hash, Bytes> nodes = new HashMap<>();
    for (Bytes node : witness.state()) {
      nodes.put(Keccak.hash(node), node);
    }
    Map<Hash, Bytes> codes = new HashMap<>();
    for (Bytes code : witness.codes()) {
      codes.put(Keccak.hash(code), code);
    }
    Map<Hash, BlockHeader> headers = new HashMap<>();
    for (BlockHeader header : witness.headers()) {
      headers.put(header.hash(), header);
    }
    headers.put(parent.hash(), parent);
    WorldState state = WorldState.fromWitness(new StateWitness(parent.stateRoot(), nodes, codes));
    return executor.execute(
        state, parent, block, hash -> java.util.Optional.ofNullable(headers.get(hash)), false);
  }
}
