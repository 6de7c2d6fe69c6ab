package org.megaeth.evm.gas;

/**
 * Gas constants and the small dynamic-gas rules, one static method per rule. Arithmetic saturates
 * at {@link Long#MAX_VALUE} (Besu {@code Words.clampedAdd}), so an absurd size simply runs out of
 * gas instead of wrapping.
 */
public final class Gas {
  private Gas() {}

  /** Yellow paper G_memory: linear part of memory expansion, per word. */
  public static final long MEMORY_WORD = 3;

  /** Yellow paper: divisor of the quadratic part of memory expansion. */
  public static final long MEMORY_QUAD_DIVISOR = 512;

  /** G_copy: per word copied (CALLDATACOPY, CODECOPY, EXTCODECOPY, RETURNDATACOPY, MCOPY). */
  public static final long COPY_WORD = 3;

  /** G_keccak256word. */
  public static final long KECCAK_WORD = 6;

  /** G_log, G_logtopic, G_logdata. */
  public static final long LOG = 375;

  public static final long LOG_TOPIC = 375;
  public static final long LOG_DATA_BYTE = 8;

  /** EIP-160 (Spurious Dragon): G_expbyte. */
  public static final long EXP_BYTE = 50;

  /** EIP-2929 (Berlin). */
  public static final long COLD_ACCOUNT_ACCESS = 2600;

  /** EIP-2929 (Berlin). */
  public static final long COLD_SLOAD = 2100;

  /** EIP-2929 (Berlin): the warm cost every access opcode pays as static gas. */
  public static final long WARM_STORAGE_READ = 100;

  /** G_callvalue: a call that transfers value. */
  public static final long CALL_VALUE = 9000;

  /** G_newaccount: a value-transferring call to an empty account (EIP-161 definition). */
  public static final long NEW_ACCOUNT = 25000;

  /** G_callstipend: given to the callee for free when value is transferred. */
  public static final long CALL_STIPEND = 2300;

  /** EIP-2200: SSTORE fails when no more than this is left (reentrancy sentry). */
  public static final long SSTORE_SENTRY = 2300;

  /** EIP-2200 SSTORE_SET_GAS. */
  public static final long SSTORE_SET = 20000;

  /** EIP-2929: SSTORE_RESET_GAS = 5000 - COLD_SLOAD_COST. */
  public static final long SSTORE_RESET = 5000 - COLD_SLOAD;

  /**
   * EIP-3529 (London): SSTORE_CLEARS_SCHEDULE = SSTORE_RESET_GAS + ACCESS_LIST_STORAGE_KEY_COST.
   */
  public static final long SSTORE_CLEARS_SCHEDULE = 4800;

  /** EIP-3529 (London): the refund is capped at gasUsed / 5. */
  public static final long MAX_REFUND_QUOTIENT = 5;

  /** G_codedeposit: per byte of deployed code. */
  public static final long CODE_DEPOSIT_BYTE = 200;

  /** EIP-3860 (Shanghai): per word of init code in CREATE and CREATE2. */
  public static final long INITCODE_WORD = 2;

  /** EIP-150: a caller keeps 1/64 of its gas. */
  public static final long CALL_GAS_RETAINED_DIVISOR = 64;

  /** SELFDESTRUCT sending a balance to an empty account (EIP-161). */
  public static final long SELFDESTRUCT_NEW_ACCOUNT = 25000;

  /** EIP-1153 (Cancun): TLOAD and TSTORE cost a warm read. */
  public static final long TRANSIENT = 100;

  public static long add(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  public static long mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return (hi != 0 || lo < 0) ? Long.MAX_VALUE : lo;
  }

  /** 32-byte words covering {@code bytes}, saturating. */
  public static long words(long bytes) {
    return bytes > Long.MAX_VALUE - 31 ? (Long.MAX_VALUE >>> 5) + 1 : (bytes + 31) >>> 5;
  }

  /** Total cost of a memory of {@code words} words: {@code 3w + w^2/512}. */
  public static long memoryCost(long words) {
    return add(mul(words, MEMORY_WORD), mul(words, words) / MEMORY_QUAD_DIVISOR);
  }

  /** Copy cost for {@code bytes}: {@code 3 * words}. */
  public static long copyCost(long bytes) {
    return mul(words(bytes), COPY_WORD);
  }

  /** KECCAK256 word cost; also EIP-1014 CREATE2 hashing of the init code. */
  public static long keccakWordCost(long bytes) {
    return mul(words(bytes), KECCAK_WORD);
  }

  /** EIP-3860: {@code 2 * words(initcode)}. */
  public static long initCodeCost(long bytes) {
    return mul(words(bytes), INITCODE_WORD);
  }

  /** LOGn dynamic part: data bytes (topics are static gas). */
  public static long logDataCost(long bytes) {
    return mul(bytes, LOG_DATA_BYTE);
  }

  /** EIP-160: EXP costs 50 per byte of exponent. */
  public static long expCost(int exponentBytes) {
    return EXP_BYTE * exponentBytes;
  }

  /** EIP-2929: what an account access costs beyond the static warm cost. */
  public static long coldAccountSurcharge(boolean cold) {
    return cold ? COLD_ACCOUNT_ACCESS - WARM_STORAGE_READ : 0;
  }

  /**
   * EIP-2929: the whole price of an account access, for accesses that have no static warm part (the
   * EIP-7702 delegate of a CALL*).
   */
  public static long accountAccessCost(boolean cold) {
    return cold ? COLD_ACCOUNT_ACCESS : WARM_STORAGE_READ;
  }

  /** EIP-150: all but one 64th of what is left. */
  public static long allButOne64th(long gas) {
    return gas - gas / CALL_GAS_RETAINED_DIVISOR;
  }

  /** EIP-150: the gas a call forwards given what was asked and what is left after its costs. */
  public static long callGas(long requested, long available) {
    return Math.min(requested, allButOne64th(available));
  }

  /** Code deposit for a contract of {@code size} bytes. */
  public static long codeDepositCost(long size) {
    return mul(size, CODE_DEPOSIT_BYTE);
  }
}
