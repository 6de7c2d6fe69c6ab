package org.megaeth.rpc.spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.chain.store.ChainFileReader;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.config.genesis.GenesisLoader;
import org.megaeth.core.api.BlockRef;
import org.megaeth.core.api.ChainEvents;
import org.megaeth.core.api.ChainListener;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.StateReader;
import org.megaeth.core.api.StateView;
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.api.TransactionLocation;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.api.TransactionSink;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.witness.ExecutionWitness;

/**
 * The execution-apis test chain (genesis.json and chain.rlp) as decoded blocks, without executing
 * them: its forks start before Cancun, which this node does not run. So it serves headers, bodies
 * and transactions, but no receipts and no state; the spec test uses it for the methods that need
 * only those. Head, safe and finalized are the last block, as the fixtures' forkchoice sets them.
 */
final class FixtureChain implements ChainReader, StateReader, TransactionSink, ChainEvents {
  private final ChainConfig config;
  private final List<Block> blocks = new ArrayList<>();
  private final Map<Hash, Integer> numbers = new HashMap<>();
  private final Map<Hash, TransactionLocation> locations = new HashMap<>();

  FixtureChain(Path tests) throws Exception {
    Genesis genesis = GenesisLoader.load(tests.resolve("genesis.json"));
    this.config = genesis.config();
    add(GenesisBlock.of(genesis).block());
    try (ChainFileReader reader = ChainFileReader.open(tests.resolve("chain.rlp"))) {
      for (Optional<Block> next = reader.next(); next.isPresent(); next = reader.next()) {
        add(next.get());
      }
    } catch (IOException e) {
      throw e;
    }
  }

  private void add(Block block) {
    Hash hash = block.hash();
    if (!blocks.isEmpty() && !block.header().parentHash().equals(blocks.getLast().hash())) {
      throw new IllegalStateException("block " + block.number() + " does not follow its parent");
    }
    numbers.put(hash, blocks.size());
    for (int i = 0; i < block.body().transactions().size(); i++) {
      locations.put(
          block.body().transactions().get(i).hash(),
          new TransactionLocation(hash, block.number(), i));
    }
    blocks.add(block);
  }

  @Override
  public ChainConfig chainConfig() {
    return config;
  }

  @Override
  public BlockHeader head() {
    return blocks.getLast().header();
  }

  @Override
  public long safeNumber() {
    return head().number();
  }

  @Override
  public long finalizedNumber() {
    return head().number();
  }

  @Override
  public Optional<BlockHeader> header(long number) {
    return block(number).map(Block::header);
  }

  @Override
  public Optional<BlockHeader> header(Hash blockHash) {
    return block(blockHash).map(Block::header);
  }

  @Override
  public Optional<Block> block(long number) {
    return number >= 0 && number < blocks.size()
        ? Optional.of(blocks.get((int) number))
        : Optional.empty();
  }

  @Override
  public Optional<Block> block(Hash blockHash) {
    Integer n = numbers.get(blockHash);
    return n == null ? Optional.empty() : Optional.of(blocks.get(n));
  }

  @Override
  public Optional<List<Receipt>> receipts(Hash blockHash) {
    return Optional.empty();
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    return Optional.ofNullable(locations.get(transactionHash));
  }

  @Override
  public Optional<Address> sender(Hash blockHash, int index) {
    return Optional.empty();
  }

  @Override
  public Optional<ExecutionWitness> witness(Hash blockHash) {
    return Optional.empty();
  }

  /** No state is kept: the chain was not executed. The spec test calls no state method. */
  @Override
  public Optional<StateView> state(BlockRef ref) {
    throw new UnsupportedOperationException("the fixture chain has no state");
  }

  @Override
  public CompletableFuture<SubmitResult> submit(PooledTransaction transaction) {
    return CompletableFuture.completedFuture(
        SubmitResult.rejected("the fixture chain takes no transactions"));
  }

  @Override
  public CompletableFuture<TransactionResult> awaitResult(Hash transactionHash) {
    return new CompletableFuture<>();
  }

  @Override
  public OptionalLong pendingNonce(Address sender) {
    return OptionalLong.empty(); // no pool
  }

  @Override
  public Subscription subscribe(ChainListener listener) {
    return () -> {};
  }
}
