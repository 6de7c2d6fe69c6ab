package org.megaeth.sequencer.produce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

class ReadBlockCacheTest {
  private static final KeyPair ALICE = KeyPair.of(SecretKey.of(UInt256.valueOf(7).toBytes32()));

  @Test
  void shouldDecodeAnOlderBlockOnceForEveryReceiptLookupOfItsTransactions() {
    ReadBlockCache cache = new ReadBlockCache(1_000);
    Block block = block(50);
    Hash hash = Hash.wrap(Bytes.repeat((byte) 1, 32).toArray());
    AtomicInteger loads = new AtomicInteger();
    Supplier<Optional<Block>> store =
        () -> {
          loads.incrementAndGet();
          return Optional.of(block);
        };

    for (int i = 0; i < 50; i++) {
      assertThat(cache.sender(hash, i, store)).contains(ALICE.address());
      assertThat(cache.block(hash, store)).contains(block);
    }

    assertThat(loads).hasValue(1);
  }

  @Test
  void shouldDropTheLeastRecentlyReadBlocksBeyondItsTransactionBudget() {
    ReadBlockCache cache = new ReadBlockCache(25);
    AtomicInteger loads = new AtomicInteger();
    List<Hash> hashes = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      Hash hash = Hash.wrap(Bytes.repeat((byte) (n + 1), 32).toArray());
      hashes.add(hash);
      cache.block(hash, counting(block(10), loads));
    }
    // 30 transactions over a budget of 25: the first block read went.
    assertThat(cache.size()).isEqualTo(2);
    cache.block(hashes.get(1), counting(block(10), loads));
    cache.block(hashes.get(2), counting(block(10), loads));
    assertThat(loads).hasValue(3);
    cache.block(hashes.get(0), counting(block(10), loads));
    assertThat(loads).hasValue(4);
  }

  @Test
  void shouldNotKeepABlockBiggerThanItsWholeBudgetNorAnswerForAMissingOne() {
    ReadBlockCache cache = new ReadBlockCache(5);
    Hash hash = Hash.wrap(Bytes.repeat((byte) 9, 32).toArray());
    assertThat(cache.block(hash, () -> Optional.of(block(6)))).isPresent();
    assertThat(cache.size()).isZero();
    assertThat(cache.sender(hash, 0, Optional::empty)).isEmpty();
    assertThat(cache.sender(hash, 7, () -> Optional.of(block(6)))).isEmpty();
  }

  private static Supplier<Optional<Block>> counting(Block block, AtomicInteger loads) {
    return () -> {
      loads.incrementAndGet();
      return Optional.of(block);
    };
  }

  private static Block block(int transactions) {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < transactions; i++) {
      txs.add(
          TransactionSigner.sign(
              new DynamicFeeTransaction(
                  Optional.of(UInt256.ONE),
                  i,
                  Wei.fromGwei(1),
                  Wei.fromGwei(10),
                  21_000,
                  Optional.of(Address.ofNumber(0x5151)),
                  Wei.of(1),
                  Bytes.EMPTY,
                  List.of(),
                  TransactionSigner.UNSIGNED),
              ALICE.secretKey()));
    }
    return new Block(
        GenesisBlock.cancunHeader(Hash.ZERO, 30_000_000),
        new BlockBody(txs, List.of(), Optional.of(List.of())));
  }
}
