package org.megaeth.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/** The transactions the chain-level benchmarks build: signed calls and ERC-20 transfer data. */
public final class BenchTransactions {
  private BenchTransactions() {}

  /** The call data of ERC-20 {@code transfer(to, amount)}. */
  public static Bytes erc20Transfer(Address to, UInt256 amount) {
    return Bytes.concatenate(
        Bytes.fromHexString("0xa9059cbb"),
        Bytes.wrap(new byte[12]),
        to.bytes(),
        Bytes.wrap(amount.toBytes32()));
  }

  /**
   * A signed EIP-1559 call carrying no value, tip 1 gwei and cap 2 gwei (the benchmarks' blocks
   * keep the base fee below that); {@code to} null creates a contract.
   */
  public static Transaction signed(
      long chainId, KeyPair from, long nonce, Address to, Bytes data, long gas) {
    return signed(chainId, from, nonce, to, Wei.ZERO, data, gas, Wei.fromGwei(2));
  }

  /** A signed EIP-1559 transaction with tip 1 gwei. */
  public static Transaction signed(
      long chainId,
      KeyPair from,
      long nonce,
      Address to,
      Wei value,
      Bytes data,
      long gas,
      Wei maxFee) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(chainId)),
            nonce,
            Wei.fromGwei(1),
            maxFee,
            gas,
            Optional.ofNullable(to),
            value,
            data,
            List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  /** A text resource next to {@code anchor}'s class (contract bytecode in hex). */
  public static String resource(Class<?> anchor, String name) throws IOException {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
