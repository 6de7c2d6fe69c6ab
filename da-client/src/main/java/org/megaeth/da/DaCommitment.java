package org.megaeth.da;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;

/**
 * What a DA backend returns for a published blob and takes back to fetch it: enough to find the
 * blob and to check that what comes back is what was published.
 *
 * <p>Version 1: {@code blobHash} is keccak256 of {@link DaBlob#encode()}. Encoded (for block
 * records and the wire) as version u8, backend name (length u8, ASCII), block number u64, blob
 * hash. A later version can carry a backend's own reference (an EigenDA certificate) without
 * changing what version 1 means.
 *
 * @param backend the backend that holds the blob, such as {@code "embedded"}
 */
public record DaCommitment(int version, String backend, long blockNumber, Hash blobHash) {
  public static final int VERSION_1 = 1;

  public DaCommitment {
    if (version != VERSION_1) {
      throw new IllegalArgumentException("unsupported DA commitment version " + version);
    }
    Objects.requireNonNull(backend, "backend");
    if (backend.isEmpty()
        || backend.length() > 64
        || !StandardCharsets.US_ASCII.newEncoder().canEncode(backend)) {
      throw new IllegalArgumentException("invalid backend name " + backend);
    }
    if (blockNumber < 0) {
      throw new IllegalArgumentException("negative block number " + blockNumber);
    }
    Objects.requireNonNull(blobHash, "blobHash");
  }

  /** The version-1 commitment of {@code blob} at {@code backend}. */
  public static DaCommitment of(String backend, DaBlob blob) {
    return of(backend, blob.blockNumber(), blob.encode());
  }

  static DaCommitment of(String backend, long blockNumber, Bytes encoded) {
    return new DaCommitment(VERSION_1, backend, blockNumber, Keccak.hash(encoded));
  }

  /** Whether {@code encoded} (a blob's canonical encoding) is what this commitment commits to. */
  public boolean matches(Bytes encoded) {
    return Keccak.hash(encoded).equals(blobHash);
  }

  public Bytes encode() {
    byte[] name = backend.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(1 + 1 + name.length + 8 + 32);
    b.put((byte) version).put((byte) name.length).put(name).putLong(blockNumber);
    b.put(blobHash.toArray());
    return Bytes.wrap(b.array());
  }

  /** Decodes {@link #encode()}'s output, strictly. */
  public static DaCommitment decode(Bytes encoded) throws DaException {
    byte[] a = encoded.toArrayUnsafe();
    if (a.length < 2) {
      throw new DaException("DA commitment cut short");
    }
    int version = a[0] & 0xFF;
    if (version != VERSION_1) {
      throw new DaException("DA commitment version " + version + " is not supported");
    }
    int nameLength = a[1] & 0xFF;
    if (a.length != 2 + nameLength + 8 + 32) {
      throw new DaException(
          "DA commitment of " + a.length + " bytes, expected " + (2 + nameLength + 40));
    }
    ByteBuffer b = ByteBuffer.wrap(a, 2 + nameLength, 40);
    String backend = new String(a, 2, nameLength, StandardCharsets.US_ASCII);
    long blockNumber = b.getLong();
    byte[] hash = new byte[32];
    b.get(hash);
    try {
      return new DaCommitment(version, backend, blockNumber, Hash.wrap(hash));
    } catch (IllegalArgumentException e) {
      throw new DaException("invalid DA commitment: " + e.getMessage());
    }
  }
}
