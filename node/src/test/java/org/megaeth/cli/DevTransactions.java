package org.megaeth.cli;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.config.ConfigException;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.dev.DevAccount;
import org.megaeth.config.dev.DevPreset;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * Transactions from the {@code --dev} accounts, signed as a wallet signs them (EIP-1559, chain
 * 1337), for tests that drive a node process over JSON-RPC.
 */
final class DevTransactions {
  /** The {@code --dev} preset with default options: the accounts the node funds at genesis. */
  static final DevPreset DEV = devPreset();

  static final long CHAIN_ID = DEV.chainId();

  /**
   * Above the dev chain's base fee (1 gwei at genesis, and it only falls while blocks are light).
   */
  static final Wei MAX_FEE = Wei.fromGwei(10);

  static final Wei TIP = Wei.fromGwei(1);

  static final long TRANSFER_GAS = 21_000;

  /**
   * A contract whose every call adds one to storage slot 0, so its slot counts the successful calls
   * that reached it. Runtime {@code PUSH0 SLOAD PUSH1 1 ADD PUSH0 SSTORE STOP}; the init code
   * copies the 8 runtime bytes (at offset 10) to memory and returns them.
   */
  static final Bytes COUNTER_INIT_CODE =
      Bytes.fromHexString(
          "0x"
              + "6008"
              + "600a"
              + "5f"
              + "39"
              + "6008"
              + "5f"
              + "f3"
              + "5f54600101"
              + "5f55"
              + "00");

  /** Enough for the first call's cold 0-to-1 SSTORE (22,100) on top of 21,000. */
  static final long COUNTER_CALL_GAS = 100_000;

  static final long COUNTER_DEPLOY_GAS = 200_000;

  private DevTransactions() {}

  /** Dev account {@code index}'s key. */
  static KeyPair account(int index) {
    return DEV.accounts().get(index).keyPair();
  }

  static List<DevAccount> accounts() {
    return DEV.accounts();
  }

  static Transaction transfer(KeyPair from, long nonce, Address to, Wei value) {
    return sign(CHAIN_ID, from, nonce, Optional.of(to), value, Bytes.EMPTY, TRANSFER_GAS);
  }

  /** A call of the counter contract at {@code counter}: no value, no data. */
  static Transaction counterCall(KeyPair from, long nonce, Address counter) {
    return sign(
        CHAIN_ID, from, nonce, Optional.of(counter), Wei.ZERO, Bytes.EMPTY, COUNTER_CALL_GAS);
  }

  static Transaction deployCounter(KeyPair from, long nonce) {
    return sign(
        CHAIN_ID, from, nonce, Optional.empty(), Wei.ZERO, COUNTER_INIT_CODE, COUNTER_DEPLOY_GAS);
  }

  /** Any EIP-1559 transaction, with the default fees. */
  static Transaction sign(
      long chainId,
      KeyPair from,
      long nonce,
      Optional<Address> to,
      Wei value,
      Bytes data,
      long gas) {
    return sign(chainId, from, nonce, to, value, data, gas, TIP, MAX_FEE);
  }

  static Transaction sign(
      long chainId,
      KeyPair from,
      long nonce,
      Optional<Address> to,
      Wei value,
      Bytes data,
      long gas,
      Wei tip,
      Wei maxFee) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(chainId)),
            nonce,
            tip,
            maxFee,
            gas,
            to,
            value,
            data,
            List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  /** The {@code eth_sendRawTransaction} argument: the canonical encoding in hex. */
  static String raw(Transaction tx) {
    return tx.encoded().toHexString();
  }

  static String hash(Transaction tx) {
    return tx.hash().toHexString();
  }

  private static DevPreset devPreset() {
    try {
      return DevPreset.of(NodeOptions.builder().build());
    } catch (ConfigException e) {
      throw new IllegalStateException("the default --dev preset is invalid", e);
    }
  }
}
