package org.megaeth.rpc.format.tree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Withdrawal;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.format.BlockFacts;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;

/**
 * Frozen copy of the tree-building formatter main used before responses were streamed (commit
 * b81b8b5): the reference the streamed output must match byte for byte.
 *
 * <p>Block and header objects as geth writes them: every header field (the fork-optional ones only
 * when the header has them), {@code size}, {@code uncles}, the transactions as hashes or objects,
 * and {@code withdrawals} from Shanghai on. geth no longer writes {@code totalDifficulty} after the
 * merge; neither do we.
 */
public final class TreeBlockJson {
  private TreeBlockJson() {}

  /** The header's fields; {@code hash} is passed in because computing it costs a keccak. */
  public static ObjectNode header(BlockHeader header, Hash hash) {
    ObjectNode node = Json.object();
    node.put("number", Hexes.quantity(header.number()));
    node.put("hash", hash.toHexString());
    node.put("parentHash", header.parentHash().toHexString());
    node.put("nonce", nonce(header.nonce()));
    node.put("mixHash", header.mixHash().toHexString());
    node.put("sha3Uncles", header.ommersHash().toHexString());
    node.put("logsBloom", Hexes.data(header.logsBloom().bytes()));
    node.put("stateRoot", header.stateRoot().toHexString());
    node.put("miner", header.coinbase().toHexString());
    node.put("difficulty", Hexes.quantity(header.difficulty()));
    node.put("extraData", Hexes.data(header.extraData()));
    node.put("gasLimit", Hexes.unsignedQuantity(header.gasLimit()));
    node.put("gasUsed", Hexes.unsignedQuantity(header.gasUsed()));
    node.put("timestamp", Hexes.unsignedQuantity(header.timestamp()));
    node.put("transactionsRoot", header.transactionsRoot().toHexString());
    node.put("receiptsRoot", header.receiptsRoot().toHexString());
    header.baseFeePerGas().ifPresent(fee -> node.put("baseFeePerGas", Hexes.quantity(fee)));
    header.withdrawalsRoot().ifPresent(root -> node.put("withdrawalsRoot", root.toHexString()));
    header.blobGasUsed().ifPresent(gas -> node.put("blobGasUsed", Hexes.unsignedQuantity(gas)));
    header.excessBlobGas().ifPresent(gas -> node.put("excessBlobGas", Hexes.unsignedQuantity(gas)));
    header
        .parentBeaconBlockRoot()
        .ifPresent(root -> node.put("parentBeaconBlockRoot", root.toHexString()));
    header.requestsHash().ifPresent(h -> node.put("requestsHash", h.toHexString()));
    return node;
  }

  /**
   * The block object.
   *
   * @param facts the block's size and transaction hashes ({@link BlockFacts})
   * @param senders the sender of transaction {@code i}; called only when {@code fullTransactions}
   */
  public static ObjectNode block(
      Block block,
      Hash hash,
      BlockFacts.Facts facts,
      boolean fullTransactions,
      IntFunction<Address> senders) {
    BlockHeader header = block.header();
    ObjectNode node = header(header, hash);
    node.put("size", Hexes.quantity(facts.size()));
    ArrayNode uncles = node.putArray("uncles");
    for (BlockHeader ommer : block.body().ommers()) {
      uncles.add(ommer.hash().toHexString());
    }
    ArrayNode txs = node.putArray("transactions");
    List<Transaction> transactions = block.body().transactions();
    Optional<Wei> baseFee = header.baseFeePerGas().map(Wei::of);
    for (int i = 0; i < transactions.size(); i++) {
      Transaction tx = transactions.get(i);
      Hash txHash = facts.transactionHashes().get(i);
      if (fullTransactions) {
        TreeTransactionJson.Inclusion inclusion =
            new TreeTransactionJson.Inclusion(
                Optional.of(hash), header.number(), header.timestamp(), i, baseFee);
        txs.add(TreeTransactionJson.format(tx, txHash, senders.apply(i), Optional.of(inclusion)));
      } else {
        txs.add(txHash.toHexString());
      }
    }
    block.body().withdrawals().ifPresent(ws -> node.set("withdrawals", withdrawals(ws)));
    return node;
  }

  private static ArrayNode withdrawals(List<Withdrawal> withdrawals) {
    ArrayNode array = Json.array();
    for (Withdrawal w : withdrawals) {
      ObjectNode node = array.addObject();
      node.put("index", Hexes.unsignedQuantity(w.index()));
      node.put("validatorIndex", Hexes.unsignedQuantity(w.validatorIndex()));
      node.put("address", w.address().toHexString());
      node.put("amount", Hexes.unsignedQuantity(w.amountGwei()));
    }
    return array;
  }

  /** The header nonce: always 8 bytes of data, not a quantity. */
  private static String nonce(long nonce) {
    return "0x" + String.format("%016x", nonce);
  }
}
