package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.chain.store.ChainStore;
import org.megaeth.chain.store.StateReplay;
import org.megaeth.chain.store.StoredState;
import org.megaeth.core.block.Block;
import org.megaeth.core.types.Hash;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class ImportCommandTest {
  private static CancunChain chain;

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeAll
  static void buildChain() throws Exception {
    chain = CancunChain.build(CancunChain.CHAIN_ID, 4, 2);
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return MegaethNode.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private int importFile(Path chainFile) throws Exception {
    Path genesis = dir.resolve("genesis.json");
    if (!Files.exists(genesis)) {
      Files.writeString(genesis, chain.genesisJson);
    }
    return run(
        "import",
        "--genesis",
        genesis.toString(),
        "--data-dir",
        dir.resolve("data").toString(),
        chainFile.toString());
  }

  private Path chainFile(String name, List<Block> blocks) throws Exception {
    return Files.write(dir.resolve(name), CancunChain.chainFile(blocks));
  }

  private List<String> outLines() {
    return out.toString().lines().toList();
  }

  @Test
  void shouldSkipTheBlocksAlreadyStoredAndContinueFromTheHeadWhenRunAgain() throws Exception {
    assertThat(importFile(chainFile("first.rlp", chain.blocks.subList(0, 2)))).isZero();
    assertThat(outLines().getLast())
        .isEqualTo("imported 2 blocks, head #2 " + chain.blocks.get(1).hash());

    assertThat(importFile(chainFile("all.rlp", chain.blocks))).isZero();

    assertThat(err.toString()).isEmpty();
    // The head's state was stored with it: opened, not replayed from genesis.
    assertThat(outLines())
        .contains(
            "the database holds blocks up to #2; blocks already stored are skipped",
            "opened the stored state of head #2",
            "skipped 2 blocks already in the database")
        .noneMatch(line -> line.contains("rebuilding"))
        .last()
        .isEqualTo("imported 2 blocks, head #4 " + chain.head().hash());
    assertStoredStateIsTheHeads(4);

    assertThat(importFile(chainFile("all.rlp", chain.blocks))).isZero();
    assertThat(outLines())
        .contains("skipped 4 blocks already in the database")
        .last()
        .isEqualTo("imported 0 blocks, head #4 " + chain.head().hash());
  }

  @Test
  void shouldApplyTheStoredDiffsWhenTheStoredStateIsOfAnAncestorOfTheHead() throws Exception {
    assertThat(importFile(chainFile("all.rlp", chain.blocks))).isZero();
    try (ChainStore store = openStore()) {
      Hash second = chain.blocks.get(1).hash();
      store.writeState(second, StateReplay.stateAt(store, chain.genesis.state(), second));
    }

    assertThat(importFile(chainFile("all.rlp", chain.blocks))).isZero();

    assertThat(outLines())
        .contains("the stored state is of block #2: applying the stored diffs up to head #4")
        .noneMatch(line -> line.contains("rebuilding"));
    assertStoredStateIsTheHeads(4);
  }

  @Test
  void shouldRebuildTheStateFromGenesisWhenTheStoredOneIsOffTheCanonicalChain() throws Exception {
    assertThat(importFile(chainFile("first.rlp", chain.blocks.subList(0, 2)))).isZero();
    try (ChainStore store = openStore()) {
      store.setHead(chain.blocks.get(0).hash()); // the state stays block 2's
    }

    assertThat(importFile(chainFile("all.rlp", chain.blocks))).isZero();

    assertThat(err.toString()).isEmpty();
    assertThat(outLines())
        .contains(
            "the stored state is of block #2, which is not on the canonical chain: rebuilding the"
                + " state of head #1 from the genesis state and the stored diffs")
        .last()
        .isEqualTo("imported 2 blocks, head #4 " + chain.head().hash());
    assertStoredStateIsTheHeads(4);
  }

  @Test
  void shouldRebuildADamagedStoredStateFromTheDiffsAndGoOn() throws Exception {
    assertThat(importFile(chainFile("first.rlp", chain.blocks.subList(0, 2)))).isZero();
    deleteStoredTrieNodesBelowTheRoot(dir.resolve("data").resolve("chain"));

    assertThat(importFile(chainFile("all.rlp", chain.blocks))).isZero();

    assertThat(err.toString()).isEmpty();
    assertThat(outLines())
        .anyMatch(
            line ->
                line.startsWith("the stored state is damaged (")
                    && line.endsWith(
                        "): rebuilding the state of head #2 from the genesis state and the stored"
                            + " diffs"))
        .last()
        .isEqualTo("imported 2 blocks, head #4 " + chain.head().hash());
    assertStoredStateIsTheHeads(4);
  }

  /** Damage that opening does not see (the root node stays): every other account-trie node. */
  private static void deleteStoredTrieNodesBelowTheRoot(Path db) throws Exception {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    try (Options options = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(options, db.toString())) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions();
        RocksDB rocks = RocksDB.open(options, db.toString(), descriptors, handles)) {
      for (int i = 0; i < descriptors.size(); i++) {
        if (new String(descriptors.get(i).getName(), StandardCharsets.US_ASCII)
            .equals("account-trie")) {
          rocks.deleteRange(handles.get(i), new byte[] {0}, new byte[] {0x10});
        }
      }
      handles.forEach(ColumnFamilyHandle::close);
    }
  }

  private ChainStore openStore() throws Exception {
    return ChainStore.open(
        dir.resolve("data").resolve("chain"), chain.genesis.block(), CancunChain.CHAIN_ID, false);
  }

  private void assertStoredStateIsTheHeads(long number) throws Exception {
    try (ChainStore store = openStore()) {
      assertThat(store.headHeader().number()).isEqualTo(number);
      assertThat(store.stateBlock()).contains(store.head());
      StoredState state = store.openState();
      assertThat(state).isInstanceOf(StoredState.Opened.class);
      assertThat(((StoredState.Opened) state).state().rootHash())
          .isEqualTo(store.headHeader().stateRoot());
    }
  }

  @Test
  void shouldStopAtAnInvalidBlockNamingItsNumberHashAndRule() throws Exception {
    Block good = chain.blocks.get(2);
    Block tampered = new Block(good.header().withStateRoot(Hash.ZERO), good.body());
    List<Block> blocks = new ArrayList<>(chain.blocks.subList(0, 2));
    blocks.add(tampered);
    blocks.add(chain.blocks.get(3));

    assertThat(importFile(chainFile("bad.rlp", blocks))).isEqualTo(MegaethNode.EXIT_FAILURE);

    assertThat(err.toString().lines())
        .containsExactly(
            "megaeth-node import: block 3 %s is invalid: the state root does not match the"
                    .formatted(tampered.hash())
                + " post-state: header %s, computed %s"
                    .formatted(Hash.ZERO, good.header().stateRoot()));
    assertThat(outLines().getLast())
        .isEqualTo("imported 2 blocks, head #2 " + chain.blocks.get(1).hash());
  }

  @Test
  void shouldNameTheByteOffsetOfMalformedRlp() throws Exception {
    byte[] two = CancunChain.chainFile(chain.blocks.subList(0, 2));
    Path file = Files.write(dir.resolve("cut.rlp"), Arrays.copyOf(two, two.length - 5));
    int firstSize = chain.blocks.getFirst().encode().size();

    assertThat(importFile(file)).isEqualTo(MegaethNode.EXIT_FAILURE);

    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith(
            "megaeth-node import: %s: byte offset %d: truncated block: it declares"
                .formatted(file, firstSize));
    assertThat(outLines().getLast())
        .isEqualTo("imported 1 block, head #1 " + chain.blocks.getFirst().hash());
  }

  @Test
  void shouldSayInOneLineWhenTheChainFileIsMissing() throws Exception {
    Path missing = dir.resolve("nope.rlp");

    assertThat(importFile(missing)).isEqualTo(MegaethNode.EXIT_FAILURE);

    assertThat(err.toString().lines())
        .containsExactly("megaeth-node import: " + missing + ": no such chain file");
    assertThat(Files.exists(dir.resolve("data"))).isFalse();
  }

  @Test
  void shouldSayInOneLineWhenTheGenesisIsMissing() throws Exception {
    Path file = chainFile("chain.rlp", chain.blocks);
    Path missing = dir.resolve("missing.json");

    int status =
        run(
            "import",
            "--genesis",
            missing.toString(),
            "--data-dir",
            dir.toString(),
            file.toString());

    assertThat(status).isEqualTo(MegaethNode.EXIT_FAILURE);
    assertThat(err.toString().lines())
        .containsExactly("megaeth-node import: genesis file " + missing + " not found");
  }

  @Test
  void shouldRefuseADataDirCreatedForAnotherChain() throws Exception {
    Path file = chainFile("chain.rlp", chain.blocks.subList(0, 1));
    assertThat(importFile(file)).isZero();
    Path otherGenesis = Files.writeString(dir.resolve("other.json"), CancunChain.genesisJson(4242));

    int status =
        run(
            "import",
            "--genesis",
            otherGenesis.toString(),
            "--data-dir",
            dir.resolve("data").toString(),
            file.toString());

    assertThat(status).isEqualTo(MegaethNode.EXIT_FAILURE);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith(
            "megaeth-node import: the chain database in "
                + dir.resolve("data").resolve("chain")
                + " belongs to another chain: it was created for chain id 1337");
  }

  @Test
  void shouldRefuseABlockWhoseParentIsUnknown() throws Exception {
    Path file = chainFile("gap.rlp", List.of(chain.blocks.get(0), chain.blocks.get(2)));
    int secondOffset = chain.blocks.get(0).encode().size();

    assertThat(importFile(file)).isEqualTo(MegaethNode.EXIT_FAILURE);

    assertThat(err.toString().lines())
        .containsExactly(
            "megaeth-node import: block 3 %s (byte offset %d): its parent %s is neither in the"
                    .formatted(chain.blocks.get(2).hash(), secondOffset, chain.blocks.get(1).hash())
                + " database nor before it in the file");
  }

  @Test
  void shouldRequireTheGenesisOption() throws Exception {
    assertThat(run("import", "chain.rlp")).isEqualTo(2);
    assertThat(err.toString()).contains("--genesis");
  }
}
