package org.megaeth.evm.precompile;

import org.megaeth.core.types.Address;
import org.megaeth.evm.precompile.bn254.Bn254;
import org.megaeth.evm.precompile.bn254.Bn254Exception;

/**
 * 0x06 ECADD, 0x07 ECMUL, 0x08 ECPAIRING (EIP-196, EIP-197) at their EIP-1108 (Istanbul) prices,
 * over the {@link Bn254} arithmetic.
 */
public final class Bn254Precompiles {
  /** EIP-1108. */
  public static final long ADD_GAS = 150;

  /** EIP-1108. */
  public static final long MUL_GAS = 6000;

  /** EIP-1108: 45000 + 34000 per pair. */
  public static final long PAIRING_BASE_GAS = 45_000;

  public static final long PAIRING_PER_PAIR_GAS = 34_000;

  private Bn254Precompiles() {}

  /** 0x06. */
  public static final Precompile ADD =
      new Fixed(Address.ofNumber(6), ADD_GAS) {
        @Override
        byte[] compute(byte[] input) throws Bn254Exception {
          return Bn254.add(input);
        }
      };

  /** 0x07. */
  public static final Precompile MUL =
      new Fixed(Address.ofNumber(7), MUL_GAS) {
        @Override
        byte[] compute(byte[] input) throws Bn254Exception {
          return Bn254.mul(input);
        }
      };

  /** 0x08. */
  public static final Precompile PAIRING =
      new Precompile() {
        private final Address address = Address.ofNumber(8);

        @Override
        public Address address() {
          return address;
        }

        @Override
        public long gasCost(byte[] input) {
          return PAIRING_BASE_GAS + PAIRING_PER_PAIR_GAS * (input.length / 192);
        }

        @Override
        public PrecompileResult execute(byte[] input) {
          try {
            return PrecompileResult.success(Bn254.pairing(input));
          } catch (Bn254Exception e) {
            return PrecompileResult.halt();
          }
        }
      };

  private abstract static class Fixed implements Precompile {
    private final Address address;
    private final long gas;

    Fixed(Address address, long gas) {
      this.address = address;
      this.gas = gas;
    }

    abstract byte[] compute(byte[] input) throws Bn254Exception;

    @Override
    public Address address() {
      return address;
    }

    @Override
    public long gasCost(byte[] input) {
      return gas;
    }

    @Override
    public PrecompileResult execute(byte[] input) {
      try {
        return PrecompileResult.success(compute(input));
      } catch (Bn254Exception e) {
        return PrecompileResult.halt();
      }
    }
  }
}
