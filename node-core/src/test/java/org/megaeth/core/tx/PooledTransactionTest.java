package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PooledTransactionTest {
  @ParameterizedTest
  @ValueSource(ints = {BlobSidecar.VERSION_EIP4844, BlobSidecar.VERSION_EIP7594})
  void shouldRoundTripWhenBlobTransactionHasSidecar(int version) {
    PooledTransaction pooled = BlobSidecarTest.pooledWithOneBlob(version);

    Bytes network = TransactionEncoder.encodePooled(pooled);
    PooledTransaction decoded = TransactionDecoder.decodePooled(network);

    assertThat(decoded).isEqualTo(pooled);
    assertThat(decoded.transaction().hash()).isEqualTo(pooled.transaction().hash());
    assertThat(network.size()).isGreaterThan(BlobSidecar.BYTES_PER_BLOB);
  }

  @Test
  void shouldUseCanonicalFormWhenNotBlob() {
    Transaction tx = TestTransactions.signed(TestTransactions.dynamicFee());

    assertThat(TransactionEncoder.encodePooled(PooledTransaction.of(tx))).isEqualTo(tx.encoded());
    assertThat(TransactionDecoder.decodePooled(tx.encoded()).transaction()).isEqualTo(tx);
  }

  @Test
  void shouldRequireSidecarWhenBlobTransaction() {
    assertThatThrownBy(() -> PooledTransaction.of(TestTransactions.blob()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs its sidecar");
  }

  @Test
  void shouldRefuseSidecarWhenNotBlobTransaction() {
    assertThatThrownBy(
            () ->
                new PooledTransaction(
                    TestTransactions.dynamicFee(), Optional.of(BlobSidecarTest.zeroBlobSidecar(0))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
