package org.megaeth.benchmarks;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.megaeth.core.block.Log;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RLP on the sequencer's path, per ERC-20 transfer: encoding the transaction and its receipt (with
 * its Transfer log), decoding the transaction from its raw bytes (what JSON-RPC ingress does), and
 * for comparison in the same run the same encoding and a generic decode through Tuweni's RLP, which
 * the node used before its own writer and reader.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RlpBenchmark {
  private Transaction transfer;
  private Bytes raw;
  private Receipt receipt;

  @Setup
  public void setUp() {
    KeyPair key = KeyPair.of(SecretKey.of(UInt256.valueOf(7).toBytes32()));
    Address token = Address.ofNumber(0x70c3);
    Bytes data =
        Bytes.concatenate(
            Bytes.fromHexString("0xa9059cbb"),
            Bytes.wrap(new byte[12]),
            Address.ofNumber(0xbeef).bytes(),
            Bytes.wrap(UInt256.valueOf(1_000).toBytes32()));
    transfer =
        TransactionSigner.sign(
            new DynamicFeeTransaction(
                Optional.of(UInt256.valueOf(1337)),
                42,
                Wei.fromGwei(1),
                Wei.fromGwei(10),
                60_000,
                Optional.of(token),
                Wei.ZERO,
                data,
                List.of(),
                TransactionSigner.UNSIGNED),
            key.secretKey());
    raw = transfer.encoded();
    Log log =
        new Log(
            token,
            List.of(
                Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"),
                Hash.of(Bytes.concatenate(Bytes.wrap(new byte[12]), key.address().bytes())),
                Hash.of(
                    Bytes.concatenate(Bytes.wrap(new byte[12]), Address.ofNumber(0xbeef).bytes()))),
            Bytes.wrap(UInt256.valueOf(1_000).toBytes32()));
    receipt = Receipt.of(2, true, 34_513, List.of(log));
  }

  @Benchmark
  public Bytes encodeTransaction() {
    return transfer.encoded();
  }

  @Benchmark
  public Bytes encodeReceipt() {
    return receipt.encode();
  }

  @Benchmark
  public Transaction decodeTransaction() {
    return TransactionDecoder.decode(raw);
  }

  /** The transaction's fields through Tuweni's writer, as the node encoded before. */
  @Benchmark
  public Bytes encodeTransactionTuweni() {
    DynamicFeeTransaction tx = (DynamicFeeTransaction) transfer;
    Bytes payload =
        RLP.encodeList(
            w -> {
              w.writeValue(Bytes.wrap(tx.chainId().get().toMinimalBytes()));
              w.writeLong(tx.nonce());
              w.writeValue(Bytes.wrap(tx.maxPriorityFeePerGas().value().toMinimalBytes()));
              w.writeValue(Bytes.wrap(tx.maxFeePerGas().value().toMinimalBytes()));
              w.writeLong(tx.gasLimit());
              w.writeValue(tx.to().get().bytes());
              w.writeValue(Bytes.wrap(tx.value().value().toMinimalBytes()));
              w.writeValue(tx.data());
              w.writeList(l -> {});
              w.writeInt(tx.signature().recId());
              w.writeValue(Bytes.wrap(tx.signature().r().toMinimalBytes()));
              w.writeValue(Bytes.wrap(tx.signature().s().toMinimalBytes()));
            });
    return Bytes.wrap(Bytes.concatenate(Bytes.of(2), payload).toArrayUnsafe());
  }

  /** The transaction's twelve fields read back through Tuweni's strict reader. */
  @Benchmark
  public int decodeTransactionTuweni() {
    return RLP.decode(
        raw.slice(1),
        false,
        r ->
            r.readList(
                l -> {
                  int sum = 0;
                  while (!l.isComplete()) {
                    if (l.nextIsList()) {
                      l.skipNext(false);
                    } else {
                      sum += l.readValue(false).size();
                    }
                  }
                  return sum;
                }));
  }
}
