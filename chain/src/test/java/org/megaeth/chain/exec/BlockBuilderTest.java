package org.megaeth.chain.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megaeth.chain.exec.TestChain.ALICE;
import static org.megaeth.chain.exec.TestChain.BOB;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.chain.state.StateDiffApplier;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.diff.AccountDiff;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.trie.state.WorldState;

class BlockBuilderTest {
  /** Initcode: SSTORE(1, 42), then deploys the one-byte runtime code 0x00. */
  private static final Bytes INIT_CODE =
      Bytes.fromHexString("0x602a6001556000600053" + "60016000f3");

  private final TestChain chain = new TestChain();
  private final BlockExecutor executor = new BlockExecutor(TestChain.CONFIG, null);
  private final BlockBuilder builder = new BlockBuilder(executor);

  @Test
  void shouldIncludeValidTransactionsAndSkipTheOthersWithTheirReasons() {
    Transaction first = TestChain.transfer(ALICE, 0, BOB.address(), 1);
    Transaction gap = TestChain.transfer(ALICE, 5, BOB.address(), 1);
    Transaction second = TestChain.transfer(ALICE, 1, BOB.address(), 1);
    Transaction tooBig = TestChain.call(BOB, 0, ALICE.address(), 1, Bytes.EMPTY, 40_000_000);

    BlockBuilder.Built built =
        builder.build(
            TestChain.genesisState(),
            chain.genesis,
            TestChain.attributes(chain.genesis),
            List.of(first, gap, second, tooBig),
            chain.lookup(),
            false);

    assertThat(built.block().body().transactions()).containsExactly(first, second);
    assertThat(built.skipped())
        .extracting(BlockBuilder.Skipped::transaction)
        .containsExactly(gap, tooBig);
    assertThat(built.skipped())
        .extracting(BlockBuilder.Skipped::reason)
        .containsExactly(
            "nonce too high: address %s, tx: 5 state: 1".formatted(ALICE.address()),
            "gas limit 40000000, the block has 29958000 left");
    assertThat(built.block().header().gasUsed()).isEqualTo(42_000);
    assertThat(built.receipts()).hasSize(2);
  }

  @Test
  void shouldBuildABlockThatTheExecutorAcceptsWithTheSameRootDiffAndWitness() {
    WorldState builderState = TestChain.genesisState();
    List<Transaction> txs = new ArrayList<>();
    txs.add(TestChain.transfer(ALICE, 0, BOB.address(), 1000));
    txs.add(TestChain.call(BOB, 0, null, 0, INIT_CODE, 200_000));
    BlockBuilder.Built built =
        builder.build(
            builderState,
            chain.genesis,
            TestChain.attributes(chain.genesis),
            txs,
            chain.lookup(),
            true);
    Block block = built.block();

    WorldState importer = TestChain.genesisState();
    BlockResult result = executor.execute(importer, chain.genesis, block, chain.lookup(), true);

    assertThat(result).isInstanceOf(BlockResult.Valid.class);
    BlockResult.Valid valid = (BlockResult.Valid) result;
    assertThat(importer.rootHash()).isEqualTo(block.header().stateRoot());
    assertThat(valid.diff()).isEqualTo(built.diff());
    assertThat(valid.witness()).isEqualTo(built.witness());
    Address contract = FrameRunner.createAddress(BOB.address(), 0);
    AccountDiff deployed =
        built.diff().accounts().stream()
            .filter(a -> a.address().equals(contract))
            .findFirst()
            .orElseThrow();
    assertThat(deployed.info().orElseThrow().code()).contains(Bytes.of(0x00));
    assertThat(deployed.info().orElseThrow().codeHash()).isEqualTo(Keccak.hash(Bytes.of(0x00)));
    assertThat(deployed.slots())
        .containsExactly(new org.megaeth.core.diff.SlotChange(UInt256.ONE, UInt256.valueOf(42)));
  }

