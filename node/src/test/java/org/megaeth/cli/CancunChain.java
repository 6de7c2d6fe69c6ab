package org.megaeth.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.config.genesis.GenesisLoader;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
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
 * A small Cancun chain for the import tests: a genesis.json with two funded keys and blocks of
 * signed transfers built by the node's {@link BlockBuilder}. {@link #main} writes {@code
 * genesis.json} and {@code chain.rlp} into a folder, to try the command by hand.
 */
final class CancunChain {
  static final long CHAIN_ID = 1337;
  static final KeyPair ALICE = KeyPair.of(SecretKey.fromHex("0x" + "11".repeat(32)));
  static final KeyPair BOB = KeyPair.of(SecretKey.fromHex("0x" + "22".repeat(32)));

  final String genesisJson;
  final GenesisBlock genesis;
  final List<Block> blocks = new ArrayList<>();
  final List<List<Receipt>> receipts = new ArrayList<>();

  private CancunChain(String genesisJson, GenesisBlock genesis) {
    this.genesisJson = genesisJson;
    this.genesis = genesis;
  }

  /** {@code count} blocks of {@code transfersPerBlock} transfers each, on chain {@code chainId}. */
  static CancunChain build(long chainId, int count, int transfersPerBlock) throws Exception {
    String json = genesisJson(chainId);
    Genesis genesis = GenesisLoader.parse(json, "genesis.json");
    GenesisBlock genesisBlock = GenesisBlock.of(genesis);
    CancunChain chain = new CancunChain(json, genesisBlock);
    BlockBuilder builder = new BlockBuilder(new BlockExecutor(genesis.config(), null));
    WorldState state = GenesisBlock.state(genesis);
    BlockHeader parent = genesisBlock.header();
    long nonce = 0;
    for (int b = 0; b < count; b++) {
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < transfersPerBlock; i++) {
        txs.add(transfer(chainId, ALICE, nonce++, BOB.address(), 1_000 + b));
      }
      BlockBuilder.Built built =
          builder.build(
              state,
              parent,
              new BlockBuilder.Attributes(
                  Address.ofNumber(0xc0ffee),
                  parent.timestamp() + 12,
                  Hash.ZERO,
                  Hash.ZERO,
                  List.of(),
                  30_000_000,
                  Bytes.EMPTY),
              txs,
              hash -> Optional.empty(),
              false);
      if (!built.skipped().isEmpty()) {
        throw new IllegalStateException("skipped " + built.skipped());
      }
      chain.blocks.add(built.block());
      chain.receipts.add(built.receipts());
      parent = built.block().header();
    }
    return chain;
  }

  static String genesisJson(long chainId) {
    return """
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
        """
        .formatted(chainId, ALICE.address(), BOB.address());
  }

  /** The blocks as a chain file: their RLP encodings one after the other. */
  static byte[] chainFile(List<Block> blocks) {
    return Bytes.concatenate(blocks.stream().map(Block::encode).toArray(Bytes[]::new)).toArray();
  }

  Block head() {
    return blocks.getLast();
  }

  private static Transaction transfer(
      long chainId, KeyPair from, long nonce, Address to, long wei) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(chainId)),
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

  /** Writes genesis.json and chain.rlp ({@code args[1]} blocks, default 50) to {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[0]));
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    CancunChain chain = build(CHAIN_ID, count, 20);
    Files.writeString(dir.resolve("genesis.json"), chain.genesisJson);
    Files.write(dir.resolve("chain.rlp"), chainFile(chain.blocks));
  }
}
