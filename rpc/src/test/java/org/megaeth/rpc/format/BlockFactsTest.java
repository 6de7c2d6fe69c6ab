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

  private static org.megaeth.core.tx.PooledTransaction pooled(org.megaeth.core.tx.Transaction tx) {
    return new org.megaeth.core.tx.PooledTransaction(tx, java.util.Optional.empty());
  }
}
