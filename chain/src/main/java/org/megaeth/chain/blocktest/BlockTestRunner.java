package org.megaeth.chain.blocktest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.chain.exec.BlockRule;
import org.megaeth.chain.exec.StatelessVerifier;
import org.megaeth.chain.state.StateDiffApplier;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.diff.DiffKeyIndex;
import org.megaeth.core.diff.InvalidStateDiffException;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.diff.StateDiffCodec;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.trie.state.WorldState;

/**
 * Runs one BlockchainTests test the way a node imports a chain: the genesis state from {@code pre},
 * then every block in order through the {@link BlockExecutor}; a block marked {@code
 * expectException} must be rejected (and the next one builds on the head as it was), every other
 * block accepted. At the end the head must be {@code lastblockhash} and the state {@code postState}
 * (or its root {@code postStateHash}).
 *
 * <p>With {@link Options#checkArtifacts}, every accepted block's artifacts are checked too: its
 * state diff, through its binary and compressed encodings, applied to a second copy of the chain's
 * state must give the header's state root (the full node's path), and its witness, through its
 * binary encoding, must verify statelessly (the prover's path). Dropping a sample of witness nodes
 * must make that verification fail with the missing-data rule.
 */
public final class BlockTestRunner {
  private static final long CHAIN_ID = 1;

  /**
   * @param checkArtifacts check each accepted block's state diff and witness
   * @param witnessNodesToDrop how many of a block's witness nodes to drop, one at a time, expecting
   *     stateless verification to fail (spread evenly over the nodes; 0 for none)
   */
  public record Options(boolean checkArtifacts, int witnessNodesToDrop) {
    public static final Options IMPORT_ONLY = new Options(false, 0);
  }

  private final Options options;

  public BlockTestRunner(Options options) {
    this.options = options;
  }

  public BlockTestResult run(BlockTestCase c) {
    try {
      return execute(c);
    } catch (RuntimeException crash) {
      // A bug in the node, not in the fixture: report it as this test's failure and go on.
      return new BlockTestResult.Failed(c, "crashed: " + crash);
    }
  }

