package org.megaeth.rpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.megaeth.core.api.AccountProof;
import org.megaeth.core.api.BlockRef;
import org.megaeth.core.api.StateView;
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerkleProof;

/** The test backend itself: it must be a faithful chain for the rpc tests to mean anything. */
class TestChainTest {
  private final TestChain chain = TestChain.create();

  @Test
  void shouldMineAndSealATransferWhenSubmitted() {
    Address to = Address.ofNumber(0xbeef);
    var tx = Txs.transfer(chain.account(0), 0, to, Wei.of(1234));
    SubmitResult submitted = chain.submit(PooledTransaction.of(tx)).join();
    assertThat(submitted).isEqualTo(SubmitResult.accepted(tx.hash()));

    List<TransactionResult> mined = chain.mineMiniBlock();
    assertThat(mined).hasSize(1);
    assertThat(mined.get(0).blockHash()).isEmpty();
    assertThat(chain.awaitResult(tx.hash()).join().receipt().success()).isTrue();
    try (StateView newest = chain.state(BlockRef.newest()).orElseThrow()) {
      assertThat(newest.balance(to)).isEqualTo(Wei.of(1234));
      assertThat(newest.block().number()).isEqualTo(1);
    }
    assertThat(chain.head().number()).isZero();

    BlockHeader header = chain.seal();
    assertThat(header.number()).isEqualTo(1);
    assertThat(chain.awaitResult(tx.hash()).join().blockHash()).contains(header.hash());
    assertThat(chain.transactionLocation(tx.hash()).orElseThrow().blockNumber()).isEqualTo(1);
  }

  @Test
  void shouldRebuildSealedStatesWhoseRootsMatchTheHeaders() {
    chain.submit(
        PooledTransaction.of(Txs.transfer(chain.account(0), 0, Address.ofNumber(7), Wei.of(5))));
    BlockHeader one = chain.mineAndSeal();
    chain.submit(
        PooledTransaction.of(
            Txs.create(chain.account(1), 0, Contracts.deployer(Contracts.storeAndLog()))));
    BlockHeader two = chain.mineAndSeal();

    assertThat(chain.mirror(0).rootHash()).isEqualTo(chain.header(0).orElseThrow().stateRoot());
    assertThat(chain.mirror(1).rootHash()).isEqualTo(one.stateRoot());
    assertThat(chain.mirror(2).rootHash()).isEqualTo(two.stateRoot());
    try (StateView before = chain.state(BlockRef.number(0)).orElseThrow()) {
      assertThat(before.balance(Address.ofNumber(7))).isEqualTo(Wei.ZERO);
    }
  }

  @Test
  void shouldProveAccountsAgainstTheHeaderStateRoot() throws Exception {
    Address account = chain.account(0).address();
    BlockHeader genesis = chain.head();
    try (StateView state = chain.state(BlockRef.hash(genesis.hash())).orElseThrow()) {
      AccountProof proof = state.proof(account, List.of(UInt256.ZERO)).orElseThrow();
      Optional<org.apache.tuweni.bytes.Bytes> leaf =
          MerkleProof.verify(
              genesis.stateRoot(),
              org.apache.tuweni.bytes.Bytes.wrap(Keccak.keccak256(account.toArray())),
              proof.accountProof());
      assertThat(leaf).isPresent();
      assertThat(proof.balance()).isEqualTo(Wei.fromEth(10_000));
    }
  }

  @Test
  void shouldRefuseANonceThatIsTooLow() {
    chain.submit(
        PooledTransaction.of(Txs.transfer(chain.account(0), 0, Address.ofNumber(7), Wei.of(5))));
    chain.mineAndSeal();
    SubmitResult again =
        chain
            .submit(
                PooledTransaction.of(
                    Txs.transfer(chain.account(0), 0, Address.ofNumber(8), Wei.of(5))))
            .join();
    assertThat(again).isInstanceOf(SubmitResult.Rejected.class);
    assertThat(((SubmitResult.Rejected) again).message()).startsWith("nonce too low");
  }
}
