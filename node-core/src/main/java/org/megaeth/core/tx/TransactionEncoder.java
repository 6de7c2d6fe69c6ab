package org.megaeth.core.tx;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.types.Address;

/**
 * Writes transactions in their three encodings:
 *
 * <ul>
 *   <li>canonical: the legacy RLP list, or {@code type || rlp(payload)} (EIP-2718); what is hashed
 *       and what the transactions trie and {@code eth_getRawTransaction} hold;
 *   <li>block body: an item of the body's transaction list, where a typed transaction is the RLP
 *       string of its canonical bytes and a legacy one the list itself;
 *   <li>network: the canonical form, except that a blob transaction is wrapped with its sidecar
 *       (EIP-4844, EIP-7594).
 * </ul>
 *
 * The field order of every type lives here and in {@link TransactionDecoder}, nowhere else.
 */
public final class TransactionEncoder {
  private TransactionEncoder() {}

  /** The canonical encoding. */
  public static Bytes encode(Transaction tx) {
    return Rlp.encodeTypedList(
        typeByte(tx),
        w -> {
          writeUnsignedFields(w, tx);
          writeSignature(w, tx);
        });
  }

  /** What the sender signs, before hashing (EIP-155 for protected legacy transactions). */
  public static Bytes encodeForSigning(Transaction tx) {
    return Rlp.encodeTypedList(
        typeByte(tx),
        w -> {
          writeUnsignedFields(w, tx);
          if (tx instanceof LegacyTransaction legacy && legacy.chainId().isPresent()) {
            // EIP-155: [..., chainId, 0, 0].
            w.writeUInt256(legacy.chainId().get());
            w.writeUInt64(0);
            w.writeUInt64(0);
          }
        });
  }

  /** Writes one item of a block body's transaction list. */
  public static void writeBlockBodyItem(RlpWriter w, Transaction tx) {
    Bytes canonical = encode(tx);
    if (tx instanceof LegacyTransaction) {
      w.writeRaw(canonical);
    } else {
      w.writeBytes(canonical);
    }
  }

  /** A block body's transaction list: {@code rlp([item, ...])}. */
  public static Bytes encodeBlockBody(List<? extends Transaction> txs) {
    return Rlp.encodeList(
        w -> {
          for (Transaction tx : txs) {
            writeBlockBodyItem(w, tx);
          }
        });
  }

  /** The network form. */
  public static Bytes encodePooled(PooledTransaction pooled) {
    if (pooled.sidecar().isEmpty()) {
      return encode(pooled.transaction());
    }
    BlobSidecar sidecar = pooled.sidecar().get();
    Bytes canonical = encode(pooled.transaction());
    Bytes body = canonical.slice(1);
    Bytes wrapper =
        Rlp.encodeList(
            w -> {
              w.writeRaw(body);
              if (sidecar.version() != BlobSidecar.VERSION_EIP4844) {
                w.writeUInt64(sidecar.version());
              }
              w.writeList(sidecar.blobs(), RlpWriter::writeBytes);
              w.writeList(sidecar.commitments(), RlpWriter::writeBytes);
              w.writeList(sidecar.proofs(), RlpWriter::writeBytes);
            });
    return Bytes.concatenate(Bytes.of((byte) TransactionType.BLOB.number()), wrapper);
  }

  /** The EIP-2718 type byte, or 0 for a legacy transaction, which has none. */
  private static int typeByte(Transaction tx) {
    return tx instanceof LegacyTransaction ? 0 : tx.type().number();
  }

  private static void writeUnsignedFields(RlpWriter w, Transaction tx) {
    switch (tx) {
      case LegacyTransaction t -> {
        w.writeUInt64(t.nonce());
        w.writeUInt256(t.gasPrice().value());
        w.writeUInt64(t.gasLimit());
        writeTo(w, t.to());
        w.writeUInt256(t.value().value());
        w.writeBytes(t.data());
      }
      case AccessListTransaction t -> {
        w.writeUInt256(t.chainId().orElseThrow());
        w.writeUInt64(t.nonce());
        w.writeUInt256(t.gasPrice().value());
        w.writeUInt64(t.gasLimit());
        writeTo(w, t.to());
        w.writeUInt256(t.value().value());
        w.writeBytes(t.data());
        writeAccessList(w, t.accessList());
      }
      case DynamicFeeTransaction t -> {
        writeFeeMarketFields(w, t);
        writeAccessList(w, t.accessList());
      }
      case BlobTransaction t -> {
        writeFeeMarketFields(w, t);
        writeAccessList(w, t.accessList());
        w.writeUInt256(t.maxFeePerBlobGas().value());
        w.writeList(t.blobVersionedHashes(), RlpWriter::writeHash);
      }
      case SetCodeTransaction t -> {
        writeFeeMarketFields(w, t);
        writeAccessList(w, t.accessList());
        w.writeList(t.authorizationList(), TransactionEncoder::writeAuthorization);
      }
    }
  }

  /** chainId, nonce, tip, fee cap, gas, to, value, data: the shared head of types 2, 3 and 4. */
  private static void writeFeeMarketFields(RlpWriter w, Transaction t) {
    w.writeUInt256(t.chainId().orElseThrow());
    w.writeUInt64(t.nonce());
    w.writeUInt256(t.maxPriorityFeePerGas().value());
    w.writeUInt256(t.maxFeePerGas().value());
    w.writeUInt64(t.gasLimit());
    writeTo(w, t.to());
    w.writeUInt256(t.value().value());
    w.writeBytes(t.data());
  }

  private static void writeSignature(RlpWriter w, Transaction tx) {
    Signature signature = tx.signature();
    if (tx instanceof LegacyTransaction legacy) {
      w.writeUInt256(legacy.v());
    } else {
      w.writeUInt64(signature.recId());
    }
    w.writeUInt256(signature.r());
    w.writeUInt256(signature.s());
  }

  private static void writeTo(RlpWriter w, Optional<Address> to) {
    if (to.isPresent()) {
      w.writeAddress(to.get());
    } else {
      w.writeEmpty();
    }
  }

  private static void writeAccessList(RlpWriter w, List<AccessListEntry> accessList) {
    w.writeList(
        accessList,
        (entryWriter, entry) ->
            entryWriter.writeList(
                e -> {
                  e.writeAddress(entry.address());
                  e.writeList(entry.storageKeys(), RlpWriter::writeHash);
                }));
  }

  private static void writeAuthorization(RlpWriter w, Authorization auth) {
    w.writeList(
        a -> {
          a.writeUInt256(auth.chainId());
          a.writeAddress(auth.address());
          a.writeUInt64(auth.nonce());
          a.writeUInt64(auth.yParity());
          a.writeUInt256(auth.r());
          a.writeUInt256(auth.s());
        });
  }
}