  private BlockTestResult execute(BlockTestCase c) {
    Optional<Fork> fork = Fork.fromTestName(c.network());
    if (fork.isEmpty()) {
      return new BlockTestResult.Failed(c, "unknown network \"" + c.network() + "\"");
    }
    BlockExecutor executor =
        new BlockExecutor(new ChainConfig(CHAIN_ID, ForkSchedule.allFromGenesis(fork.get())), null);
    StatelessVerifier verifier = new StatelessVerifier(executor);
    JsonNode body = c.body();
    WorldState state = loadState(body.get("pre"));
    Block genesis = Block.decode(Bytes.fromHexString(body.get("genesisRLP").asText()));
    if (!state.rootHash().equals(genesis.header().stateRoot())) {
      return new BlockTestResult.Failed(
          c,
          "pre-state root %s is not the genesis state root %s"
              .formatted(state.rootHash(), genesis.header().stateRoot()));
    }
    WorldState follower = options.checkArtifacts ? loadState(body.get("pre")) : null;
    // The key dictionaries of version-2 diffs, as the sequencer and a full node would keep them.
    DiffKeyIndex producerKeys = new DiffKeyIndex();
    DiffKeyIndex consumerKeys = new DiffKeyIndex();
    Map<Hash, BlockHeader> headers = new HashMap<>();
    headers.put(genesis.hash(), genesis.header());
    Map<Hash, Block> blocks = new HashMap<>();
    Map<Hash, StateDiff> diffs = new HashMap<>();
    BlockHeader head = genesis.header();
    int index = 0;
    for (JsonNode entry : body.get("blocks")) {
      String where = "block " + index++;
      boolean expectInvalid = entry.has("expectException");
      Block block;
      try {
        block = Block.decode(Bytes.fromHexString(entry.get("rlp").asText()));
      } catch (RlpException | IllegalArgumentException undecodable) {
        if (expectInvalid) {
          continue;
        }
        return new BlockTestResult.Failed(
            c, where + " does not decode: " + undecodable.getMessage());
      }
      where += " (number " + block.number() + ", " + block.hash() + ")";
      BlockHeader parent = headers.get(block.header().parentHash());
      if (parent == null) {
        if (expectInvalid) {
          continue;
        }
        return new BlockTestResult.Failed(c, where + " has an unknown parent");
      }
      if (!parent.hash().equals(head.hash())) {
        // A side chain: rebuild the parent's state by replaying its chain from genesis.
        state = replay(executor, body.get("pre"), parent, blocks, headers);
        if (follower != null) {
          follower = replayDiffs(body.get("pre"), parent, diffs, blocks);
        }
      }
      BlockResult result =
          executor.execute(
              state,
              parent,
              block,
              hash -> Optional.ofNullable(headers.get(hash)),
              options.checkArtifacts);
      switch (result) {
        case BlockResult.Invalid invalid -> {
          if (!expectInvalid) {
            return new BlockTestResult.Failed(
                c, where + " rejected: " + invalid.reason().message());
          }
          if (!state.rootHash().equals(head.stateRoot())) {
            return new BlockTestResult.Failed(c, where + " was rejected but changed the state");
          }
        }
        case BlockResult.Valid valid -> {
          if (expectInvalid) {
            return new BlockTestResult.Failed(
                c, where + " accepted, expected " + entry.get("expectException").asText());
          }
          headers.put(block.hash(), block.header());
          blocks.put(block.hash(), block);
          diffs.put(block.hash(), valid.diff());
          head = block.header();
          if (options.checkArtifacts) {
            String problem =
                checkDiff(valid.diff(), follower, block.header(), producerKeys, consumerKeys);
            if (problem == null) {
              problem = checkWitness(verifier, block, valid.witness().orElseThrow(), parent);
            }
            if (problem != null) {
              return new BlockTestResult.Failed(c, where + ": " + problem);
            }
          }
        }
      }
    }
    String lastHash = body.path("lastblockhash").asText().toLowerCase(Locale.ROOT);
    if (!head.hash().toHexString().equals(lastHash)) {
      return new BlockTestResult.Failed(
          c, "head is %s, expected lastblockhash %s".formatted(head.hash(), lastHash));
    }
    Hash expectedRoot =
        body.has("postState")
            ? loadState(body.get("postState")).rootHash()
            : Hash.fromHex(body.get("postStateHash").asText());
    if (!state.rootHash().equals(expectedRoot)) {
      return new BlockTestResult.Failed(
          c,
          "post-state root %s, expected %s (postState)".formatted(state.rootHash(), expectedRoot));
    }
    return new BlockTestResult.Passed(c, index);
  }

  /** The state after {@code target}: the chain from genesis to it, executed again. */
  private static WorldState replay(
      BlockExecutor executor,
      JsonNode pre,
      BlockHeader target,
      Map<Hash, Block> blocks,
      Map<Hash, BlockHeader> headers) {
    WorldState state = loadState(pre);
    for (Block block : chainTo(target, blocks)) {
      BlockHeader parent = headers.get(block.header().parentHash());
      BlockResult result =
          executor.execute(
              state, parent, block, hash -> Optional.ofNullable(headers.get(hash)), false);
      if (!(result instanceof BlockResult.Valid)) {
        throw new IllegalStateException("block " + block.hash() + " was valid before: " + result);
      }
    }
    return state;
  }

  /** The state after {@code target} built from genesis by applying the stored diffs. */
  private static WorldState replayDiffs(
      JsonNode pre, BlockHeader target, Map<Hash, StateDiff> diffs, Map<Hash, Block> blocks) {
    WorldState state = loadState(pre);
    for (Block block : chainTo(target, blocks)) {
      try {
        StateDiffApplier.apply(diffs.get(block.hash()), state);
      } catch (InvalidStateDiffException e) {
        throw new IllegalStateException("a diff that applied before does not: " + e.getMessage());
      }
      state.computeRoot();
    }
    return state;
  }

