package org.megaeth.evm.precompile.bn254;

/**
 * Invalid input to a BN254 precompile (EIP-196, EIP-197): a coordinate not below the field modulus,
 * a point not on its curve, a G2 point outside the order-r subgroup, or a pairing input whose
 * length is not a multiple of 192 bytes. The precompile turns it into an exceptional halt that
 * consumes all gas.
 */
public final class Bn254Exception extends Exception {

  public Bn254Exception(String message) {
    super(message);
  }
}
