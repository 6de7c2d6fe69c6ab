package org.megaeth.evm.precompile;

import ethereum.cryptography.LibEthKZG;
import java.util.Arrays;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * 0x0a POINT_EVALUATION (EIP-4844): verifies a KZG proof that the blob committed to by {@code
 * commitment} evaluates to {@code y} at {@code z}, and that the commitment matches the versioned
 * hash. Input: versioned_hash (32), z (32), y (32), commitment (48), proof (48). Uses the mainnet
 * trusted setup bundled with java-eth-kzg, loaded on first use.
 */
public final class PointEvaluationPrecompile implements Precompile {
  public static final Address ADDRESS = Address.ofNumber(0x0a);

  /** EIP-4844 {@code POINT_EVALUATION_PRECOMPILE_GAS}. */
  public static final long GAS = 50_000;

  /** EIP-4844 {@code FIELD_ELEMENTS_PER_BLOB}. */
  public static final long FIELD_ELEMENTS_PER_BLOB = 4096;

  /** EIP-4844 {@code BLS_MODULUS}. */
  public static final UInt256 BLS_MODULUS =
      UInt256.fromHexString("0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");

  private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;
  private static final int INPUT_LENGTH = 192;

  private static final byte[] SUCCESS_OUTPUT = successOutput();

  @Override
  public Address address() {
    return ADDRESS;
  }

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return PrecompileResult.halt();
    }
    byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
    byte[] z = Arrays.copyOfRange(input, 32, 64);
    byte[] y = Arrays.copyOfRange(input, 64, 96);
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    byte[] computed = Sha256Precompile.sha256(commitment);
    computed[0] = VERSIONED_HASH_VERSION_KZG;
    if (!Arrays.equals(computed, versionedHash)) {
      return PrecompileResult.halt();
    }
    try {
      if (!Kzg.INSTANCE.verifyKzgProof(commitment, z, y, proof)) {
        return PrecompileResult.halt();
      }
    } catch (RuntimeException e) {
      // Non-canonical field elements or points not on the curve.
      return PrecompileResult.halt();
    }
    return PrecompileResult.success(SUCCESS_OUTPUT.clone());
  }

  private static byte[] successOutput() {
    byte[] out = new byte[64];
    UInt256.valueOf(FIELD_ELEMENTS_PER_BLOB).writeTo(out, 0);
    BLS_MODULUS.writeTo(out, 32);
    return out;
  }

  /** Holder: the library and its trusted setup load on first use only. */
  private static final class Kzg {
    static final LibEthKZG INSTANCE = new LibEthKZG();
  }
}
