package org.megaeth.core.block;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.rlp.RlpReader;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * An Ethereum block header with every field through Prague. Fields added by later forks are
 * optional and, as on the wire, each may only be present when all earlier ones are.
 *
 * @param baseFeePerGas EIP-1559 (London)
 * @param withdrawalsRoot EIP-4895 (Shanghai)
 * @param blobGasUsed EIP-4844 (Cancun)
 * @param excessBlobGas EIP-4844 (Cancun)
 * @param parentBeaconBlockRoot EIP-4788 (Cancun)
 * @param requestsHash EIP-7685 (Prague)
 */
public record BlockHeader(
    Hash parentHash,
    Hash ommersHash,
    Address coinbase,
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    LogsBloom logsBloom,
    UInt256 difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Hash mixHash,
    long nonce,
    Optional<UInt256> baseFeePerGas,
    Optional<Hash> withdrawalsRoot,
    Optional<Long> blobGasUsed,
    Optional<Long> excessBlobGas,
    Optional<Hash> parentBeaconBlockRoot,
    Optional<Hash> requestsHash) {

  public BlockHeader {
    // A later optional field without the earlier ones cannot be encoded unambiguously.
    boolean laterPresent = false;
    Optional<?>[] optionals = {
      requestsHash,
      parentBeaconBlockRoot,
      excessBlobGas,
      blobGasUsed,
      withdrawalsRoot,
      baseFeePerGas
    };
    for (Optional<?> field : optionals) {
      if (field.isPresent()) {
        laterPresent = true;
      } else if (laterPresent) {
        throw new IllegalArgumentException(
            "header fields added by later forks require all earlier ones to be present");
      }
    }
  }

  /** This header with another state root (a builder fills it in last; tests tamper with it). */
  public BlockHeader withStateRoot(Hash newStateRoot) {
    return new BlockHeader(
        parentHash,
        ommersHash,
        coinbase,
        newStateRoot,
        transactionsRoot,
        receiptsRoot,
        logsBloom,
        difficulty,
        number,
        gasLimit,
        gasUsed,
        timestamp,
        extraData,
        mixHash,
        nonce,
        baseFeePerGas,
        withdrawalsRoot,
        blobGasUsed,
        excessBlobGas,
        parentBeaconBlockRoot,
        requestsHash);
  }

  /** keccak256 of the RLP encoding: the block hash. */
  public Hash hash() {
    return Keccak.hash(encode());
  }

  /** The canonical RLP encoding. */
  public Bytes encode() {
    return Rlp.encode(this::writeTo);
  }

  /** Writes this header as one RLP list item. */
  public void writeTo(RlpWriter out) {
    out.writeList(
        w -> {
          w.writeHash(parentHash);
          w.writeHash(ommersHash);
          w.writeAddress(coinbase);
          w.writeHash(stateRoot);
          w.writeHash(transactionsRoot);
          w.writeHash(receiptsRoot);
          w.writeBytes(logsBloom.bytes());
          w.writeUInt256(difficulty);
          w.writeUInt64(number);
          w.writeUInt64(gasLimit);
          w.writeUInt64(gasUsed);
          w.writeUInt64(timestamp);
          w.writeBytes(extraData);
          w.writeHash(mixHash);
          w.writeBytes(nonceBytes(nonce));
          baseFeePerGas.ifPresent(w::writeUInt256);
          withdrawalsRoot.ifPresent(w::writeHash);
          blobGasUsed.ifPresent(w::writeUInt64);
          excessBlobGas.ifPresent(w::writeUInt64);
          parentBeaconBlockRoot.ifPresent(w::writeHash);
          requestsHash.ifPresent(w::writeHash);
        });
  }

  /** Decodes one header from its full RLP encoding. */
  public static BlockHeader decode(Bytes rlp) {
    return Rlp.decode(rlp, BlockHeader::readFrom);
  }

  /** Reads one header list item. */
  public static BlockHeader readFrom(RlpReader in) {
    return in.readList(
        r -> {
          Hash parentHash = r.readHash();
          Hash ommersHash = r.readHash();
          Address coinbase = r.readAddress();
          Hash stateRoot = r.readHash();
          Hash transactionsRoot = r.readHash();
          Hash receiptsRoot = r.readHash();
          LogsBloom bloom = LogsBloom.of(r.readFixed(LogsBloom.SIZE, "logs bloom"));
          UInt256 difficulty = r.readUInt256();
          long number = r.readLong();
          long gasLimit = r.readLong();
          long gasUsed = r.readLong();
          long timestamp = r.readUInt64();
          Bytes extraData = r.readBytes();
          Hash mixHash = r.readHash();
          long nonce = r.readFixed(8, "nonce").toLong();
          Optional<UInt256> baseFee =
              r.isComplete() ? Optional.empty() : Optional.of(r.readUInt256());
          Optional<Hash> withdrawalsRoot =
              r.isComplete() ? Optional.empty() : Optional.of(r.readHash());
          Optional<Long> blobGasUsed =
              r.isComplete() ? Optional.empty() : Optional.of(r.readLong());
          Optional<Long> excessBlobGas =
              r.isComplete() ? Optional.empty() : Optional.of(r.readLong());
          Optional<Hash> beaconRoot = r.isComplete() ? Optional.empty() : Optional.of(r.readHash());
          Optional<Hash> requestsHash =
              r.isComplete() ? Optional.empty() : Optional.of(r.readHash());
          if (!r.isComplete()) {
            throw new RlpException("block header has more fields than any known fork defines");
          }
          return new BlockHeader(
              parentHash,
              ommersHash,
              coinbase,
              stateRoot,
              transactionsRoot,
              receiptsRoot,
              bloom,
              difficulty,
              number,
              gasLimit,
              gasUsed,
              timestamp,
              extraData,
              mixHash,
              nonce,
              baseFee,
              withdrawalsRoot,
              blobGasUsed,
              excessBlobGas,
              beaconRoot,
              requestsHash);
        });
  }

  private static Bytes nonceBytes(long nonce) {
    return Bytes.ofUnsignedLong(nonce);
  }
}
