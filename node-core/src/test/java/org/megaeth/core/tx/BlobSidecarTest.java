package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Hash;

class BlobSidecarTest {
  /** The KZG commitment of the all-zero blob: the point at infinity, compressed. */
  static final Bytes ZERO_BLOB_COMMITMENT =
      Bytes.concatenate(Bytes.of(0xc0), Bytes.wrap(new byte[47]));

  static BlobSidecar zeroBlobSidecar(int version) {
    int proofs = version == BlobSidecar.VERSION_EIP4844 ? 1 : BlobSidecar.CELLS_PER_EXT_BLOB;
    return new BlobSidecar(
        version,
        List.of(Bytes.wrap(new byte[BlobSidecar.BYTES_PER_BLOB])),
        List.of(ZERO_BLOB_COMMITMENT),
        Collections.nCopies(proofs, ZERO_BLOB_COMMITMENT));
  }

  /** A signed blob transaction with one zero blob, in network form. */
  static PooledTransaction pooledWithOneBlob(int version) {
    BlobSidecar sidecar = zeroBlobSidecar(version);
    BlobTransaction tx = TestTransactions.signed(TestTransactions.blob(sidecar.versionedHashes()));
    return PooledTransaction.of(tx, sidecar);
  }

  @Test
  void shouldComputeVersionedHashWhenCommitmentIsKnown() {
    // The versioned hash of the zero blob's commitment, as used across the Cancun test suites.
    assertThat(zeroBlobSidecar(0).versionedHashes())
        .containsExactly(
            Hash.fromHex("0x010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014"));
  }

  @Test
  void shouldRequireOneProofPerBlobWhenVersion0() {
    assertThatThrownBy(
            () ->
                new BlobSidecar(
                    BlobSidecar.VERSION_EIP4844,
                    zeroBlobSidecar(0).blobs(),
                    List.of(ZERO_BLOB_COMMITMENT),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proofs");
  }

  @Test
  void shouldRequireCellProofsWhenVersion1() {
    assertThatThrownBy(
            () ->
                new BlobSidecar(
                    BlobSidecar.VERSION_EIP7594,
                    zeroBlobSidecar(0).blobs(),
                    List.of(ZERO_BLOB_COMMITMENT),
                    List.of(ZERO_BLOB_COMMITMENT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("128 proofs");
  }

  @Test
  void shouldRejectBlobWhenSizeIsWrong() {
    assertThatThrownBy(
            () ->
                new BlobSidecar(
                    0,
                    List.of(Bytes.wrap(new byte[10])),
                    List.of(ZERO_BLOB_COMMITMENT),
                    List.of(ZERO_BLOB_COMMITMENT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blob 0 is 10 bytes");
  }

  @Test
  void shouldRejectVersionWhenUnknown() {
    assertThatThrownBy(() -> new BlobSidecar(2, List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
