package org.megaeth.rpc.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.tx.AccessListEntry;
import org.megaeth.core.tx.Authorization;
import org.megaeth.core.tx.BlobTransaction;
import org.megaeth.core.tx.LegacyTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionType;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonWriter;

/**
 * A transaction object as geth's {@code RPCTransaction} writes it, fields in geth's order. Written
 * straight into the response ({@link JsonWriter}); benchmark before refactoring ({@code
 * ReceiptJsonBenchmark}).
 */
public final class TransactionJson {
  private TransactionJson() {}

  /**
   * Where a transaction is, for the block fields; a pending transaction has none.
   *
   * @param blockHash empty for a preconfirmed transaction, whose block is not sealed yet
   * @param baseFee the block's base fee, which fixes the effective gas price of fee-market types
   */
  public record Inclusion(
      Optional<Hash> blockHash,
      long blockNumber,
      long blockTimestamp,
      int index,
      Optional<Wei> baseFee) {}

  /**
   * Formats {@code tx}.
   *
   * @param hash the transaction's hash (computed once by the caller)
   * @param inclusion empty for a transaction not in a block
   */
  public static JsonNode format(
      Transaction tx, Hash hash, Address sender, Optional<Inclusion> inclusion) {
    return Json.streamed(out -> write(out, tx, hash, sender, inclusion));
  }

  public static void write(
      JsonWriter out, Transaction tx, Hash hash, Address sender, Optional<Inclusion> inclusion)
      throws IOException {
    write(out, tx, hash, sender, inclusion, gasPrice(tx, inclusion));
  }

  /**
   * Writes {@code tx} with {@code gasPrice} as its {@code gasPrice} (a preconfirmed transaction's
   * effective price, which the producer computed).
   */
  static void write(
      JsonWriter out,
      Transaction tx,
      Hash hash,
      Address sender,
      Optional<Inclusion> inclusion,
      Wei gasPrice)
      throws IOException {
    out.startObject();
    if (inclusion.isPresent()) {
      Inclusion in = inclusion.get();
      if (in.blockHash().isPresent()) {
        out.hash("blockHash", in.blockHash().get());
      }
      out.quantity("blockNumber", in.blockNumber());
      out.quantity("blockTimestamp", in.blockTimestamp());
    } else {
      out.nullField("blockHash");
      out.nullField("blockNumber");
    }
    out.address("from", sender);
    out.unsignedQuantity("gas", tx.gasLimit());
    out.quantity("gasPrice", gasPrice);
    TransactionType type = tx.type();
    if (type != TransactionType.LEGACY && type != TransactionType.ACCESS_LIST) {
      out.quantity("maxFeePerGas", tx.maxFeePerGas());
      out.quantity("maxPriorityFeePerGas", tx.maxPriorityFeePerGas());
    }
    if (tx instanceof BlobTransaction blob) {
      out.quantity("maxFeePerBlobGas", blob.maxFeePerBlobGas());
    }
    out.hash("hash", hash);
    out.data("input", tx.data());
    out.unsignedQuantity("nonce", tx.nonce());
    if (tx.to().isPresent()) {
      out.address("to", tx.to().get());
    } else {
      out.nullField("to");
    }
    if (inclusion.isPresent()) {
      out.quantity("transactionIndex", inclusion.get().index());
    } else {
      out.nullField("transactionIndex");
    }
    out.quantity("value", tx.value());
    out.quantity("type", type.number());
    if (type != TransactionType.LEGACY) {
      out.name("accessList");
      writeAccessList(out, tx.accessList());
    }
    if (tx.chainId().isPresent()) {
      out.quantity("chainId", tx.chainId().get());
    }
    if (type == TransactionType.BLOB) {
      out.startArray("blobVersionedHashes");
      for (Hash h : tx.blobVersionedHashes()) {
        out.hash(h);
      }
      out.endArray();
    }
    if (type == TransactionType.SET_CODE) {
      out.startArray("authorizationList");
      for (Authorization auth : tx.authorizationList()) {
        out.startObject();
        out.quantity("chainId", auth.chainId());
        out.address("address", auth.address());
        out.unsignedQuantity("nonce", auth.nonce());
        out.quantity("yParity", auth.yParity());
        out.quantity("r", auth.r());
        out.quantity("s", auth.s());
        out.endObject();
      }
      out.endArray();
    }
    Signature signature = tx.signature();
    if (tx instanceof LegacyTransaction legacy) {
      out.quantity("v", legacy.v());
    } else {
      out.quantity("v", signature.recId());
    }
    out.quantity("r", signature.r());
    out.quantity("s", signature.s());
    if (type != TransactionType.LEGACY) {
      out.quantity("yParity", signature.recId());
    }
    out.endObject();
  }

  /**
   * geth's {@code gasPrice}: for fee-market types in a block, the effective price under its base
   * fee; otherwise the fee cap (legacy and EIP-2930: their gas price).
   */
  private static Wei gasPrice(Transaction tx, Optional<Inclusion> inclusion) {
    if (inclusion.isPresent() && inclusion.get().baseFee().isPresent()) {
      return tx.effectiveGasPrice(inclusion.get().baseFee().get());
    }
    return tx.maxFeePerGas();
  }

  public static JsonNode accessList(List<AccessListEntry> entries) {
    return Json.streamed(out -> writeAccessList(out, entries));
  }

  static void writeAccessList(JsonWriter out, List<AccessListEntry> entries) throws IOException {
    out.startArray();
    for (AccessListEntry entry : entries) {
      out.startObject();
      out.address("address", entry.address());
      out.startArray("storageKeys");
      for (Hash key : entry.storageKeys()) {
        out.hash(key);
      }
      out.endArray();
      out.endObject();
    }
    out.endArray();
  }
}
