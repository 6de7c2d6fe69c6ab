package org.megaeth.evm.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.AccessListEntry;
import org.megaeth.core.tx.Authorization;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.SetCodeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionInvalid;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.code.Delegation;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.evm.state.InMemoryWorldState;
import org.megaeth.evm.testutil.EvmHarness;

/**
 * Prague transaction processing: EIP-7702 authorizations and delegations, EIP-7623 calldata floor.
 * Every gas figure is worked out by hand from the EIPs in the comment beside it: intrinsic 21000,
 * 25000 per authorization (PER_EMPTY_ACCOUNT_COST), refund 12500 per authorization whose authority
 * existed (capped at gasUsed / 5 with the rest of the refund), cold account 2600, warm 100.
 */
class TransactionProcessorPragueTest {
  private static final KeyPair SENDER =
      KeyPair.of(
          SecretKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8"));
  private static final KeyPair AUTHORITY =
      KeyPair.of(
          SecretKey.fromHex("0x4646464646464646464646464646464646464646464646464646464646464646"));
  private static final UInt256 CHAIN = UInt256.ONE; // EvmHarness.block()
  private static final Address NOBODY = Address.ofNumber(0x1234);
  private static final Address CALLER_CONTRACT = Address.ofNumber(0xca11);
  private static final Address DELEGATE = Address.ofNumber(0xde1e);
  private static final Address OTHER_DELEGATE = Address.ofNumber(0xde2e);

  /** PUSH1 0x2a PUSH0 SSTORE STOP: 3 + 2 + 22100 (cold, zero to non-zero) = 22105. */
  private static final String STORE_42 = "0x602a5f5500";

  /** PUSH1 1 PUSH0 SSTORE STOP: 22105 as well. */
  private static final String STORE_1 = "0x60015f5500";

  private static final long STORE_GAS = 22_105;

  private final TransactionProcessor prague =
      new TransactionProcessor(EvmSpec.of(Fork.PRAGUE), new CodeCache(16));
  private final TransactionProcessor cancun =
      new TransactionProcessor(EvmSpec.of(Fork.CANCUN), new CodeCache(16));
  private final InMemoryWorldState world = new InMemoryWorldState();
  private final BlockEnv block = EvmHarness.block();

  TransactionProcessorPragueTest() {
    world.putAccount(SENDER.address(), 0, UInt256.valueOf(1_000_000_000L), new byte[0], Map.of());
    world.putAccount(DELEGATE, 1, UInt256.ZERO, Hex.decodeLenient(STORE_42), Map.of());
  }

  // ---- EIP-7702 authorization processing.

  @Test
  void shouldWriteDesignatorAndIncrementNonceWhenAuthorizationIsValid() {
    Authorization auth = sign(AUTHORITY, CHAIN, DELEGATE, 0);
    TransactionResult.Executed executed = run(prague, setCode(0, NOBODY, "0x", auth));

    assertThat(executed.success()).isTrue();
    assertThat(executed.gasUsed()).isEqualTo(21_000 + 25_000); // new authority: no refund
    assertThat(executed.refund()).isZero();
    assertThat(world.getCode(AUTHORITY.address())).isEqualTo(Delegation.designator(DELEGATE));
    assertThat(world.getCodeHash(AUTHORITY.address()))
        .isEqualTo(Keccak.hash(Delegation.designator(DELEGATE)));
    assertThat(world.getNonce(AUTHORITY.address())).isEqualTo(1);
  }

  static Stream<Arguments> authorityStates() {
    return Stream.of(
        // 21000 + 25000 + 22105 = 68105, nothing refunded.
        Arguments.of("absent", null, 0L, 68_105L),
        // Refund 12500 (below the cap 68105 / 5 = 13621): 68105 - 12500 = 55605.
        Arguments.of("existing", UInt256.ONE, 12_500L, 55_605L),
        // The refund is for an authority that exists in the state, empty or not (execution-specs
        // set_delegation's account_exists, geth's StateDB.Exist).
        Arguments.of("existing but empty", UInt256.ZERO, 12_500L, 55_605L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authorityStates")
  void shouldRefundPerEmptyAccountCostMinusBaseWhenAuthorityExists(
      String name, UInt256 balance, long refund, long gasUsed) {
    if (balance != null) {
      world.putAccount(AUTHORITY.address(), 0, balance, new byte[0], Map.of());
    }
    world.putAccount(CALLER_CONTRACT, 1, UInt256.ZERO, Hex.decodeLenient(STORE_1), Map.of());
    TransactionResult.Executed executed =
        run(prague, setCode(0, CALLER_CONTRACT, "0x", sign(AUTHORITY, CHAIN, DELEGATE, 0)));

    assertThat(executed.refund()).isEqualTo(refund);
    assertThat(executed.gasUsed()).isEqualTo(gasUsed);
    assertThat(world.getCode(AUTHORITY.address())).isEqualTo(Delegation.designator(DELEGATE));
  }

  @Test
  void shouldClearCodeAndResetCodeHashWhenAuthorizedAddressIsZero() {
    delegate(AUTHORITY.address(), 1, DELEGATE);
    TransactionResult.Executed executed =
        run(prague, setCode(0, NOBODY, "0x", sign(AUTHORITY, CHAIN, Address.ZERO, 1)));

    assertThat(world.getCode(AUTHORITY.address())).isEmpty();
    assertThat(world.getCodeHash(AUTHORITY.address())).isEqualTo(Keccak.EMPTY);
    assertThat(world.getNonce(AUTHORITY.address())).isEqualTo(2);
    // 46000 used; the 12500 refund is capped at 46000 / 5 = 9200.
    assertThat(executed.refund()).isEqualTo(9_200);
    assertThat(executed.gasUsed()).isEqualTo(36_800);
  }

  @Test
  void shouldOverwriteDelegationWhenAuthorityIsAlreadyDelegated() {
    delegate(AUTHORITY.address(), 1, DELEGATE);
    run(prague, setCode(0, NOBODY, "0x", sign(AUTHORITY, CHAIN, OTHER_DELEGATE, 1)));

    assertThat(world.getCode(AUTHORITY.address())).isEqualTo(Delegation.designator(OTHER_DELEGATE));
    assertThat(world.getNonce(AUTHORITY.address())).isEqualTo(2);
  }

  @Test
  void shouldKeepLastValidTupleWhenAuthorityRepeats() {
    TransactionResult.Executed executed =
        run(
            prague,
            setCode(
                0,
                NOBODY,
                "0x",
                sign(AUTHORITY, CHAIN, DELEGATE, 0),
                sign(AUTHORITY, CHAIN, OTHER_DELEGATE, 1),
                sign(AUTHORITY, CHAIN, Address.ofNumber(0xbad), 5))); // stale nonce: skipped

    assertThat(world.getCode(AUTHORITY.address())).isEqualTo(Delegation.designator(OTHER_DELEGATE));
    assertThat(world.getNonce(AUTHORITY.address())).isEqualTo(2);
    // 21000 + 3 * 25000 = 96000. The second tuple finds the account the first created: 12500
    // refunded (cap 19200).
    assertThat(executed.refund()).isEqualTo(12_500);
    assertThat(executed.gasUsed()).isEqualTo(96_000 - 12_500);
  }

  @Test
  void shouldApplyAuthorizationWhenChainIdIsZero() {
    run(prague, setCode(0, NOBODY, "0x", sign(AUTHORITY, UInt256.ZERO, DELEGATE, 0)));
    assertThat(world.getCode(AUTHORITY.address())).isEqualTo(Delegation.designator(DELEGATE));
  }

  static Stream<Arguments> invalidTuples() {
    Authorization valid = sign(AUTHORITY, CHAIN, DELEGATE, 0);
    // The same signature with s -> n - s and the other parity recovers the same key, but s is high.
    Authorization highS =
        new Authorization(
            CHAIN,
            DELEGATE,
            0,
            valid.yParity() ^ 1,
            valid.r(),
            Secp256k1.CURVE_ORDER.subtract(valid.s()));
    Authorization parityTwo = new Authorization(CHAIN, DELEGATE, 0, 2, valid.r(), valid.s());
    return Stream.of(
        Arguments.of("wrong chain id", sign(AUTHORITY, UInt256.valueOf(2), DELEGATE, 0), 0L, ""),
        Arguments.of("nonce ahead of the account", sign(AUTHORITY, CHAIN, DELEGATE, 1), 0L, ""),
        Arguments.of("authority with real code", valid, 0L, "0x00"),
        Arguments.of("high s", highS, 0L, ""),
        Arguments.of("y parity 2", parityTwo, 0L, ""),
        Arguments.of("nonce 2^64-1", sign(AUTHORITY, CHAIN, DELEGATE, -1L), -1L, ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTuples")
  void shouldSkipTupleButIncludeTransactionWhenTupleIsInvalid(
      String name, Authorization auth, long authorityNonce, String authorityCode) {
    byte[] code = Hex.decodeLenient(authorityCode);
    world.putAccount(AUTHORITY.address(), authorityNonce, UInt256.ONE, code, Map.of());
    TransactionResult.Executed executed = run(prague, setCode(0, NOBODY, "0x", auth));

    assertThat(executed.success()).isTrue();
    assertThat(executed.gasUsed()).isEqualTo(46_000); // the sender pays for skipped tuples too
    assertThat(executed.refund()).isZero();
    assertThat(world.getCode(AUTHORITY.address())).isEqualTo(code);
    assertThat(world.getNonce(AUTHORITY.address())).isEqualTo(authorityNonce);
    assertThat(world.getNonce(SENDER.address())).isEqualTo(1);
  }

  @Test
  void shouldWarmAuthorityWhenTupleFailsAfterRecovery() {
    // PUSH20 authority BALANCE POP STOP: 3 + (100 warm | 2600 cold) + 2.
    world.putAccount(
        CALLER_CONTRACT,
        1,
        UInt256.ZERO,
        Hex.decodeLenient("0x73" + hex(AUTHORITY.address()) + "315000"),
        Map.of());
    TransactionResult.Executed wrongNonce =
        run(prague, setCode(0, CALLER_CONTRACT, "0x", sign(AUTHORITY, CHAIN, DELEGATE, 3)));
    assertThat(wrongNonce.gasUsed()).isEqualTo(46_000 + 3 + 100 + 2);

    TransactionResult.Executed wrongChain =
        run(
            prague,
            setCode(1, CALLER_CONTRACT, "0x", sign(AUTHORITY, UInt256.valueOf(9), DELEGATE, 0)));
    assertThat(wrongChain.gasUsed()).isEqualTo(46_000 + 3 + 2_600 + 2);
  }

  @Test
  void shouldMatchIncrementedNonceWhenSenderIsAuthority() {
    // Self-sponsored: the sender's nonce is 1 by the time its authorization is checked.
    TransactionResult.Executed skipped =
        run(prague, setCode(0, NOBODY, "0x", sign(SENDER, CHAIN, DELEGATE, 0)));
    assertThat(world.getCode(SENDER.address())).isEmpty();
    assertThat(world.getNonce(SENDER.address())).isEqualTo(1);
    assertThat(skipped.gasUsed()).isEqualTo(46_000);

    TransactionResult.Executed applied =
        run(prague, setCode(1, NOBODY, "0x", sign(SENDER, CHAIN, DELEGATE, 2)));
    assertThat(world.getCode(SENDER.address())).isEqualTo(Delegation.designator(DELEGATE));
    assertThat(world.getNonce(SENDER.address())).isEqualTo(3);
    assertThat(applied.gasUsed()).isEqualTo(46_000 - 9_200); // the sender exists: capped refund
  }

  @Test
  void shouldKeepDelegationAndRefundWhenExecutionReverts() {
    world.putAccount(AUTHORITY.address(), 0, UInt256.ONE, new byte[0], Map.of());
    world.putAccount(CALLER_CONTRACT, 1, UInt256.ZERO, Hex.decodeLenient("0x5f5ffd"), Map.of());
    TransactionResult.Executed executed =
        run(prague, setCode(0, CALLER_CONTRACT, "0x", sign(AUTHORITY, CHAIN, DELEGATE, 0)));

    assertThat(executed.success()).isFalse();
    assertThat(world.getCode(AUTHORITY.address())).isEqualTo(Delegation.designator(DELEGATE));
    assertThat(world.getNonce(AUTHORITY.address())).isEqualTo(1);
    // 46000 + PUSH0 PUSH0 REVERT (4) = 46004; refund min(12500, 46004 / 5 = 9200).
    assertThat(executed.refund()).isEqualTo(9_200);
    assertThat(executed.gasUsed()).isEqualTo(46_004 - 9_200);
  }

  @Test
  void shouldRefuseSetCodeTransactionWhenForkIsCancun() {
    TransactionResult result =
        cancun.validateAndProcess(
            world, block, setCode(0, NOBODY, "0x", sign(AUTHORITY, CHAIN, DELEGATE, 0)), null);
    assertThat(((TransactionResult.Invalid) result).reason().reason())
        .isEqualTo(TransactionInvalid.TYPE_NOT_SUPPORTED);
  }

  // ---- EIP-7702 delegation semantics.

  static Stream<Arguments> delegateWarmth() {
    return Stream.of(
        // 21000 + 5 PUSH0 + PUSH20 + PUSH2 (16) + CALL (100 + 2500 cold callee + 2600 cold
        // delegate) + delegate's code in the callee's storage (22105).
        Arguments.of(false, 21_000 + 16 + 5_200 + STORE_GAS),
        // The access list warms the delegate: +2400 intrinsic, 100 instead of 2600.
        Arguments.of(true, 21_000 + 2_400 + 16 + 2_700 + STORE_GAS));
  }

  @ParameterizedTest(name = "delegate in access list: {0}")
  @MethodSource("delegateWarmth")
  void shouldRunDelegateCodeInCalleeContextWhenCallingDelegatedAccount(
      boolean warmDelegate, long gasUsed) {
    Address authority = AUTHORITY.address();
    delegate(authority, 1, DELEGATE);
    callerContract("0x5f5f5f5f5f73" + hex(authority) + "61fffff100");
    List<AccessListEntry> accessList =
        warmDelegate ? List.of(new AccessListEntry(DELEGATE, List.of())) : List.of();
    TransactionResult.Executed executed =
        run(prague, dynamicFee(0, 200_000, CALLER_CONTRACT, "0x", accessList));

    assertThat(executed.gasUsed()).isEqualTo(gasUsed);
    assertThat(world.getStorage(authority, UInt256.ZERO)).isEqualTo(UInt256.valueOf(42));
    assertThat(world.getStorage(DELEGATE, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldExecuteDesignatorAsCodeWhenForkIsCancun() {
    Address authority = AUTHORITY.address();
    delegate(authority, 1, DELEGATE);
    callerContract("0x5f5f5f5f5f73" + hex(authority) + "61fffff100");
    TransactionResult.Executed executed =
        run(cancun, dynamicFee(0, 200_000, CALLER_CONTRACT, "0x", List.of()));

    // No delegate access; the callee runs 0xef..., halts and burns the 0xffff it was given.
    assertThat(executed.gasUsed()).isEqualTo(21_000 + 16 + 2_600 + 0xffff);
    assertThat(world.getStorage(authority, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldRunDelegateCodeAndWarmDelegateWhenTransactionTargetsDelegatedAccount() {
    // The delegate reads its own balance: PUSH20 delegate BALANCE STOP = 3 + 100, warm because
    // a transaction to a delegated account warms the delegate.
    Address selfReading = Address.ofNumber(0x5e1f);
    world.putAccount(
        selfReading,
        1,
        UInt256.ZERO,
        Hex.decodeLenient("0x73" + hex(selfReading) + "3100"),
        Map.of());
    delegate(AUTHORITY.address(), 1, selfReading);
    TransactionResult.Executed executed =
        run(prague, dynamicFee(0, 100_000, AUTHORITY.address(), "0x", List.of()));
    assertThat(executed.gasUsed()).isEqualTo(21_000 + 3 + 100);
  }

  @Test
  void shouldResolveDelegationSetInSameTransactionWhenTargetIsAuthority() {
    TransactionResult.Executed executed =
        run(prague, setCode(0, AUTHORITY.address(), "0x", sign(AUTHORITY, CHAIN, DELEGATE, 0)));
    assertThat(executed.gasUsed()).isEqualTo(46_000 + STORE_GAS);
    assertThat(world.getStorage(AUTHORITY.address(), UInt256.ZERO)).isEqualTo(UInt256.valueOf(42));
  }

  @Test
  void shouldReadDesignatorWhenExtCodeOpcodesTargetDelegatedAccount() {
    Address authority = AUTHORITY.address();
    delegate(authority, 1, DELEGATE);
    String x = hex(authority);
    callerContract(
        "0x"
            + ("73" + x + "3b5f55") // EXTCODESIZE -> slot 0
            + ("73" + x + "3f600155") // EXTCODEHASH -> slot 1
            + ("60175f5f73" + x + "3c") // EXTCODECOPY(x, 0, 0, 23)
            + "5f5160025500"); // MLOAD(0) -> slot 2
    TransactionResult.Executed executed =
        run(prague, dynamicFee(0, 200_000, CALLER_CONTRACT, "0x", List.of()));

    assertThat(world.getStorage(CALLER_CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.valueOf(23));
    assertThat(world.getStorage(CALLER_CONTRACT, UInt256.ONE))
        .isEqualTo(UInt256.fromBytes(Keccak.hash(Delegation.designator(DELEGATE)).toArray()));
    byte[] word = new byte[32];
    System.arraycopy(Delegation.designator(DELEGATE), 0, word, 0, Delegation.SIZE);
    assertThat(world.getStorage(CALLER_CONTRACT, UInt256.valueOf(2)))
        .isEqualTo(UInt256.fromBytes(word));
    // No delegate access anywhere:
    // EXTCODESIZE part 3 + (100 + 2500) + 2 + 22100 = 24705;
    // EXTCODEHASH part 3 + 100 + 3 + 22100 = 22206;
    // EXTCODECOPY part 3 + 2 + 2 + 3 + (100 + 3 copy + 3 memory) = 116;
    // MLOAD part 2 + 3 + 3 + 22100 = 22108.
    assertThat(executed.gasUsed()).isEqualTo(21_000 + 24_705 + 22_206 + 116 + 22_108);
  }

  @Test
  void shouldRunEmptyCodeWhenDelegateIsPrecompile() {
    Address authority = AUTHORITY.address();
    delegate(authority, 1, Address.ofNumber(4)); // identity
    // CALL(0xffff, authority, 0, 0, 32, 0, 0); SSTORE(0, success); SSTORE(1, RETURNDATASIZE + 16)
    callerContract("0x5f5f60205f5f73" + hex(authority) + "61fffff15f553d601001600155" + "00");
    TransactionResult.Executed executed =
        run(prague, dynamicFee(0, 200_000, CALLER_CONTRACT, "0x", List.of()));

    assertThat(world.getStorage(CALLER_CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.ONE);
    assertThat(world.getStorage(CALLER_CONTRACT, UInt256.ONE)).isEqualTo(UInt256.valueOf(16));
    // 17 pushes; CALL 100 + 2500 + 100 (precompiles are warm) + 3 memory; no precompile charge;
    // PUSH0 SSTORE 22102; RETURNDATASIZE PUSH1 ADD PUSH1 SSTORE 22111.
    assertThat(executed.gasUsed()).isEqualTo(21_000 + 17 + 2_703 + 22_102 + 22_111);
  }

  @Test
  void shouldFollowOneHopOnlyWhenDelegateIsDelegatedToo() {
    Address authority = AUTHORITY.address();
    Address second = Address.ofNumber(0x5ec0);
    delegate(authority, 1, second);
    delegate(second, 1, DELEGATE);
    // CALL(0xffff, authority, ...); SSTORE(0, success + 1)
    callerContract("0x5f5f5f5f5f73" + hex(authority) + "61fffff16001015f5500");
    TransactionResult.Executed executed =
        run(prague, dynamicFee(0, 300_000, CALLER_CONTRACT, "0x", List.of()));

    assertThat(world.getStorage(CALLER_CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.ONE);
    assertThat(world.getStorage(authority, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
    // CALL charges the first delegate only (cold, 2600); its designator runs as code, halts on
    // 0xef and burns the 0xffff; then PUSH1 ADD PUSH0 SSTORE = 3 + 3 + 2 + 22100.
    assertThat(executed.gasUsed()).isEqualTo(21_000 + 16 + 100 + 2_500 + 2_600 + 0xffff + 22_108);
  }

  @Test
  void shouldAcceptSenderWithDesignatorOnlyFromPrague() {
    world.putAccount(
        SENDER.address(),
        0,
        UInt256.valueOf(1_000_000_000L),
        Delegation.designator(DELEGATE),
        Map.of());
    Transaction tx = dynamicFee(0, 21_000, NOBODY, "0x", List.of());
    assertThat(
            ((TransactionResult.Invalid) cancun.validateAndProcess(world, block, tx, null))
                .reason()
                .reason())
        .isEqualTo(TransactionInvalid.SENDER_NOT_EOA);
    assertThat(run(prague, tx).gasUsed()).isEqualTo(21_000);
  }

  @Test
  void shouldCollideWhenCreatingOverDelegatedAccount() {
    // CREATE(0, 0, 0); SSTORE(0, result + 1): 1 when the creation failed.
    callerContract("0x5f5f5ff06001015f5500");
    delegate(FrameRunner.createAddress(CALLER_CONTRACT, 1), 1, DELEGATE);
    // The collision burns the 63/64 passed on; the 1/64 kept must still pay the SSTORE.
    run(prague, dynamicFee(0, 2_000_000, CALLER_CONTRACT, "0x", List.of()));
    assertThat(world.getStorage(CALLER_CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.ONE);
  }

  // ---- EIP-7623 calldata floor.

  @Test
  void shouldChargeFloorWhenCalldataDominates() {
    String data = "0x" + "01".repeat(100); // 100 non-zero bytes: 400 tokens
    // Intrinsic 21000 + 16 * 100 = 22600; floor 21000 + 10 * 400 = 25000.
    TransactionResult.Executed executed =
        run(prague, dynamicFee(0, 25_000, NOBODY, data, List.of()));
    assertThat(executed.gasUsed()).isEqualTo(25_000);
    assertThat(world.getBalance(SENDER.address()))
        .isEqualTo(UInt256.valueOf(1_000_000_000L - 25_000 * 9)); // price 7 + 2

    TransactionResult refused =
        prague.validateAndProcess(
            world, block, dynamicFee(1, 24_999, NOBODY, data, List.of()), null);
    assertThat(((TransactionResult.Invalid) refused).reason().reason())
        .isEqualTo(TransactionInvalid.FLOOR_DATA_GAS_TOO_LOW);

    assertThat(run(cancun, dynamicFee(1, 22_600, NOBODY, data, List.of())).gasUsed())
        .isEqualTo(22_600);
  }

  @Test
  void shouldApplyFloorAfterRefundWhenStorageIsCleared() {
    // PUSH0 PUSH0 SSTORE STOP over slot 0 = 1: 2 + 2 + 5000, refund 4800.
    world.putAccount(
        CALLER_CONTRACT,
        1,
        UInt256.ZERO,
        Hex.decodeLenient("0x5f5f5500"),
        Map.of(UInt256.ZERO, UInt256.ONE));
    String data = "0x" + "00".repeat(200); // intrinsic 21800, floor 21000 + 10 * 200 = 23000
    // Used 21800 + 5004 = 26804, minus 4800 = 22004, below the floor: 23000. Applying the floor
    // before the refund would give 26804 - 4800 = 22004.
    TransactionResult.Executed executed =
        run(prague, dynamicFee(0, 100_000, CALLER_CONTRACT, data, List.of()));
    assertThat(executed.gasUsed()).isEqualTo(23_000);

    world.putAccount(
        CALLER_CONTRACT,
        1,
        UInt256.ZERO,
        Hex.decodeLenient("0x5f5f5500"),
        Map.of(UInt256.ZERO, UInt256.ONE));
    assertThat(run(cancun, dynamicFee(1, 100_000, CALLER_CONTRACT, data, List.of())).gasUsed())
        .isEqualTo(22_004);
  }

  @Test
  void shouldChargeExecutionWhenAboveFloor() {
    world.putAccount(CALLER_CONTRACT, 1, UInt256.ZERO, Hex.decodeLenient(STORE_1), Map.of());
    String data = "0x" + "00".repeat(10); // intrinsic 21040, floor 21100
    TransactionResult.Executed executed =
        run(prague, dynamicFee(0, 100_000, CALLER_CONTRACT, data, List.of()));
    assertThat(executed.gasUsed()).isEqualTo(21_040 + STORE_GAS);
  }

  // ---- Helpers.

  private TransactionResult.Executed run(TransactionProcessor processor, Transaction tx) {
    TransactionResult result = processor.validateAndProcess(world, block, tx, null);
    assertThat(result).isInstanceOf(TransactionResult.Executed.class);
    return (TransactionResult.Executed) result;
  }

  private void delegate(Address account, long nonce, Address target) {
    world.putAccount(account, nonce, UInt256.ZERO, Delegation.designator(target), Map.of());
  }

  private void callerContract(String code) {
    world.putAccount(CALLER_CONTRACT, 1, UInt256.ZERO, Hex.decodeLenient(code), Map.of());
  }

  private static String hex(Address address) {
    return address.toHexString().substring(2);
  }

  private static Authorization sign(KeyPair key, UInt256 chainId, Address target, long nonce) {
    return TransactionSigner.signAuthorization(chainId, target, nonce, key.secretKey());
  }

  private static SetCodeTransaction setCode(
      long nonce, Address to, String data, Authorization... authorizations) {
    SetCodeTransaction unsigned =
        new SetCodeTransaction(
            Optional.of(CHAIN),
            nonce,
            Wei.of(2),
            Wei.of(100),
            200_000,
            Optional.of(to),
            Wei.of(0),
            Bytes.fromHexString(data),
            List.of(),
            List.of(authorizations),
            TransactionSigner.UNSIGNED);
    return TransactionSigner.sign(unsigned, SENDER.secretKey());
  }

  private static DynamicFeeTransaction dynamicFee(
      long nonce, long gas, Address to, String data, List<AccessListEntry> accessList) {
    DynamicFeeTransaction unsigned =
        new DynamicFeeTransaction(
            Optional.of(CHAIN),
            nonce,
            Wei.of(2),
            Wei.of(100),
            gas,
            Optional.of(to),
            Wei.of(0),
            Bytes.fromHexString(data),
            accessList,
            TransactionSigner.UNSIGNED);
    return TransactionSigner.sign(unsigned, SENDER.secretKey());
  }
}
