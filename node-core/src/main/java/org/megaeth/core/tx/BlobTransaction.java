package org.megaeth.core.tx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * An EIP-4844 blob transaction (type 3) in its canonical form: {@code 0x03 || rlp([chainId, nonce,
 * maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList, maxFeePerBlobGas,
 * blobVersionedHashes, yParity, r, s])}. The blobs themselves travel only in the network form (see
 * {@link PooledTransaction}). {@code to} is mandatory: a blob transaction cannot create a contract.
 *
 * <p>The L2 does not accept blob transactions from users, but it reads them (L1 data, tests).
 */
public record BlobTransaction(
    Optional<UInt256> chainId,
    long nonce,
    Wei maxPriorityFeePerGas,
    Wei maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    List<AccessListEntry> accessList,
    Wei maxFeePerBlobGas,
    List<Hash> blobVersionedHashes,
    Signature signature)
    implements Transaction {

  /** EIP-4844 {@code GAS_PER_BLOB}: 2^17. */
  public static final long GAS_PER_BLOB = 1L << 17;

  /** EIP-4844 {@code VERSIONED_HASH_VERSION_KZG}: the first byte of every versioned hash. */
  public static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  public BlobTransaction {
    TypedFields.requireChainId(chainId);
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "to");
    TypedFields.requireRecipient(to, TransactionInvalid.BLOB_TX_CREATE);
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
    Objects.requireNonNull(maxFeePerBlobGas, "maxFeePerBlobGas");
    blobVersionedHashes = List.copyOf(blobVersionedHashes);
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public TransactionType type() {
    return TransactionType.BLOB;
  }

  @Override
  public BlobTransaction withSignature(Signature newSignature) {
    return new BlobTransaction(
        chainId,
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        maxFeePerBlobGas,
        blobVersionedHashes,
        newSignature);
  }
}
