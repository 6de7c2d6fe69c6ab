package org.megaeth.rpc.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.testing.TestChain;
import org.megaeth.rpc.testing.Txs;

class BlockFactsTest {
  @Test
  void shouldGiveTheBlocksSizeAndTransactionHashesAndRememberThem() {
    TestChain chain = TestChain.create();
    Address to = Address.ofNumber(0xbeef);
    chain.submit(pooled(Txs.transfer(chain.account(0), 0, to, Wei.of(1))));
    chain.submit(pooled(Txs.legacyTransfer(chain.account(1), 0, to, Wei.of(2))));
    BlockHeader sealed = chain.mineAndSeal();
    Block block = chain.block(sealed.hash()).orElseThrow();
    BlockFacts facts = new BlockFacts();

    BlockFacts.Facts first = facts.of(block, sealed.hash());

    assertThat(first.size()).isEqualTo(block.encode().size());
    assertThat(first.transactionHashes())
        .containsExactly(
            block.body().transactions().get(0).hash(), block.body().transactions().get(1).hash());
    assertThat(facts.of(block, sealed.hash())).isSameAs(first); // remembered, not recomputed
  }

  @Test
  void shouldTakeASealedBlocksFactsFromItsProducerInsteadOfHashingAgain() {
    TestChain chain = TestChain.create();
    BlockFacts facts = new BlockFacts();
    chain.subscribe(facts.sealedBlocks());
    Address to = Address.ofNumber(0xbeef);
    chain.submit(pooled(Txs.transfer(chain.account(0), 0, to, Wei.of(1))));
    chain.submit(pooled(Txs.legacyTransfer(chain.account(1), 0, to, Wei.of(2))));
    BlockHeader sealed = chain.mineAndSeal();
    Block block = chain.block(sealed.hash()).orElseThrow();

    BlockFacts.Facts computed = BlockFacts.compute(block);
    // Asked with an empty block under the sealed block's hash: the producer's facts answer.
    Block empty = new Block(block.header(), inputsBodyWithoutTransactions(block));
    assertThat(facts.of(empty, sealed.hash())).isEqualTo(computed);
  }

  private static org.megaeth.core.block.BlockBody inputsBodyWithoutTransactions(Block block) {
    return new org.megaeth.core.block.BlockBody(
        java.util.List.of(), block.body().ommers(), block.body().withdrawals());
  }

  @Test
  void sizeAndHashesMatchTheFullEncodingForEveryShapeOfBlock() {
    for (int seed = 0; seed < 200; seed++) {
      RandomInputs inputs = new RandomInputs(seed);
      // 0: pre-London header, no withdrawals; 2 and up: withdrawals; some with ommers.
      Block block = inputs.block(seed % 7);
      BlockFacts.Facts facts = BlockFacts.compute(block);
      assertThat(facts.size()).as("seed %d", seed).isEqualTo(block.encode().size());
      assertThat(facts.transactionHashes())
          .containsExactlyElementsOf(
              block.body().transactions().stream().map(tx -> tx.hash()).toList());
    }
  }

  @Test
  void sizeCountsLongLengthPrefixes() {
    // Enough large transactions that the body's list needs a three-byte length.
    RandomInputs inputs = new RandomInputs(99);
    java.util.List<org.megaeth.core.tx.Transaction> txs = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      txs.add(inputs.transaction(i % 5));
    }
    Block block =
        new Block(
            inputs.header(6),
            new org.megaeth.core.block.BlockBody(
                txs, java.util.List.of(), java.util.Optional.of(java.util.List.of())));
    assertThat(block.encode().size()).isGreaterThan(1 << 16);
    assertThat(BlockFacts.compute(block).size()).isEqualTo(block.encode().size());
  }

  private static org.megaeth.core.tx.PooledTransaction pooled(org.megaeth.core.tx.Transaction tx) {
    return new org.megaeth.core.tx.PooledTransaction(tx, java.util.Optional.empty());
  }
}
