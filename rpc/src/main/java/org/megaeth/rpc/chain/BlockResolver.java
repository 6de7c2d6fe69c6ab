package org.megaeth.rpc.chain;

import java.util.Optional;
import org.megaeth.core.api.BlockRef;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.StateReader;
import org.megaeth.core.api.StateView;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;

/**
 * Turns block parameters into sealed blocks and states, applying the mini-block rules: block
 * lookups see sealed blocks only ({@code latest} and {@code pending} are the newest sealed block),
 * while state reads at {@code latest} and {@code pending} see the newest mini-block.
 */
public final class BlockResolver {
  private final ChainReader chain;
  private final StateReader states;

  public BlockResolver(ChainReader chain, StateReader states) {
    this.chain = chain;
    this.states = states;
  }

  /** The sealed number a tag stands for. */
  public long tagNumber(BlockParameter.Tag tag) {
    return switch (tag) {
      case LATEST, PENDING -> chain.head().number();
      case SAFE -> chain.safeNumber();
      case FINALIZED -> chain.finalizedNumber();
      case EARLIEST -> 0;
    };
  }

  /**
   * The sealed header a parameter names; empty when there is none (a number above the head, an
   * unknown hash).
   *
   * @throws JsonRpcException when a hash is not canonical and the caller required it
   */
  public Optional<BlockHeader> header(BlockParameter block) throws JsonRpcException {
    return switch (block) {
      case BlockParameter.Tag tag ->
          tag == BlockParameter.Tag.LATEST || tag == BlockParameter.Tag.PENDING
              ? Optional.of(chain.head())
              : chain.header(tagNumber(tag));
      case BlockParameter.Number n -> chain.header(n.number());
      case BlockParameter.ByHash h -> headerByHash(h);
    };
  }

  private Optional<BlockHeader> headerByHash(BlockParameter.ByHash byHash) throws JsonRpcException {
    Optional<BlockHeader> header = chain.header(byHash.hash());
    if (header.isPresent() && byHash.requireCanonical()) {
      Optional<BlockHeader> canonical = chain.header(header.get().number());
      if (canonical.isEmpty() || !canonical.get().hash().equals(byHash.hash())) {
        throw JsonRpcException.server("hash is not currently canonical");
      }
    }
    return header;
  }

  /** The sealed block a parameter names, with its hash. */
  public Optional<HashedBlock> block(BlockParameter parameter) throws JsonRpcException {
    Optional<BlockHeader> header = header(parameter);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Hash hash = header.get().hash();
    return chain.block(hash).map(b -> new HashedBlock(b, hash));
  }

  /** A sealed block and its hash, computed once. */
  public record HashedBlock(Block block, Hash hash) {}

  /**
   * The state a parameter names: the newest mini-block's for {@code latest} and {@code pending},
   * else the sealed block's post-state. The caller closes the view.
   *
   * @throws JsonRpcException {@code header not found} for an unknown block, and geth's
   *     unavailable-state error for one whose state is not kept
   */
  public StateView state(BlockParameter block) throws JsonRpcException {
    if (block.isNewest()) {
      return states
          .state(BlockRef.newest())
          .orElseThrow(() -> new IllegalStateException("the newest state is always available"));
    }
    return sealedState(block);
  }

  /**
   * The post-state of a sealed block, {@code latest} and {@code pending} meaning the newest sealed
   * block: for proofs, which must verify against a header's state root.
   */
  public StateView sealedState(BlockParameter block) throws JsonRpcException {
    Optional<BlockHeader> header = header(block);
    if (header.isEmpty()) {
      throw JsonRpcException.server(
          block instanceof BlockParameter.ByHash
              ? "header for hash not found"
              : "header not found");
    }
    BlockHeader h = header.get();
    return states
        .state(BlockRef.hash(h.hash()))
        .orElseThrow(
            () ->
                JsonRpcException.server("historical state " + h.stateRoot() + " is not available"));
  }
}
