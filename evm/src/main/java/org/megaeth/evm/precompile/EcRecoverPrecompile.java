package org.megaeth.evm.precompile;

import java.util.Optional;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * 0x01 ECRECOVER: the address that signed a hash. Invalid signatures are not errors: the output is
 * then empty. Unlike transactions, any s in [1, n-1] is accepted (no EIP-2 low-s rule).
 */
public final class EcRecoverPrecompile implements Precompile {
  public static final Address ADDRESS = Address.ofNumber(1);

  /** Yellow paper G_ecrecover. */
  public static final long GAS = 3000;

  private static final byte[] EMPTY = new byte[0];

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
    byte[] in = PrecompileSupport.padded(input, 128);
    for (int i = 32; i < 63; i++) {
      if (in[i] != 0) {
        return PrecompileResult.success(EMPTY);
      }
    }
    int v = in[63] & 0xFF;
    if (v != 27 && v != 28) {
      return PrecompileResult.success(EMPTY);
    }
    UInt256 r = UInt256.fromBytes(in, 64, 32);
    UInt256 s = UInt256.fromBytes(in, 96, 32);
    Signature signature = new Signature(r, s, v - 27);
    if (!signature.hasValidRange()) {
      return PrecompileResult.success(EMPTY);
    }
    Optional<Address> signer;
    try {
      signer = Secp256k1.recoverAddress(Hash.of(in, 0), signature);
    } catch (RuntimeException e) {
      signer = Optional.empty();
    }
    if (signer.isEmpty()) {
      return PrecompileResult.success(EMPTY);
    }
    return PrecompileResult.success(PrecompileSupport.leftPad32(signer.get().toArray()));
  }
}
