package org.megaeth.evm.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.testutil.EvmHarness;

/** Calls, creations, reverts and depth, driven by small bytecode programs. */
class FrameRunnerTest {
  private static final Address CHILD =
      Address.fromHex("0x00000000000000000000000000000000000c0de1");

  /** CALL(gas, target, 0, 0, 0, 0, 32); SSTORE(0, success); SSTORE(1, MLOAD(0)). */
  private static String callAndRecord(Address target) {
    return "0x60205f5f5f5f73" + target.toHexString().substring(2) + "5af15f555f5160015500";
  }

  @Test
  void shouldReturnOutputWhenChildReturns() {
    // child: MSTORE(0, 42); RETURN(0, 32)
    EvmHarness evm = new EvmHarness().code(CHILD, "0x602a5f5260205ff3").code(callAndRecord(CHILD));
    assertThat(evm.call(100_000).isSuccess()).isTrue();
    assertThat(evm.storage(0)).isEqualTo(UInt256.ONE);
    assertThat(evm.storage(1)).isEqualTo(UInt256.valueOf(42));
  }

  @Test
  void shouldRollBackChildStateWhenChildReverts() {
    // child: SSTORE(0, 1); MSTORE(0, 7); REVERT(0, 32)
    EvmHarness evm =
        new EvmHarness().code(CHILD, "0x60015f5560075f5260205ffd").code(callAndRecord(CHILD));
    assertThat(evm.call(100_000).isSuccess()).isTrue();
    assertThat(evm.storage(0)).isEqualTo(UInt256.ZERO);
    assertThat(evm.storage(1)).isEqualTo(UInt256.valueOf(7)); // revert data still copied
    assertThat(evm.storage(CHILD, 0)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldConsumeChildGasWhenChildHalts() {
    EvmHarness evm = new EvmHarness().code(CHILD, "0xfe").code(callAndRecord(CHILD));
    long used = evm.gasUsed(1_000_000);
    assertThat(evm.storage(0)).isEqualTo(UInt256.ZERO);
    assertThat(used).isGreaterThan(1_000_000 * 63 / 64 - 100_000);
  }

  @Test
  void shouldStopAtDepth1024WithoutJavaRecursion() {
    // SSTORE(0, SLOAD(0) + 1); CALL(gas, ADDRESS, 0, 0, 0, 0, 0)
    EvmHarness evm = new EvmHarness().code("0x5f546001015f555f5f5f5f5f305af100");
    MessageResult result = evm.call(Long.MAX_VALUE / 4);
    assertThat(result.isSuccess()).isTrue();
    assertThat(evm.storage(0)).isEqualTo(UInt256.valueOf(FrameRunner.MAX_DEPTH + 1));
  }

  @Test
  void shouldDeployRuntimeCodeWhenCreating() {
    // init code: MSTORE8(0, 0xfe); RETURN(0, 1) -> runtime code 0xfe
    MessageResult result = new EvmHarness().create("0x60fe5f5360015ff3", 100_000);
    assertThat(result.isSuccess()).isTrue();
    Address expected = FrameRunner.createAddress(EvmHarness.CALLER, 0);
    assertThat(result.createdAddress()).contains(expected);
  }

  @Test
  void shouldStoreCodeAndBumpNoncesWhenCreating() {
    EvmHarness evm = new EvmHarness();
    MessageResult result = evm.create("0x60fe5f5360015ff3", 100_000);
    Address created = result.createdAddress().orElseThrow();
    assertThat(evm.world.getCode(created)).containsExactly(0xfe);
    assertThat(evm.world.getNonce(created)).isEqualTo(1); // EIP-161
    assertThat(evm.world.getNonce(EvmHarness.CALLER)).isEqualTo(1);
  }

  @Test
  void shouldRejectCodeWhenItStartsWithEf() {
    // EIP-3541: MSTORE8(0, 0xef); RETURN(0, 1)
    MessageResult result = new EvmHarness().create("0x60ef5f5360015ff3", 100_000);
    assertThat(result.isSuccess()).isFalse();
    assertThat(result.haltReason()).contains(HaltReason.INVALID_CODE_PREFIX);
    assertThat(result.gasLeft()).isZero();
  }

  @Test
  void shouldRejectCodeWhenAboveEip170Limit() {
    // RETURN(0, 24577)
    MessageResult result = new EvmHarness().create("0x6160015ff3", 10_000_000);
    assertThat(result.haltReason()).contains(HaltReason.CODE_SIZE_EXCEEDED);
    MessageResult atLimit = new EvmHarness().create("0x6160005ff3", 10_000_000);
    assertThat(atLimit.isSuccess()).isTrue();
  }

  @Test
  void shouldHaltWhenCreateInitCodeAboveEip3860Limit() {
    // CREATE(0, 0, 49153) from a contract
    EvmHarness evm = new EvmHarness().code("0x61c0015f5ff000");
    assertThat(evm.call(10_000_000).haltReason()).contains(HaltReason.INITCODE_SIZE_EXCEEDED);
    EvmHarness ok = new EvmHarness().code("0x61c0005f5ff000");
    assertThat(ok.call(10_000_000).isSuccess()).isTrue();
  }

  @Test
  void shouldFailCreateWithoutConsumingGasWhenBalanceInsufficient() {
    // CREATE(value 1, 0, 0) from a contract with no balance; SSTORE(0, result + 1)
    EvmHarness evm = new EvmHarness().code("0x5f5f6001f060010160005500");
    assertThat(evm.call(100_000).isSuccess()).isTrue();
    assertThat(evm.storage(0)).isEqualTo(UInt256.ONE);
    assertThat(evm.world.getNonce(EvmHarness.CONTRACT)).isEqualTo(1); // not bumped
  }

  @Test
  void shouldCollideWhenTargetHasCode() {
    EvmHarness evm = new EvmHarness();
    Address target = FrameRunner.createAddress(EvmHarness.CALLER, 0);
    evm.world.putAccount(target, 0, UInt256.ZERO, new byte[] {0x00}, Map.of());
    MessageResult result = evm.create("0x00", 100_000);
    assertThat(result.haltReason()).contains(HaltReason.CREATE_COLLISION);
    assertThat(evm.world.getNonce(EvmHarness.CALLER)).isEqualTo(1);
  }

  @ParameterizedTest(name = "CREATE2 {0} {1} {2}")
  @CsvSource({
    "0x0000000000000000000000000000000000000000, 0x00, 0x00, 0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38",
    "0xdeadbeef00000000000000000000000000000000, 0x00, 0x00, 0xb928f69bb1d91cd65274e3c79d8986362984fda3",
    "0xdeadbeef00000000000000000000000000000000, 0x000000000000000000000000feed000000000000000000000000000000000000, 0x00, 0xd04116cdd17bebe565eb2422f2497e06cc1c9833",
    "0x0000000000000000000000000000000000000000, 0x00, 0xdeadbeef, 0x70f2b2914a2a4b783faefb75f459a580616fcb5e",
    "0x00000000000000000000000000000000deadbeef, 0xcafebabe, 0xdeadbeef, 0x60f3f640a8508fc6a86d45df051962668e1e8ac7",
    "0x00000000000000000000000000000000deadbeef, 0xcafebabe, 0xdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef, 0x1d8bfdc5d46dc4f61d6b6115972536ebe6a8854c",
    "0x0000000000000000000000000000000000000000, 0x00, 0x, 0xe33c0c7f7df4809055c3eba6c09cfe4baf1bd9e0",
  })
  void shouldMatchEip1014ExampleWhenComputingCreate2Address(
      String sender, String salt, String initCode, String expected) {
    Address address =
        FrameRunner.create2Address(
            Address.fromHex(sender), UInt256.fromHexString(salt), Hex.decodeLenient(initCode));
    assertThat(address).isEqualTo(Address.fromHex(expected));
  }

  @Test
  void shouldDeployAtCreate2AddressWhenRunByContract() {
    // MSTORE8(0, 0x00); CREATE2(value 0, offset 0, size 1, salt 7); SSTORE(0, address)
    EvmHarness evm = new EvmHarness().code("0x5f5f536007600160005ff55f5500");
    assertThat(evm.call(1_000_000).isSuccess()).isTrue();
    Address expected =
        FrameRunner.create2Address(EvmHarness.CONTRACT, UInt256.valueOf(7), new byte[] {0});
    byte[] stored = evm.storage(0).toBytes32();
    assertThat(Address.fromWord(stored, 0)).isEqualTo(expected);
  }

  @Test
  void shouldForwardAllButOne64thWhenCalling() {
    // child: SSTORE(0, GAS)
    EvmHarness evm = new EvmHarness().code(CHILD, "0x5a5f5500").code(callAndRecord(CHILD));
    evm.call(1_000_000);
    long childGas = evm.storage(CHILD, 0).toLongExact();
    assertThat(childGas).isLessThan(1_000_000 - 1_000_000 / 64);
    assertThat(childGas).isGreaterThan(1_000_000 - 1_000_000 / 64 - 5_000);
  }
}
