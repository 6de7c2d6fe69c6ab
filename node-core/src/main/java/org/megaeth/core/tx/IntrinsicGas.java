package org.megaeth.core.tx;

import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.fork.Fork;

/**
 * The gas a transaction costs before its first instruction runs, per fork. Sums saturate at {@link
 * Long#MAX_VALUE} instead of wrapping, so an absurd transaction is simply "intrinsic gas too low".
 */
public final class IntrinsicGas {
  /** Every transaction. */
  public static final long TX_BASE = 21_000;

  /** A contract creation from Homestead on (EIP-2); Frontier charged {@link #TX_BASE}. */
  public static final long TX_CREATE = 53_000;

  public static final long TX_DATA_ZERO = 4;
  public static final long TX_DATA_NON_ZERO_FRONTIER = 68;

  /** EIP-2028 (Istanbul): cheaper non-zero calldata. */
  public static final long TX_DATA_NON_ZERO_EIP2028 = 16;

  /** EIP-2930 (Berlin). */
  public static final long ACCESS_LIST_ADDRESS = 2_400;

  /** EIP-2930 (Berlin). */
  public static final long ACCESS_LIST_STORAGE_KEY = 1_900;

  /** EIP-3860 (Shanghai): per 32-byte word of init code. */
  public static final long INIT_CODE_WORD = 2;

  /** EIP-7702 {@code PER_EMPTY_ACCOUNT_COST} (Prague): per authorization. */
  public static final long PER_EMPTY_ACCOUNT_COST = 25_000;

  /**
   * EIP-7702 {@code PER_AUTH_BASE_COST} (Prague): what an authorization costs when its authority
   * already exists; processing refunds {@code PER_EMPTY_ACCOUNT_COST - PER_AUTH_BASE_COST}.
   */
  public static final long PER_AUTH_BASE_COST = 12_500;

  /** EIP-7623 (Prague): {@code STANDARD_TOKEN_COST}, tokens per non-zero calldata byte. */
  public static final long TOKENS_PER_NON_ZERO_BYTE = 4;

  /** EIP-7623 (Prague): {@code TOTAL_COST_FLOOR_PER_TOKEN}. */
  public static final long FLOOR_COST_PER_TOKEN = 10;

  private IntrinsicGas() {}

  /** The intrinsic gas of {@code tx} under {@code fork}. */
  public static long of(Transaction tx, Fork fork) {
    Bytes data = tx.data();
    long zeros = zeroBytes(data);
    long nonZeros = data.size() - zeros;
    long nonZeroCost =
        fork.isAtLeast(Fork.ISTANBUL) ? TX_DATA_NON_ZERO_EIP2028 : TX_DATA_NON_ZERO_FRONTIER;

    long gas = tx.isContractCreation() && fork.isAtLeast(Fork.HOMESTEAD) ? TX_CREATE : TX_BASE;
    gas = add(gas, mul(zeros, TX_DATA_ZERO));
    gas = add(gas, mul(nonZeros, nonZeroCost));
    if (tx.isContractCreation() && fork.isAtLeast(Fork.SHANGHAI)) {
      gas = add(gas, mul(words(data.size()), INIT_CODE_WORD));
    }
    for (AccessListEntry entry : tx.accessList()) {
      gas = add(gas, ACCESS_LIST_ADDRESS);
      gas = add(gas, mul(entry.storageKeys().size(), ACCESS_LIST_STORAGE_KEY));
    }
    gas = add(gas, mul(tx.authorizationList().size(), PER_EMPTY_ACCOUNT_COST));
    return gas;
  }

  /**
   * EIP-7623 (Prague): the least gas a transaction is charged, {@code 21000 + 10 * tokens} with
   * {@code tokens = zeroBytes + 4 * nonZeroBytes} of its calldata; 0 before Prague. The gas limit
   * must cover both this and {@link #of}.
   */
  public static long floorDataGas(Transaction tx, Fork fork) {
    if (!fork.isAtLeast(Fork.PRAGUE)) {
      return 0;
    }
    Bytes data = tx.data();
    long zeros = zeroBytes(data);
    long tokens = add(zeros, mul(data.size() - zeros, TOKENS_PER_NON_ZERO_BYTE));
    return add(TX_BASE, mul(tokens, FLOOR_COST_PER_TOKEN));
  }

  private static long zeroBytes(Bytes data) {
    byte[] bytes = data.toArrayUnsafe();
    long zeros = 0;
    for (byte b : bytes) {
      if (b == 0) {
        zeros++;
      }
    }
    return zeros;
  }

  private static long words(long bytes) {
    return (bytes + 31) / 32;
  }

  private static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }
}
