package org.megaeth.rpc.format.tree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;

/**
 * Frozen copy of the tree-building formatter main used before responses were streamed (commit
 * b81b8b5): the reference the streamed output must match byte for byte.
 *
 * <p>A transaction object as geth's {@code RPCTransaction} writes it, fields in geth's order.
 */
public final class TreeTransactionJson {
  private TreeTransactionJson() {}

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
  public static ObjectNode format(
      Transaction tx, Hash hash, Address sender, Optional<Inclusion> inclusion) {
    ObjectNode node = Json.object();
    if (inclusion.isPresent()) {
      Inclusion in = inclusion.get();
      in.blockHash().ifPresent(h -> node.put("blockHash", h.toHexString()));
      node.put("blockNumber", Hexes.quantity(in.blockNumber()));
      node.put("blockTimestamp", Hexes.quantity(in.blockTimestamp()));
    } else {
      node.putNull("blockHash");
      node.putNull("blockNumber");
    }
    node.put("from", sender.toHexString());
    node.put("gas", Hexes.unsignedQuantity(tx.gasLimit()));
    node.put("gasPrice", Hexes.quantity(gasPrice(tx, inclusion)));
    TransactionType type = tx.type();
    if (type != TransactionType.LEGACY && type != TransactionType.ACCESS_LIST) {
      node.put("maxFeePerGas", Hexes.quantity(tx.maxFeePerGas()));
      node.put("maxPriorityFeePerGas", Hexes.quantity(tx.maxPriorityFeePerGas()));
    }
    if (tx instanceof BlobTransaction blob) {
      node.put("maxFeePerBlobGas", Hexes.quantity(blob.maxFeePerBlobGas()));
    }
    node.put("hash", hash.toHexString());
    node.put("input", Hexes.data(tx.data()));
    node.put("nonce", Hexes.unsignedQuantity(tx.nonce()));
    if (tx.to().isPresent()) {
      node.put("to", tx.to().get().toHexString());
    } else {
      node.putNull("to");
    }
    if (inclusion.isPresent()) {
      node.put("transactionIndex", Hexes.quantity(inclusion.get().index()));
    } else {
      node.putNull("transactionIndex");
    }
    node.put("value", Hexes.quantity(tx.value()));
    node.put("type", Hexes.quantity(type.number()));
    if (type != TransactionType.LEGACY) {
      node.set("accessList", accessList(tx.accessList()));
    }
    tx.chainId().ifPresent(id -> node.put("chainId", Hexes.quantity(id)));
    if (type == TransactionType.BLOB) {
      ArrayNode hashes = node.putArray("blobVersionedHashes");
      tx.blobVersionedHashes().forEach(h -> hashes.add(h.toHexString()));
    }
    if (type == TransactionType.SET_CODE) {
      ArrayNode auths = node.putArray("authorizationList");
      for (Authorization auth : tx.authorizationList()) {
        ObjectNode a = auths.addObject();
        a.put("chainId", Hexes.quantity(auth.chainId()));
        a.put("address", auth.address().toHexString());
        a.put("nonce", Hexes.unsignedQuantity(auth.nonce()));
        a.put("yParity", Hexes.quantity(auth.yParity()));
        a.put("r", Hexes.quantity(auth.r()));
        a.put("s", Hexes.quantity(auth.s()));
      }
    }
    Signature signature = tx.signature();
    if (tx instanceof LegacyTransaction legacy) {
      node.put("v", Hexes.quantity(legacy.v()));
    } else {
      node.put("v", Hexes.quantity(signature.recId()));
    }
    node.put("r", Hexes.quantity(signature.r()));
    node.put("s", Hexes.quantity(signature.s()));
    if (type != TransactionType.LEGACY) {
      node.put("yParity", Hexes.quantity(signature.recId()));
    }
    return node;
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

  public static ArrayNode accessList(List<AccessListEntry> entries) {
    ArrayNode list = Json.array();
    for (AccessListEntry entry : entries) {
      ObjectNode e = list.addObject();
      e.put("address", entry.address().toHexString());
      ArrayNode keys = e.putArray("storageKeys");
      entry.storageKeys().forEach(k -> keys.add(k.toHexString()));
    }
    return list;
  }
}
