package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.chain.store.ChainStore;
import org.megaeth.chain.store.TransactionLocation;
import org.megaeth.config.genesis.GenesisLoader;
import org.megaeth.core.block.Block;
import org.megaeth.core.tx.Transaction;
import org.megaeth.testsupport.Fixtures;

/** {@code megaeth-node import} end to end: real files, a real RocksDB data dir. */
class ImportCommandIT {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return MegaethNode.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** The execution-apis test chain starts at Homestead: refused at block 1, nothing stored. */
  @Test
  void shouldRefuseTheExecutionApisChainAtBlock1NamingItsFork() throws Exception {
    Path tests = Fixtures.require("execution-apis/tests");
    Path dataDir = dir.resolve("data");

    int status =
        run(
            "import",
            "--genesis",
            tests.resolve("genesis.json").toString(),
            "--data-dir",
            dataDir.toString(),
            tests.resolve("chain.rlp").toString());

    String genesis = "0x44fd89d504659cd58f48f4796b77a7e7012cf296a2409afa2f6c3cb99b5b3d99";
    assertThat(status).isEqualTo(MegaethNode.EXIT_FAILURE);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .matches(
            "megaeth-node import: block 1 0x[0-9a-f]{64} is a Homestead block; this node executes"
                + " only Cancun to Prague \\(post-merge\\) blocks, so this chain cannot be"
                + " imported");
    assertThat(out.toString().lines()).last().isEqualTo("imported 0 blocks, head #0 " + genesis);
  }

  @Test
  void shouldImportACancunChainAndStoreItsBlocksReceiptsAndLookups() throws Exception {
    CancunChain chain = CancunChain.build(CancunChain.CHAIN_ID, 5, 3);
    Path genesisFile = Files.writeString(dir.resolve("genesis.json"), chain.genesisJson);
    Path chainFile = Files.write(dir.resolve("chain.rlp"), CancunChain.chainFile(chain.blocks));
    Path dataDir = dir.resolve("data");

    int status =
        run(
            "import",
            "--genesis",
            genesisFile.toString(),
            "--data-dir",
            dataDir.toString(),
            "--witnesses",
            chainFile.toString());

    assertThat(err.toString()).isEmpty();
    assertThat(status).isEqualTo(MegaethNode.EXIT_OK);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.getFirst())
        .startsWith("importing " + chainFile + " into " + dataDir.resolve("chain"));
    assertThat(lines).contains(lines.getLast()).anyMatch(l -> l.startsWith("15 txs, "));
    assertThat(lines.getLast()).isEqualTo("imported 5 blocks, head #5 " + chain.head().hash());

    try (ChainStore store =
        ChainStore.open(
            dataDir.resolve("chain"),
            GenesisBlock.of(GenesisLoader.load(genesisFile)).block(),
            CancunChain.CHAIN_ID,
            false)) {
      assertThat(store.head()).isEqualTo(chain.head().hash());
      for (int i = 0; i < chain.blocks.size(); i++) {
        Block block = chain.blocks.get(i);
        assertThat(store.block(block.number())).contains(block);
        assertThat(store.receipts(block.hash())).contains(chain.receipts.get(i));
        assertThat(store.witness(block.hash())).isPresent();
        assertThat(store.diff(block.hash())).isPresent();
        List<Transaction> txs = block.body().transactions();
        for (int t = 0; t < txs.size(); t++) {
          assertThat(store.transactionLocation(txs.get(t).hash()))
              .contains(new TransactionLocation(block.hash(), block.number(), t));
        }
      }
    }
  }
}