  @Test
  void shouldGiveTheHeaderRootWhenTheDiffIsAppliedToTheParentState() throws Exception {
    BlockBuilder.Built built =
        builder.build(
            TestChain.genesisState(),
            chain.genesis,
            TestChain.attributes(chain.genesis),
            List.of(
                TestChain.transfer(ALICE, 0, BOB.address(), 7),
                TestChain.call(BOB, 0, null, 0, INIT_CODE, 200_000)),
            chain.lookup(),
            false);

    WorldState follower = TestChain.genesisState();
    StateDiffApplier.apply(built.diff(), follower);

    assertThat(follower.computeRoot()).isEqualTo(built.block().header().stateRoot());
  }

  @Test
  void shouldVerifyStatelesslyFromTheWitnessAndFailWithoutAnyOneNode() {
    BlockBuilder.Built built =
        builder.build(
            TestChain.genesisState(),
            chain.genesis,
            TestChain.attributes(chain.genesis),
            List.of(
                TestChain.transfer(ALICE, 0, BOB.address(), 7),
                TestChain.call(BOB, 0, null, 0, INIT_CODE, 200_000)),
            chain.lookup(),
            true);
    StatelessVerifier verifier = new StatelessVerifier(executor);
    var witness = built.witness().orElseThrow();

    assertThat(verifier.verify(built.block(), witness, chain.genesis))
        .isInstanceOf(BlockResult.Valid.class);
    for (int i = 0; i < witness.state().size(); i++) {
      List<Bytes> fewer = new ArrayList<>(witness.state());
      fewer.remove(i);
      BlockResult without =
          verifier.verify(
              built.block(),
              new org.megaeth.core.witness.ExecutionWitness(
                  fewer, witness.codes(), witness.keys(), witness.headers()),
              chain.genesis);
      assertThat(without)
          .as("without node %d", i)
          .isInstanceOfSatisfying(
              BlockResult.Invalid.class,
              invalid -> assertThat(invalid.reason().rule()).isEqualTo(BlockRule.WITNESS));
    }
  }

  @Test
  void shouldRejectATamperedBlockAndLeaveTheStateAsItWas() {
    BlockBuilder.Built built =
        builder.build(
            TestChain.genesisState(),
            chain.genesis,
            TestChain.attributes(chain.genesis),
            List.of(TestChain.transfer(ALICE, 0, BOB.address(), 7)),
            chain.lookup(),
            false);
    BlockHeader good = built.block().header();
    Block wrongRoot = new Block(good.withStateRoot(Hash.wrap(new byte[32])), built.block().body());
    WorldState state = TestChain.genesisState();

    BlockResult result = executor.execute(state, chain.genesis, wrongRoot, chain.lookup(), true);

    assertThat(result)
        .isInstanceOfSatisfying(
            BlockResult.Invalid.class,
            invalid -> assertThat(invalid.reason().rule()).isEqualTo(BlockRule.STATE_ROOT));
    assertThat(state.rootHash()).isEqualTo(chain.genesis.stateRoot());
    assertThat(executor.execute(state, chain.genesis, built.block(), chain.lookup(), false))
        .isInstanceOf(BlockResult.Valid.class);
    assertThat(state.rootHash()).isEqualTo(good.stateRoot());
  }

  @Test
  void shouldGiveTheSameResultWhenSendersAreRecoveredOnAPool() throws Exception {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      txs.add(TestChain.transfer(i % 2 == 0 ? ALICE : BOB, i / 2, Address.ofNumber(1000 + i), i));
    }
    BlockBuilder.Built built =
        builder.build(
            TestChain.genesisState(),
            chain.genesis,
            TestChain.attributes(chain.genesis),
            txs,
            chain.lookup(),
            false);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      WorldState state = TestChain.genesisState();
      BlockResult result =
          new BlockExecutor(TestChain.CONFIG, pool)
              .execute(state, chain.genesis, built.block(), chain.lookup(), false);

      assertThat(result).isInstanceOf(BlockResult.Valid.class);
      assertThat(state.rootHash()).isEqualTo(built.block().header().stateRoot());
      assertThat(((BlockResult.Valid) result).receipts()).isEqualTo(built.receipts());
    } finally {
      pool.shutdownNow();
    }
  }
}
