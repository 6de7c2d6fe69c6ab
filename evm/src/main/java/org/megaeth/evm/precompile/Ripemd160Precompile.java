package org.megaeth.evm.precompile;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.megaeth.core.types.Address;

/** 0x03 RIPEMD160: the 20-byte digest, left-padded to 32 bytes. */
public final class Ripemd160Precompile implements Precompile {
  public static final Address ADDRESS = Address.ofNumber(3);

  /** Yellow paper G_ripemd160 and G_ripemd160word. */
  public static final long BASE = 600;

  public static final long PER_WORD = 120;

  @Override
  public Address address() {
    return ADDRESS;
  }

  @Override
  public long gasCost(byte[] input) {
    return PrecompileSupport.linearCost(BASE, PER_WORD, input.length);
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 12);
    return PrecompileResult.success(out);
  }
}
