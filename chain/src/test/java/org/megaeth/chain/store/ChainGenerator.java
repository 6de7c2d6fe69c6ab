package org.megaeth.chain.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.config.ConfigException;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.config.genesis.GenesisLoader;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.WorldState;

/**
 * Builds a deterministic Cancun chain for the store's tests: a genesis from JSON with two funded
 * keys, and blocks of signed transfers built by the node's {@link BlockBuilder} on a head that it
 * follows. Two generators with different {@code extraData} build two different chains from the same
 * genesis (a side chain).
 */
final class ChainGenerator {
  static final long CHAIN_ID = 1337;
  static final KeyPair ALICE = KeyPair.of(SecretKey.fromHex("0x" + "11".repeat(32)));
  static final KeyPair BOB = KeyPair.of(SecretKey.fromHex("0x" + "22".repeat(32)));
  static final String GENESIS_JSON =
      """
      {
        "config": {
          "chainId": %d,
          "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
          "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0,
          "istanbulBlock": 0, "berlinBlock": 0, "londonBlock": 0,
          "mergeNetsplitBlock": 0, "terminalTotalDifficulty": 0,
          "shanghaiTime": 0, "cancunTime": 0
        },
        "gasLimit": "30000000",
        "difficulty": "0x0",
        "timestamp": "1700000000",
        "alloc": {
          "%s": { "balance": "1000000000000000000000" },
          "%s": { "balance": "1000000000000000000000" }
        }
      }
      """;

  private final BlockBuilder builder;
  private final Bytes extraData;
  private WorldState state;
  private BlockHeader head;
  private final List<BlockHeader> headers = new ArrayList<>();

  ChainGenerator(Bytes extraData) {
    Genesis genesis = genesis(CHAIN_ID);
    GenesisBlock block = GenesisBlock.of(genesis);
    this.builder = new BlockBuilder(new BlockExecutor(genesis.config(), null));
    this.extraData = extraData;
    this.state = block.state();
    this.head = block.header();
    headers.add(head);
  }

  ChainGenerator() {
    this(Bytes.EMPTY);
  }

  static Genesis genesis(long chainId) {
    try {
      return GenesisLoader.parse(
          GENESIS_JSON.formatted(chainId, ALICE.address(), BOB.address()), "test genesis");
    } catch (ConfigException e) {
      throw new AssertionError(e);
    }
  }

  static GenesisBlock genesisBlock() {
    return GenesisBlock.of(genesis(CHAIN_ID));
  }

  BlockHeader head() {
    return head;
  }

  /** The next block on the head, holding {@code transactions}, with its witness. */
  BlockBuilder.Built next(List<Transaction> transactions) {
    BlockBuilder.Built built =
        builder.build(
            state,
            head,
            new BlockBuilder.Attributes(
                Address.ofNumber(0xc0ffee),
                head.timestamp() + 12,
                Hash.ZERO,
                Hash.ZERO,
                List.of(),
                30_000_000,
                extraData),
            transactions,
            hash -> headers.stream().filter(h -> h.hash().equals(hash)).findFirst(),
            true);
    if (!built.skipped().isEmpty()) {
      throw new AssertionError("skipped: " + built.skipped());
    }
    head = built.block().header();
    headers.add(head);
    return built;
  }

  /** The next block with {@code count} transfers from Alice, nonces from {@code firstNonce}. */
  BlockBuilder.Built next(long firstNonce, int count, long wei) {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      txs.add(transfer(ALICE, firstNonce + i, BOB.address(), wei));
    }
    return next(txs);
  }

  static Transaction transfer(KeyPair from, long nonce, Address to, long wei) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(CHAIN_ID)),
            nonce,
            Wei.fromGwei(1),
            Wei.fromGwei(10),
            21_000,
            Optional.of(to),
            Wei.of(wei),
            Bytes.EMPTY,
            List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  /** Stores the block; true when it became the head. */
  static boolean write(ChainStore store, BlockBuilder.Built built) throws Exception {
    return store.writeBlock(built.block(), built.receipts(), built.diff(), built.witness());
  }
}
