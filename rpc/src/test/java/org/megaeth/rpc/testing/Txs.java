package org.megaeth.rpc.testing;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.config.dev.DevAccount;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.LegacyTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/** Signed transactions from dev accounts. */
public final class Txs {
  public static final Wei MAX_FEE = Wei.fromGwei(10);
  public static final Wei TIP = Wei.fromGwei(1);
  public static final long GAS = 1_000_000;

  private Txs() {}

  public static DynamicFeeTransaction call(
      DevAccount from, long nonce, Optional<Address> to, Wei value, Bytes data, long gas) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(TestChain.CHAIN_ID)),
            nonce,
            TIP,
            MAX_FEE,
            gas,
            to,
            value,
            data,
            List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  public static Transaction transfer(DevAccount from, long nonce, Address to, Wei value) {
    return call(from, nonce, Optional.of(to), value, Bytes.EMPTY, 21_000);
  }

  public static Transaction create(DevAccount from, long nonce, Bytes initCode) {
    return call(from, nonce, Optional.empty(), Wei.ZERO, initCode, GAS);
  }

  public static Transaction invoke(DevAccount from, long nonce, Address to, Bytes data) {
    return call(from, nonce, Optional.of(to), Wei.ZERO, data, GAS);
  }

  /** An EIP-155 legacy transfer. */
  public static Transaction legacyTransfer(DevAccount from, long nonce, Address to, Wei value) {
    return TransactionSigner.sign(
        new LegacyTransaction(
            nonce,
            MAX_FEE,
            21_000,
            Optional.of(to),
            value,
            Bytes.EMPTY,
            Optional.of(UInt256.valueOf(TestChain.CHAIN_ID)),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  /** A legacy transfer signed without a chain id: valid on every chain (pre-EIP-155). */
  public static Transaction unprotectedTransfer(DevAccount from, long nonce, Address to) {
    return TransactionSigner.sign(
        new LegacyTransaction(
            nonce,
            MAX_FEE,
            21_000,
            Optional.of(to),
            Wei.of(1),
            Bytes.EMPTY,
            Optional.empty(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  public static String raw(Transaction tx) {
    return tx.encoded().toHexString();
  }
}
