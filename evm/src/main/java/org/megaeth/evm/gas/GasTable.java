package org.megaeth.evm.gas;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.megaeth.core.fork.Fork;

/**
 * Static gas per opcode for a fork, as a {@code long[256]} built by applying each fork's deltas in
 * order (revm {@code gas_table_spec}). {@link #UNDEFINED} marks an opcode that does not exist in
 * the fork, so the interpreter's one table lookup also rejects undefined instructions. Dynamic
 * costs (memory, cold access, SSTORE, calls) are in {@link Gas} and {@link SStoreGas}.
 */
public final class GasTable {
  /** Not an instruction in this fork. */
  public static final long UNDEFINED = -1;

  private static final Map<Fork, long[]> TABLES = build();

  private GasTable() {}

  /** The table for {@code fork}; shared, do not modify. */
  public static long[] of(Fork fork) {
    return TABLES.get(fork);
  }

  private static Map<Fork, long[]> build() {
    Map<Fork, long[]> tables = new EnumMap<>(Fork.class);
    long[] t = new long[256];
    Arrays.fill(t, UNDEFINED);
    for (Fork fork : Fork.values()) {
      apply(fork, t);
      tables.put(fork, t.clone());
    }
    return tables;
  }

  private static void set(long[] t, int opcode, long gas) {
    t[opcode] = gas;
  }

  private static void apply(Fork fork, long[] t) {
    switch (fork) {
      case FRONTIER -> frontier(t);
      case HOMESTEAD -> set(t, 0xf4, 40); // EIP-7: DELEGATECALL
      case TANGERINE_WHISTLE -> {
        // EIP-150: repricing of IO-heavy operations.
        set(t, 0x31, 400); // BALANCE
        set(t, 0x3b, 700); // EXTCODESIZE
        set(t, 0x3c, 700); // EXTCODECOPY
        set(t, 0x54, 200); // SLOAD
        set(t, 0xf1, 700); // CALL
        set(t, 0xf2, 700); // CALLCODE
        set(t, 0xf4, 700); // DELEGATECALL
        set(t, 0xff, 5000); // SELFDESTRUCT
      }
      case SPURIOUS_DRAGON -> {
        // EIP-160 repriced EXP's per-byte cost (dynamic); no static change.
      }
      case BYZANTIUM -> {
        set(t, 0x3d, 2); // EIP-211: RETURNDATASIZE
        set(t, 0x3e, 3); // EIP-211: RETURNDATACOPY
        set(t, 0xfa, 700); // EIP-214: STATICCALL
        set(t, 0xfd, 0); // EIP-140: REVERT
      }
      case CONSTANTINOPLE -> {
        set(t, 0x1b, 3); // EIP-145: SHL
        set(t, 0x1c, 3); // EIP-145: SHR
        set(t, 0x1d, 3); // EIP-145: SAR
        set(t, 0x3f, 400); // EIP-1052: EXTCODEHASH
        set(t, 0xf5, 32000); // EIP-1014: CREATE2
      }
      case PETERSBURG -> {
        // EIP-1283 removed again; SSTORE stays dynamic.
      }
      case ISTANBUL -> {
        set(t, 0x31, 700); // EIP-1884: BALANCE
        set(t, 0x3f, 700); // EIP-1884: EXTCODEHASH
        set(t, 0x54, 800); // EIP-1884: SLOAD
        set(t, 0x46, 2); // EIP-1344: CHAINID
        set(t, 0x47, 5); // EIP-1884: SELFBALANCE
      }
      case BERLIN -> {
        // EIP-2929: account and slot access pay the warm cost statically, cold surcharges are
        // dynamic.
        for (int op : new int[] {0x31, 0x3b, 0x3c, 0x3f, 0x54, 0xf1, 0xf2, 0xf4, 0xfa}) {
          set(t, op, Gas.WARM_STORAGE_READ);
        }
      }
      case LONDON -> set(t, 0x48, 2); // EIP-3198: BASEFEE
      case PARIS -> {
        // EIP-4399: DIFFICULTY becomes PREVRANDAO at the same price.
      }
      case SHANGHAI -> set(t, 0x5f, 2); // EIP-3855: PUSH0
      case CANCUN -> {
        set(t, 0x5c, Gas.TRANSIENT); // EIP-1153: TLOAD
        set(t, 0x5d, Gas.TRANSIENT); // EIP-1153: TSTORE
        set(t, 0x5e, 3); // EIP-5656: MCOPY
        set(t, 0x49, 3); // EIP-4844: BLOBHASH
        set(t, 0x4a, 2); // EIP-7516: BLOBBASEFEE
      }
      case PRAGUE, OSAKA -> {
        // No new instructions (EOF was deferred); EIP-7702 changes call semantics, not prices.
      }
    }
  }

