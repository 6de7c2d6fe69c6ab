package org.megaeth.chain.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.megaeth.chain.exec.TestChain.ALICE;
import static org.megaeth.chain.exec.TestChain.BOB;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.chain.state.StateDiffApplier;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.trie.state.WorldState;

/** A block built mini-block by mini-block, as the sequencer does every ~10 ms. */
class OpenBlockTest {
  /** Initcode: SSTORE(1, 42), then deploys the one-byte runtime code 0x00. */
  private static final Bytes INIT_CODE = Bytes.fromHexString("0x602a600155600060005360016000f3");

  private final TestChain chain = new TestChain();
  private final BlockBuilder builder = new BlockBuilder(new BlockExecutor(TestChain.CONFIG, null));

  private final List<List<Transaction>> miniBlocks =
      List.of(
          List.of(
              TestChain.transfer(ALICE, 0, BOB.address(), 5),
              TestChain.transfer(BOB, 0, Address.ofNumber(7), 9)),
          List.of(TestChain.call(BOB, 1, null, 0, INIT_CODE, 200_000)),
          List.of(
              TestChain.transfer(ALICE, 1, Address.ofNumber(7), 1),
              TestChain.transfer(ALICE, 2, BOB.address(), 2)));

  @Test
  void shouldSealTheSameBlockAsBuildingItInOneGo() {
    BlockBuilder.OpenBlock open =
        builder.open(
            TestChain.genesisState(),
            chain.genesis,
            TestChain.attributes(chain.genesis),
            chain.lookup(),
            false);
    List<Receipt> receipts = new ArrayList<>();
    for (int i = 0; i < miniBlocks.size(); i++) {
      BlockBuilder.MiniBlock mini = open.addTransactions(miniBlocks.get(i));
      assertThat(mini.index()).isEqualTo(i);
      assertThat(mini.transactions()).isEqualTo(miniBlocks.get(i));
      receipts.addAll(mini.receipts());
    }
    BlockBuilder.Built sealed = open.seal();

    BlockBuilder.Built oneGo =
        builder.build(
            TestChain.genesisState(),
            chain.genesis,
            TestChain.attributes(chain.genesis),
            miniBlocks.stream().flatMap(List::stream).toList(),
            chain.lookup(),
            false);
    assertThat(sealed.block()).isEqualTo(oneGo.block());
    assertThat(receipts).isEqualTo(sealed.receipts());
    assertThat(sealed.diff()).isEqualTo(oneGo.diff());
  }

  @Test
  void shouldReachTheBlocksStateRootWhenEveryMiniBlockDiffIsAppliedInOrder() throws Exception {
    BlockBuilder.OpenBlock open =
        builder.open(
            TestChain.genesisState(),
            chain.genesis,
            TestChain.attributes(chain.genesis),
            chain.lookup(),
            false);
    WorldState follower = TestChain.genesisState();
    for (List<Transaction> txs : miniBlocks) {
      StateDiffApplier.apply(open.addTransactions(txs).diff(), follower);
    }
    BlockBuilder.Built sealed = open.seal();
    StateDiffApplier.apply(open.sealDiff(), follower);

    assertThat(follower.computeRoot()).isEqualTo(sealed.block().header().stateRoot());
  }

  @Test
  void shouldRefuseTransactionsOnceSealed() {
    BlockBuilder.OpenBlock open =
        builder.open(
            TestChain.genesisState(),
            chain.genesis,
            TestChain.attributes(chain.genesis),
            chain.lookup(),
            false);
    open.seal();

    assertThatThrownBy(() -> open.addTransactions(miniBlocks.get(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("block 1 is already sealed");
  }
}
