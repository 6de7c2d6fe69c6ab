package org.megaeth.rpc.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonWriter;

/**
 * Block and header objects as geth writes them: every header field (the fork-optional ones only
 * when the header has them), {@code size}, {@code uncles}, the transactions as hashes or objects,
 * and {@code withdrawals} from Shanghai on. geth no longer writes {@code totalDifficulty} after the
 * merge; neither do we. Written straight into the response ({@link JsonWriter}).
 */
public final class BlockJson {
  private BlockJson() {}

  /** The header's fields; {@code hash} is passed in because computing it costs a keccak. */
  public static JsonNode header(BlockHeader header, Hash hash) {
    return Json.streamed(
        out -> {
          out.startObject();
          writeHeaderFields(out, header, hash);
          out.endObject();
        });
  }

  private static void writeHeaderFields(JsonWriter out, BlockHeader header, Hash hash)
      throws IOException {
    out.quantity("number", header.number());
    out.hash("hash", hash);
    out.hash("parentHash", header.parentHash());
    out.data("nonce", nonce(header.nonce()));
    out.hash("mixHash", header.mixHash());
    out.hash("sha3Uncles", header.ommersHash());
    out.data("logsBloom", header.logsBloom().bytes());
    out.hash("stateRoot", header.stateRoot());
    out.address("miner", header.coinbase());
    out.quantity("difficulty", header.difficulty());
    out.data("extraData", header.extraData());
    out.unsignedQuantity("gasLimit", header.gasLimit());
    out.unsignedQuantity("gasUsed", header.gasUsed());
    out.unsignedQuantity("timestamp", header.timestamp());
    out.hash("transactionsRoot", header.transactionsRoot());
    out.hash("receiptsRoot", header.receiptsRoot());
    if (header.baseFeePerGas().isPresent()) {
      out.quantity("baseFeePerGas", header.baseFeePerGas().get());
    }
    if (header.withdrawalsRoot().isPresent()) {
      out.hash("withdrawalsRoot", header.withdrawalsRoot().get());
    }
    if (header.blobGasUsed().isPresent()) {
      out.unsignedQuantity("blobGasUsed", header.blobGasUsed().get());
    }
    if (header.excessBlobGas().isPresent()) {
      out.unsignedQuantity("excessBlobGas", header.excessBlobGas().get());
    }
    if (header.parentBeaconBlockRoot().isPresent()) {
      out.hash("parentBeaconBlockRoot", header.parentBeaconBlockRoot().get());
    }
    if (header.requestsHash().isPresent()) {
      out.hash("requestsHash", header.requestsHash().get());
    }
  }

  /**
   * The block object.
   *
   * @param facts the block's size and transaction hashes ({@link BlockFacts})
   * @param senders the sender of transaction {@code i}; called only when {@code fullTransactions}
   */
  public static JsonNode block(
      Block block,
      Hash hash,
      BlockFacts.Facts facts,
      boolean fullTransactions,
      IntFunction<Address> senders) {
    // Senders are resolved now, not while writing: resolving may fail (a JSON-RPC error), and
    // the response must not be half written when it does.
    List<Transaction> transactions = block.body().transactions();
    Address[] from = new Address[fullTransactions ? transactions.size() : 0];
    for (int i = 0; i < from.length; i++) {
      from[i] = senders.apply(i);
    }
    return Json.streamed(out -> writeBlock(out, block, hash, facts, fullTransactions, from));
  }

  private static void writeBlock(
      JsonWriter out,
      Block block,
      Hash hash,
      BlockFacts.Facts facts,
      boolean fullTransactions,
      Address[] senders)
      throws IOException {
    BlockHeader header = block.header();
    out.startObject();
    writeHeaderFields(out, header, hash);
    out.quantity("size", facts.size());
    out.startArray("uncles");
    for (BlockHeader ommer : block.body().ommers()) {
      out.hash(ommer.hash());
    }
    out.endArray();
    out.startArray("transactions");
    List<Transaction> transactions = block.body().transactions();
    Optional<Wei> baseFee = header.baseFeePerGas().map(Wei::of);
    for (int i = 0; i < transactions.size(); i++) {
      Hash txHash = facts.transactionHashes().get(i);
      if (fullTransactions) {
        TransactionJson.Inclusion inclusion =
            new TransactionJson.Inclusion(
                Optional.of(hash), header.number(), header.timestamp(), i, baseFee);
        TransactionJson.write(out, transactions.get(i), txHash, senders[i], Optional.of(inclusion));
      } else {
        out.hash(txHash);
      }
    }
    out.endArray();
    if (block.body().withdrawals().isPresent()) {
      out.startArray("withdrawals");
      for (Withdrawal w : block.body().withdrawals().get()) {
        out.startObject();
        out.unsignedQuantity("index", w.index());
        out.unsignedQuantity("validatorIndex", w.validatorIndex());
        out.address("address", w.address());
        out.unsignedQuantity("amount", w.amountGwei());
        out.endObject();
      }
      out.endArray();
    }
    out.endObject();
  }

  /** The header nonce: always 8 bytes of data, not a quantity. */
  private static byte[] nonce(long nonce) {
    byte[] bytes = new byte[8];
    for (int i = 7; i >= 0; i--) {
      bytes[i] = (byte) nonce;
      nonce >>>= 8;
    }
    return bytes;
  }
}
