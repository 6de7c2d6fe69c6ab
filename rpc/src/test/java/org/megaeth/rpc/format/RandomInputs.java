package org.megaeth.rpc.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Log;
import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.block.Withdrawal;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.tx.AccessListEntry;
import org.megaeth.core.tx.AccessListTransaction;
import org.megaeth.core.tx.Authorization;
import org.megaeth.core.tx.BlobTransaction;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.LegacyTransaction;
import org.megaeth.core.tx.SetCodeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/** Random inputs of every shape the formatters distinguish. */
final class RandomInputs {
  final Random random;

  RandomInputs(int seed) {
    random = new Random(seed);
  }

  Hash hash() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Hash.wrap(b);
  }

  Address address() {
    byte[] b = new byte[20];
    random.nextBytes(b);
    return Address.wrap(b);
  }

  Bytes bytes(int max) {
    byte[] b = new byte[random.nextInt(max + 1)];
    random.nextBytes(b);
    return Bytes.wrap(b);
  }

  /** Data of every size class, including empty and longer than the writer's scratch limit. */
  Bytes data() {
    return switch (random.nextInt(5)) {
      case 0 -> Bytes.EMPTY;
      case 1 -> bytes(8);
      case 2 -> bytes(300);
      case 3 -> bytes(5000);
      default -> Bytes.wrap(bytes(200), bytes(200)); // not a whole backing array
    };
  }

  /** Non-negative longs of every magnitude. */
  long quantity() {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(256);
      case 2 -> (random.nextLong() >>> 1) >>> random.nextInt(63);
      default -> Long.MAX_VALUE;
    };
  }

  /** Unsigned 64-bit values, including ones with the top bit set. */
  long unsigned() {
    return random.nextBoolean() ? quantity() : random.nextLong() | Long.MIN_VALUE;
  }

  UInt256 u256() {
    return switch (random.nextInt(5)) {
      case 0 -> UInt256.ZERO;
      case 1 -> UInt256.valueOf(quantity());
      case 2 -> new UInt256(0, 0, random.nextLong(), random.nextLong());
      case 3 -> new UInt256(0, random.nextLong() >>> 7, random.nextLong(), random.nextLong());
      default ->
          new UInt256(
              random.nextLong() >>> random.nextInt(64),
              random.nextLong(),
              random.nextLong(),
              random.nextLong());
    };
  }

  Wei wei() {
    return Wei.of(u256());
  }

  Optional<Wei> fee() {
    return random.nextBoolean() ? Optional.of(wei()) : Optional.empty();
  }

  Optional<Address> to() {
    return random.nextInt(4) == 0 ? Optional.empty() : Optional.of(address());
  }

  Signature signature() {
    return new Signature(u256(), u256(), random.nextInt(2));
  }

  List<AccessListEntry> accessList() {
    List<AccessListEntry> list = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      List<Hash> keys = new ArrayList<>();
      for (int k = random.nextInt(3); k > 0; k--) {
        keys.add(hash());
      }
      list.add(new AccessListEntry(address(), keys));
    }
    return list;
  }

  Optional<UInt256> chainId() {
    return Optional.of(UInt256.valueOf(1 + random.nextInt(100_000)));
  }

  Transaction transaction() {
    return transaction(random.nextInt(5));
  }

  /** Type 0 (legacy, with and without EIP-155), 1, 2, 3 (blob) or 4 (EIP-7702). */
  Transaction transaction(int type) {
    return switch (type) {
      case 0 ->
          new LegacyTransaction(
              unsigned(),
              wei(),
              unsigned(),
              to(),
              wei(),
              data(),
              random.nextBoolean() ? chainId() : Optional.empty(),
              signature());
      case 1 ->
          new AccessListTransaction(
              chainId(),
              unsigned(),
              wei(),
              unsigned(),
              to(),
              wei(),
              data(),
              accessList(),
              signature());
      case 2 ->
          new DynamicFeeTransaction(
              chainId(),
              unsigned(),
              wei(),
              wei(),
              unsigned(),
              to(),
              wei(),
              data(),
              accessList(),
              signature());
      case 3 ->
          new BlobTransaction(
              chainId(),
              unsigned(),
              wei(),
              wei(),
              unsigned(),
              Optional.of(address()),
              wei(),
              data(),
              accessList(),
              wei(),
              List.of(hash(), hash()),
              signature());
      default -> {
        List<Authorization> auths = new ArrayList<>();
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
          auths.add(
              new Authorization(u256(), address(), unsigned(), random.nextInt(2), u256(), u256()));
        }
        yield new SetCodeTransaction(
            chainId(),
            unsigned(),
            wei(),
            wei(),
            unsigned(),
            Optional.of(address()),
            wei(),
            data(),
            accessList(),
            auths,
            signature());
      }
    };
  }

  List<Log> logs(int count) {
    List<Log> logs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Hash> topics = new ArrayList<>();
      for (int t = random.nextInt(5); t > 0; t--) {
        topics.add(hash());
      }
      logs.add(new Log(address(), topics, random.nextBoolean() ? bytes(64) : Bytes.EMPTY));
    }
    return logs;
  }

  TransactionResult result() {
    Transaction tx = transaction();
    return result(
        tx,
        random.nextBoolean() ? Optional.of(hash()) : Optional.empty(),
        random.nextInt(5) > 0,
        random.nextInt(4) == 0 ? random.nextInt(40) : random.nextInt(3),
        tx.to().isEmpty() ? Optional.of(address()) : Optional.empty(),
        random.nextInt(10) == 0);
  }

  TransactionResult result(
      Transaction tx,
      Optional<Hash> blockHash,
      boolean success,
      int logCount,
      Optional<Address> contract,
      boolean preByzantium) {
    List<Log> logs = logs(logCount);
    Receipt receipt =
        new Receipt(
            tx.type().number(),
            preByzantium ? Optional.of(hash()) : Optional.empty(),
            success,
            random.nextLong() >>> 20,
            LogsBloom.of(logs),
            logs);
    return new TransactionResult(
        tx,
        hash(),
        address(),
        receipt,
        random.nextLong() >>> 20,
        wei(),
        contract,
        quantity(),
        quantity(),
        random.nextInt(100_000),
        random.nextInt(1_000_000),
        random.nextBoolean() ? OptionalInt.of(random.nextInt(100)) : OptionalInt.empty(),
        random.nextLong() >>> 30,
        random.nextBoolean() ? Optional.of(wei()) : Optional.empty(),
        blockHash);
  }

  /** A header with the first {@code forkFields} of the six fork-optional fields. */
  BlockHeader header(int forkFields) {
    return new BlockHeader(
        hash(),
        hash(),
        address(),
        hash(),
        hash(),
        hash(),
        LogsBloom.of(logs(3)),
        u256(),
        quantity(),
        unsigned(),
        unsigned(),
        quantity(), // a timestamp: the transaction objects write it as a quantity
        bytes(32),
        hash(),
        random.nextLong(),
        forkFields > 0 ? Optional.of(u256()) : Optional.empty(),
        forkFields > 1 ? Optional.of(hash()) : Optional.empty(),
        forkFields > 2 ? Optional.of(unsigned()) : Optional.empty(),
        forkFields > 3 ? Optional.of(unsigned()) : Optional.empty(),
        forkFields > 4 ? Optional.of(hash()) : Optional.empty(),
        forkFields > 5 ? Optional.of(hash()) : Optional.empty());
  }

  Block block(int forkFields) {
    List<Transaction> txs = new ArrayList<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      txs.add(transaction());
    }
    List<BlockHeader> ommers = new ArrayList<>();
    for (int i = random.nextInt(3) == 0 ? 1 : 0; i > 0; i--) {
      ommers.add(header(0));
    }
    Optional<List<Withdrawal>> withdrawals = Optional.empty();
    if (forkFields > 1) {
      List<Withdrawal> ws = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        ws.add(new Withdrawal(unsigned(), unsigned(), address(), unsigned()));
      }
      withdrawals = Optional.of(ws);
    }
    return new Block(header(forkFields), new BlockBody(txs, ommers, withdrawals));
  }
}
