package org.megaeth.core.tx;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.megaeth.core.types.Hash;

/**
 * The blobs, KZG commitments and proofs that travel with a blob transaction on the network
 * (EIP-4844 "network wrapper"). Sizes and counts are checked here; the KZG proofs are verified by
 * whoever accepts blobs into a pool, with a KZG library this module does not carry.
 *
 * @param version {@link #VERSION_EIP4844} (one proof per blob) or {@link #VERSION_EIP7594} (cell
 *     proofs, {@value #CELLS_PER_EXT_BLOB} per blob, Osaka)
 */
public record BlobSidecar(
    int version, List<Bytes> blobs, List<Bytes> commitments, List<Bytes> proofs) {

  /** The Cancun wrapper {@code [tx_payload_body, blobs, commitments, proofs]}: no version field. */
  public static final int VERSION_EIP4844 = 0;

  /** EIP-7594 (PeerDAS) wrapper {@code [tx_payload_body, 1, blobs, commitments, cell_proofs]}. */
  public static final int VERSION_EIP7594 = 1;

  /** EIP-4844 {@code FIELD_ELEMENTS_PER_BLOB * BYTES_PER_FIELD_ELEMENT} = 4096 * 32. */
  public static final int BYTES_PER_BLOB = 131_072;

  public static final int BYTES_PER_COMMITMENT = 48;
  public static final int BYTES_PER_PROOF = 48;

  /** EIP-7594: cells, and so cell proofs, per extended blob. */
  public static final int CELLS_PER_EXT_BLOB = 128;

  public BlobSidecar {
    if (version != VERSION_EIP4844 && version != VERSION_EIP7594) {
      throw new IllegalArgumentException("unknown blob sidecar version " + version);
    }
    blobs = List.copyOf(blobs);
    commitments = List.copyOf(commitments);
    proofs = List.copyOf(proofs);
    requireSizes(blobs, BYTES_PER_BLOB, "blob");
    requireSizes(commitments, BYTES_PER_COMMITMENT, "commitment");
    requireSizes(proofs, BYTES_PER_PROOF, "proof");
    if (commitments.size() != blobs.size()) {
      throw new IllegalArgumentException(
          blobs.size() + " blobs but " + commitments.size() + " commitments");
    }
    long expectedProofs =
        version == VERSION_EIP4844 ? blobs.size() : (long) blobs.size() * CELLS_PER_EXT_BLOB;
    if (proofs.size() != expectedProofs) {
      throw new IllegalArgumentException(
          blobs.size() + " blobs need " + expectedProofs + " proofs, got " + proofs.size());
    }
  }

  /** The versioned hash of each commitment: {@code 0x01 || sha256(commitment)[1:]} (EIP-4844). */
  public List<Hash> versionedHashes() {
    List<Hash> hashes = new ArrayList<>(commitments.size());
    SHA256Digest sha256 = new SHA256Digest();
    for (Bytes commitment : commitments) {
      byte[] out = new byte[Hash.SIZE];
      sha256.update(commitment.toArrayUnsafe(), 0, commitment.size());
      sha256.doFinal(out, 0);
      out[0] = BlobTransaction.VERSIONED_HASH_VERSION_KZG;
      hashes.add(Hash.wrap(out));
    }
    return hashes;
  }

  private static void requireSizes(List<Bytes> items, int size, String what) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).size() != size) {
        throw new IllegalArgumentException(
            what + " " + i + " is " + items.get(i).size() + " bytes, expected " + size);
      }
    }
  }
}