  /** The accepted blocks from just after genesis to {@code target}, oldest first. */
  private static List<Block> chainTo(BlockHeader target, Map<Hash, Block> blocks) {
    List<Block> chain = new ArrayList<>();
    Block block = blocks.get(target.hash());
    while (block != null) {
      chain.addFirst(block);
      block = blocks.get(block.header().parentHash());
    }
    return chain;
  }

  /** The full node's path: the diff, encoded, compressed and back, applied to the parent state. */
  private static String checkDiff(
      StateDiff diff,
      WorldState follower,
      BlockHeader header,
      DiffKeyIndex producerKeys,
      DiffKeyIndex consumerKeys) {
    StateDiff decoded;
    try {
      byte[] encoded = StateDiffCodec.encode(diff);
      decoded = StateDiffCodec.decode(StateDiffCodec.decompress(StateDiffCodec.compress(encoded)));
      if (!decoded.equals(diff)) {
        return "the state diff changes through encoding and decoding";
      }
      DiffKeyIndex.Overlay produced = producerKeys.overlay();
      byte[] indexed = StateDiffCodec.encode(diff, produced);
      DiffKeyIndex.Overlay consumed = consumerKeys.overlay();
      if (!StateDiffCodec.decode(indexed, consumed).equals(diff)) {
        return "the state diff changes through the indexed (version 2) encoding";
      }
      produced.commit();
      consumed.commit();
      StateDiffApplier.apply(decoded, follower);
    } catch (InvalidStateDiffException e) {
      return "the state diff does not apply: " + e.getMessage();
    }
    Hash root = follower.computeRoot();
    if (!root.equals(header.stateRoot())) {
      return "applying the state diff gives root %s, the header has %s"
          .formatted(root, header.stateRoot());
    }
    return null;
  }

  /** The prover's path: stateless verification from the witness alone, and with nodes missing. */
  private String checkWitness(
      StatelessVerifier verifier, Block block, ExecutionWitness witness, BlockHeader parent) {
    ExecutionWitness decoded = ExecutionWitness.decode(witness.encode());
    BlockResult result = verifier.verify(block, decoded, parent);
    if (result instanceof BlockResult.Invalid invalid) {
      return "stateless verification from the witness failed: " + invalid.reason().message();
    }
    int nodes = witness.state().size();
    int drops = Math.min(options.witnessNodesToDrop, nodes);
    for (int k = 0; k < drops; k++) {
      int drop = (int) ((long) k * nodes / drops);
      List<Bytes> fewer = new ArrayList<>(witness.state());
      fewer.remove(drop);
      ExecutionWitness partial =
          new ExecutionWitness(fewer, witness.codes(), witness.keys(), witness.headers());
      BlockResult without = verifier.verify(block, partial, parent);
      if (!(without instanceof BlockResult.Invalid invalid)
          || invalid.reason().rule() != BlockRule.WITNESS) {
        return "without witness node %d of %d verification gave %s, not the missing-node error"
            .formatted(drop, nodes, without);
      }
    }
    return null;
  }

  /** A state from a fixture's account map ({@code pre} or {@code postState}), root computed. */
  static WorldState loadState(JsonNode accounts) {
    WorldState state = WorldState.create();
    for (Map.Entry<String, JsonNode> entry : accounts.properties()) {
      Address address = Address.fromHex(entry.getKey().toLowerCase(Locale.ROOT));
      JsonNode account = entry.getValue();
      state.setNonce(address, UInt256.fromHexString(account.get("nonce").asText()).u0());
      state.setBalance(address, Wei.of(UInt256.fromHexString(account.get("balance").asText())));
      byte[] code = Hex.decodeLenient(account.get("code").asText());
      if (code.length > 0) {
        state.setCode(address, Bytes.wrap(code));
      }
      for (Map.Entry<String, JsonNode> slot : account.path("storage").properties()) {
        state.setStorage(
            address,
            UInt256.fromHexString(slot.getKey()),
            UInt256.fromHexString(slot.getValue().asText()));
      }
    }
    state.computeRoot();
    return state;
  }
}
