package org.megaeth.evm.precompile;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.megaeth.core.types.Address;

/** 0x02 SHA256. */
public final class Sha256Precompile implements Precompile {
  public static final Address ADDRESS = Address.ofNumber(2);

  /** Yellow paper G_sha256 and G_sha256word. */
  public static final long BASE = 60;

  public static final long PER_WORD = 12;

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
    return PrecompileResult.success(sha256(input));
  }

  static byte[] sha256(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
