package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.core.block.Block;
import org.megaeth.core.types.Hash;

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
    assertThat(outLines())
        .contains(
            "the database holds blocks up to #2; blocks already stored are skipped",
            "rebuilding the state of block #2 from stored diffs",
            "skipped 2 blocks already in the database")
        .last()
        .isEqualTo("imported 2 blocks, head #4 " + chain.head().hash());

    assertThat(importFile(chainFile("all.rlp", chain.blocks))).isZero();
    assertThat(outLines())
        .contains("skipped 4 blocks already in the database")
        .last()
        .isEqualTo("imported 0 blocks, head #4 " + chain.head().hash());
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
