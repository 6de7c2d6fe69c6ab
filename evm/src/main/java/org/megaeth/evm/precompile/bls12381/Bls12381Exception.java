package org.megaeth.evm.precompile.bls12381;

/**
 * Invalid input to an EIP-2537 BLS12-381 precompile: a wrong input length, a field element whose
 * top 16 bytes are not zero or that is not below p, a point on neither its curve nor at infinity,
 * or (MSM and pairing) a point outside the order-q subgroup. The precompile turns it into an
 * exceptional halt that consumes all gas.
 */
public final class Bls12381Exception extends Exception {

  public Bls12381Exception(String message) {
    super(message);
  }
}