  private static void frontier(long[] t) {
    set(t, 0x00, 0); // STOP
    set(t, 0x01, 3); // ADD
    set(t, 0x02, 5); // MUL
    set(t, 0x03, 3); // SUB
    set(t, 0x04, 5); // DIV
    set(t, 0x05, 5); // SDIV
    set(t, 0x06, 5); // MOD
    set(t, 0x07, 5); // SMOD
    set(t, 0x08, 8); // ADDMOD
    set(t, 0x09, 8); // MULMOD
    set(t, 0x0a, 10); // EXP
    set(t, 0x0b, 5); // SIGNEXTEND
    for (int op = 0x10; op <= 0x1a; op++) {
      set(t, op, 3); // LT .. BYTE
    }
    set(t, 0x20, 30); // KECCAK256
    set(t, 0x30, 2); // ADDRESS
    set(t, 0x31, 20); // BALANCE
    set(t, 0x32, 2); // ORIGIN
    set(t, 0x33, 2); // CALLER
    set(t, 0x34, 2); // CALLVALUE
    set(t, 0x35, 3); // CALLDATALOAD
    set(t, 0x36, 2); // CALLDATASIZE
    set(t, 0x37, 3); // CALLDATACOPY
    set(t, 0x38, 2); // CODESIZE
    set(t, 0x39, 3); // CODECOPY
    set(t, 0x3a, 2); // GASPRICE
    set(t, 0x3b, 20); // EXTCODESIZE
    set(t, 0x3c, 20); // EXTCODECOPY
    set(t, 0x40, 20); // BLOCKHASH
    for (int op = 0x41; op <= 0x45; op++) {
      set(t, op, 2); // COINBASE, TIMESTAMP, NUMBER, DIFFICULTY, GASLIMIT
    }
    set(t, 0x50, 2); // POP
    set(t, 0x51, 3); // MLOAD
    set(t, 0x52, 3); // MSTORE
    set(t, 0x53, 3); // MSTORE8
    set(t, 0x54, 50); // SLOAD
    set(t, 0x55, 0); // SSTORE: dynamic
    set(t, 0x56, 8); // JUMP
    set(t, 0x57, 10); // JUMPI
    set(t, 0x58, 2); // PC
    set(t, 0x59, 2); // MSIZE
    set(t, 0x5a, 2); // GAS
    set(t, 0x5b, 1); // JUMPDEST
    for (int op = 0x60; op <= 0x9f; op++) {
      set(t, op, 3); // PUSH1..32, DUP1..16, SWAP1..16
    }
    for (int n = 0; n <= 4; n++) {
      set(t, 0xa0 + n, Gas.LOG + n * Gas.LOG_TOPIC); // LOG0..4
    }
    set(t, 0xf0, 32000); // CREATE
    set(t, 0xf1, 40); // CALL
    set(t, 0xf2, 40); // CALLCODE
    set(t, 0xf3, 0); // RETURN
    set(t, 0xfe, UNDEFINED); // INVALID: the designated invalid instruction
    set(t, 0xff, 0); // SELFDESTRUCT
  }
}
