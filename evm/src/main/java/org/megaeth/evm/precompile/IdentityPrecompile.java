package org.megaeth.evm.precompile;

import org.megaeth.core.types.Address;

/** 0x04 IDENTITY: returns its input. */
public final class IdentityPrecompile implements Precompile {
  public static final Address ADDRESS = Address.ofNumber(4);

  /** Yellow paper G_identity and G_identityword. */
  public static final long BASE = 15;

  public static final long PER_WORD = 3;

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
    return PrecompileResult.success(input.clone());
  }
}
