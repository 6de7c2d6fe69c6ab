package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;

/**
 * Per-opcode metadata as flat tables, from the constants each operation class declares: mnemonic,
 * stack items consumed and produced, and the stack bounds the interpreter checks before running an
 * instruction. Which opcodes exist in a fork is the fork's {@link org.megaeth.evm.gas.GasTable}.
 */
public final class Opcodes {
  private static final String[] MNEMONICS = new String[256];
  private static final int[] STACK_IN = new int[256];
  private static final int[] STACK_OUT = new int[256];

  /** Fewest stack items the instruction needs. */
  static final int[] MIN_STACK = new int[256];

  /** Most stack items there may be before the instruction without overflowing. */
  static final int[] MAX_STACK = new int[256];

  static {
    for (int op = 0; op < 256; op++) {
      MNEMONICS[op] = "0x%02x".formatted(op);
      MAX_STACK[op] = Stack.MAX_SIZE;
    }
    define(
        StopOperation.OPCODE,
        StopOperation.MNEMONIC,
        StopOperation.STACK_IN,
        StopOperation.STACK_OUT);
    define(
        AddOperation.OPCODE, AddOperation.MNEMONIC, AddOperation.STACK_IN, AddOperation.STACK_OUT);
    define(
        MulOperation.OPCODE, MulOperation.MNEMONIC, MulOperation.STACK_IN, MulOperation.STACK_OUT);
    define(
        SubOperation.OPCODE, SubOperation.MNEMONIC, SubOperation.STACK_IN, SubOperation.STACK_OUT);
    define(
        DivOperation.OPCODE, DivOperation.MNEMONIC, DivOperation.STACK_IN, DivOperation.STACK_OUT);
    define(
        SDivOperation.OPCODE,
        SDivOperation.MNEMONIC,
        SDivOperation.STACK_IN,
        SDivOperation.STACK_OUT);
    define(
        ModOperation.OPCODE, ModOperation.MNEMONIC, ModOperation.STACK_IN, ModOperation.STACK_OUT);
    define(
        SModOperation.OPCODE,
        SModOperation.MNEMONIC,
        SModOperation.STACK_IN,
        SModOperation.STACK_OUT);
    define(
        AddModOperation.OPCODE,
        AddModOperation.MNEMONIC,
        AddModOperation.STACK_IN,
        AddModOperation.STACK_OUT);
    define(
        MulModOperation.OPCODE,
        MulModOperation.MNEMONIC,
        MulModOperation.STACK_IN,
        MulModOperation.STACK_OUT);
    define(
        ExpOperation.OPCODE, ExpOperation.MNEMONIC, ExpOperation.STACK_IN, ExpOperation.STACK_OUT);
    define(
        SignExtendOperation.OPCODE,
        SignExtendOperation.MNEMONIC,
        SignExtendOperation.STACK_IN,
        SignExtendOperation.STACK_OUT);
    define(LtOperation.OPCODE, LtOperation.MNEMONIC, LtOperation.STACK_IN, LtOperation.STACK_OUT);
    define(GtOperation.OPCODE, GtOperation.MNEMONIC, GtOperation.STACK_IN, GtOperation.STACK_OUT);
    define(
        SLtOperation.OPCODE, SLtOperation.MNEMONIC, SLtOperation.STACK_IN, SLtOperation.STACK_OUT);
    define(
        SGtOperation.OPCODE, SGtOperation.MNEMONIC, SGtOperation.STACK_IN, SGtOperation.STACK_OUT);
    define(EqOperation.OPCODE, EqOperation.MNEMONIC, EqOperation.STACK_IN, EqOperation.STACK_OUT);
    define(
        IsZeroOperation.OPCODE,
        IsZeroOperation.MNEMONIC,
        IsZeroOperation.STACK_IN,
        IsZeroOperation.STACK_OUT);
    define(
        AndOperation.OPCODE, AndOperation.MNEMONIC, AndOperation.STACK_IN, AndOperation.STACK_OUT);
    define(OrOperation.OPCODE, OrOperation.MNEMONIC, OrOperation.STACK_IN, OrOperation.STACK_OUT);
    define(
        XorOperation.OPCODE, XorOperation.MNEMONIC, XorOperation.STACK_IN, XorOperation.STACK_OUT);
    define(
        NotOperation.OPCODE, NotOperation.MNEMONIC, NotOperation.STACK_IN, NotOperation.STACK_OUT);
    define(
        ByteOperation.OPCODE,
        ByteOperation.MNEMONIC,
        ByteOperation.STACK_IN,
        ByteOperation.STACK_OUT);
    define(
        ShlOperation.OPCODE, ShlOperation.MNEMONIC, ShlOperation.STACK_IN, ShlOperation.STACK_OUT);
    define(
        ShrOperation.OPCODE, ShrOperation.MNEMONIC, ShrOperation.STACK_IN, ShrOperation.STACK_OUT);
    define(
        SarOperation.OPCODE, SarOperation.MNEMONIC, SarOperation.STACK_IN, SarOperation.STACK_OUT);
    define(
        Keccak256Operation.OPCODE,
        Keccak256Operation.MNEMONIC,
        Keccak256Operation.STACK_IN,
        Keccak256Operation.STACK_OUT);
    define(
        AddressOperation.OPCODE,
        AddressOperation.MNEMONIC,
        AddressOperation.STACK_IN,
        AddressOperation.STACK_OUT);
    define(
        BalanceOperation.OPCODE,
        BalanceOperation.MNEMONIC,
        BalanceOperation.STACK_IN,
        BalanceOperation.STACK_OUT);
    define(
        OriginOperation.OPCODE,
        OriginOperation.MNEMONIC,
        OriginOperation.STACK_IN,
        OriginOperation.STACK_OUT);
    define(
        CallerOperation.OPCODE,
        CallerOperation.MNEMONIC,
        CallerOperation.STACK_IN,
        CallerOperation.STACK_OUT);
    define(
        CallValueOperation.OPCODE,
        CallValueOperation.MNEMONIC,
        CallValueOperation.STACK_IN,
        CallValueOperation.STACK_OUT);
    define(
        CallDataLoadOperation.OPCODE,
        CallDataLoadOperation.MNEMONIC,
        CallDataLoadOperation.STACK_IN,
        CallDataLoadOperation.STACK_OUT);
    define(
        CallDataSizeOperation.OPCODE,
        CallDataSizeOperation.MNEMONIC,
        CallDataSizeOperation.STACK_IN,
        CallDataSizeOperation.STACK_OUT);
    define(
        CallDataCopyOperation.OPCODE,
        CallDataCopyOperation.MNEMONIC,
        CallDataCopyOperation.STACK_IN,
        CallDataCopyOperation.STACK_OUT);
    define(
        CodeSizeOperation.OPCODE,
        CodeSizeOperation.MNEMONIC,
        CodeSizeOperation.STACK_IN,
        CodeSizeOperation.STACK_OUT);
    define(
        CodeCopyOperation.OPCODE,
        CodeCopyOperation.MNEMONIC,
        CodeCopyOperation.STACK_IN,
        CodeCopyOperation.STACK_OUT);
    define(
        GasPriceOperation.OPCODE,
        GasPriceOperation.MNEMONIC,
        GasPriceOperation.STACK_IN,
        GasPriceOperation.STACK_OUT);
    define(
        ExtCodeSizeOperation.OPCODE,
        ExtCodeSizeOperation.MNEMONIC,
        ExtCodeSizeOperation.STACK_IN,
        ExtCodeSizeOperation.STACK_OUT);
    define(
        ExtCodeCopyOperation.OPCODE,
        ExtCodeCopyOperation.MNEMONIC,
        ExtCodeCopyOperation.STACK_IN,
        ExtCodeCopyOperation.STACK_OUT);
    define(
        ReturnDataSizeOperation.OPCODE,
        ReturnDataSizeOperation.MNEMONIC,
        ReturnDataSizeOperation.STACK_IN,
        ReturnDataSizeOperation.STACK_OUT);
    define(
        ReturnDataCopyOperation.OPCODE,
        ReturnDataCopyOperation.MNEMONIC,
        ReturnDataCopyOperation.STACK_IN,
        ReturnDataCopyOperation.STACK_OUT);
    define(
        ExtCodeHashOperation.OPCODE,
        ExtCodeHashOperation.MNEMONIC,
        ExtCodeHashOperation.STACK_IN,
        ExtCodeHashOperation.STACK_OUT);
    define(
        BlockHashOperation.OPCODE,
        BlockHashOperation.MNEMONIC,
        BlockHashOperation.STACK_IN,
        BlockHashOperation.STACK_OUT);
    define(
        CoinbaseOperation.OPCODE,
        CoinbaseOperation.MNEMONIC,
        CoinbaseOperation.STACK_IN,
        CoinbaseOperation.STACK_OUT);
    define(
        TimestampOperation.OPCODE,
        TimestampOperation.MNEMONIC,
        TimestampOperation.STACK_IN,
        TimestampOperation.STACK_OUT);
    define(
        NumberOperation.OPCODE,
        NumberOperation.MNEMONIC,
        NumberOperation.STACK_IN,
        NumberOperation.STACK_OUT);
    define(
        PrevRandaoOperation.OPCODE,
        PrevRandaoOperation.MNEMONIC,
        PrevRandaoOperation.STACK_IN,
        PrevRandaoOperation.STACK_OUT);
    define(
        GasLimitOperation.OPCODE,
        GasLimitOperation.MNEMONIC,
        GasLimitOperation.STACK_IN,
        GasLimitOperation.STACK_OUT);
    define(
        ChainIdOperation.OPCODE,
        ChainIdOperation.MNEMONIC,
        ChainIdOperation.STACK_IN,
        ChainIdOperation.STACK_OUT);
    define(
        SelfBalanceOperation.OPCODE,
        SelfBalanceOperation.MNEMONIC,
        SelfBalanceOperation.STACK_IN,
        SelfBalanceOperation.STACK_OUT);
    define(
        BaseFeeOperation.OPCODE,
        BaseFeeOperation.MNEMONIC,
        BaseFeeOperation.STACK_IN,
        BaseFeeOperation.STACK_OUT);
    define(
        BlobHashOperation.OPCODE,
        BlobHashOperation.MNEMONIC,
        BlobHashOperation.STACK_IN,
        BlobHashOperation.STACK_OUT);
    define(
        BlobBaseFeeOperation.OPCODE,
        BlobBaseFeeOperation.MNEMONIC,
        BlobBaseFeeOperation.STACK_IN,
        BlobBaseFeeOperation.STACK_OUT);
    define(
        PopOperation.OPCODE, PopOperation.MNEMONIC, PopOperation.STACK_IN, PopOperation.STACK_OUT);
    define(
        MLoadOperation.OPCODE,
        MLoadOperation.MNEMONIC,
        MLoadOperation.STACK_IN,
        MLoadOperation.STACK_OUT);
    define(
        MStoreOperation.OPCODE,
        MStoreOperation.MNEMONIC,
        MStoreOperation.STACK_IN,
        MStoreOperation.STACK_OUT);
    define(
        MStore8Operation.OPCODE,
        MStore8Operation.MNEMONIC,
        MStore8Operation.STACK_IN,
        MStore8Operation.STACK_OUT);
    define(
        SLoadOperation.OPCODE,
        SLoadOperation.MNEMONIC,
        SLoadOperation.STACK_IN,
        SLoadOperation.STACK_OUT);
    define(
        SStoreOperation.OPCODE,
        SStoreOperation.MNEMONIC,
        SStoreOperation.STACK_IN,
        SStoreOperation.STACK_OUT);
    define(
        JumpOperation.OPCODE,
        JumpOperation.MNEMONIC,
        JumpOperation.STACK_IN,
        JumpOperation.STACK_OUT);
    define(
        JumpiOperation.OPCODE,
        JumpiOperation.MNEMONIC,
        JumpiOperation.STACK_IN,
        JumpiOperation.STACK_OUT);
    define(PcOperation.OPCODE, PcOperation.MNEMONIC, PcOperation.STACK_IN, PcOperation.STACK_OUT);
    define(
        MSizeOperation.OPCODE,
        MSizeOperation.MNEMONIC,
        MSizeOperation.STACK_IN,
        MSizeOperation.STACK_OUT);
    define(
        GasOperation.OPCODE, GasOperation.MNEMONIC, GasOperation.STACK_IN, GasOperation.STACK_OUT);
    define(
        JumpDestOperation.OPCODE,
        JumpDestOperation.MNEMONIC,
        JumpDestOperation.STACK_IN,
        JumpDestOperation.STACK_OUT);
    define(
        TLoadOperation.OPCODE,
        TLoadOperation.MNEMONIC,
        TLoadOperation.STACK_IN,
        TLoadOperation.STACK_OUT);
    define(
        TStoreOperation.OPCODE,
        TStoreOperation.MNEMONIC,
        TStoreOperation.STACK_IN,
        TStoreOperation.STACK_OUT);
    define(
        MCopyOperation.OPCODE,
        MCopyOperation.MNEMONIC,
        MCopyOperation.STACK_IN,
        MCopyOperation.STACK_OUT);
    define(
        Push0Operation.OPCODE,
        Push0Operation.MNEMONIC,
        Push0Operation.STACK_IN,
        Push0Operation.STACK_OUT);
    define(
        CreateOperation.OPCODE,
        CreateOperation.MNEMONIC,
        CreateOperation.STACK_IN,
        CreateOperation.STACK_OUT);
    define(
        CallOperation.OPCODE,
        CallOperation.MNEMONIC,
        CallOperation.STACK_IN,
        CallOperation.STACK_OUT);
    define(
        CallCodeOperation.OPCODE,
        CallCodeOperation.MNEMONIC,
        CallCodeOperation.STACK_IN,
        CallCodeOperation.STACK_OUT);
    define(
        ReturnOperation.OPCODE,
        ReturnOperation.MNEMONIC,
        ReturnOperation.STACK_IN,
        ReturnOperation.STACK_OUT);
    define(
        DelegateCallOperation.OPCODE,
        DelegateCallOperation.MNEMONIC,
        DelegateCallOperation.STACK_IN,
        DelegateCallOperation.STACK_OUT);
    define(
        Create2Operation.OPCODE,
        Create2Operation.MNEMONIC,
        Create2Operation.STACK_IN,
        Create2Operation.STACK_OUT);
    define(
        StaticCallOperation.OPCODE,
        StaticCallOperation.MNEMONIC,
        StaticCallOperation.STACK_IN,
        StaticCallOperation.STACK_OUT);
    define(
        RevertOperation.OPCODE,
        RevertOperation.MNEMONIC,
        RevertOperation.STACK_IN,
        RevertOperation.STACK_OUT);
    define(
        SelfDestructOperation.OPCODE,
        SelfDestructOperation.MNEMONIC,
        SelfDestructOperation.STACK_IN,
        SelfDestructOperation.STACK_OUT);
    define(
        InvalidOperation.OPCODE,
        InvalidOperation.MNEMONIC,
        InvalidOperation.STACK_IN,
        InvalidOperation.STACK_OUT);
    for (int op = PushOperation.FIRST_OPCODE; op <= PushOperation.LAST_OPCODE; op++) {
      define(op, PushOperation.mnemonic(op), PushOperation.STACK_IN, PushOperation.STACK_OUT);
    }
    for (int op = DupOperation.FIRST_OPCODE; op <= DupOperation.LAST_OPCODE; op++) {
      define(op, DupOperation.mnemonic(op), DupOperation.stackIn(op), DupOperation.stackOut(op));
    }
    for (int op = SwapOperation.FIRST_OPCODE; op <= SwapOperation.LAST_OPCODE; op++) {
      define(op, SwapOperation.mnemonic(op), SwapOperation.stackIn(op), SwapOperation.stackOut(op));
    }
    for (int op = LogOperation.FIRST_OPCODE; op <= LogOperation.LAST_OPCODE; op++) {
      define(op, LogOperation.mnemonic(op), LogOperation.stackIn(op), 0);
    }
  }

  private Opcodes() {}

  private static void define(int opcode, String mnemonic, int in, int out) {
    MNEMONICS[opcode] = mnemonic;
    STACK_IN[opcode] = in;
    STACK_OUT[opcode] = out;
    MIN_STACK[opcode] = in;
    MAX_STACK[opcode] = Stack.MAX_SIZE - Math.max(0, out - in);
  }

  public static String mnemonic(int opcode) {
    return MNEMONICS[opcode];
  }

  public static int stackIn(int opcode) {
    return STACK_IN[opcode];
  }

  public static int stackOut(int opcode) {
    return STACK_OUT[opcode];
  }
}
