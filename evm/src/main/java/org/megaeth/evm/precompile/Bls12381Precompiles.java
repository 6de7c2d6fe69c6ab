package org.megaeth.evm.precompile;

import org.megaeth.core.types.Address;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.precompile.bls12381.Bls12381;
import org.megaeth.evm.precompile.bls12381.Bls12381Exception;

/**
 * The seven EIP-2537 BLS12-381 precompiles of Prague (0x0b-0x11) at their final Pectra prices, over
 * {@link Bls12381}. An invalid input halts and consumes all gas.
 */
public final class Bls12381Precompiles {
  /** EIP-2537 BLS12_G1ADD. */
  public static final long G1ADD_GAS = 375;

  /** EIP-2537 BLS12_G2ADD. */
  public static final long G2ADD_GAS = 600;

  /** EIP-2537: the price of one G1 multiplication, the base of the G1MSM formula. */
  public static final long G1MUL_GAS = 12_000;

  /** EIP-2537: the price of one G2 multiplication, the base of the G2MSM formula. */
  public static final long G2MUL_GAS = 22_500;

  /** EIP-2537 BLS12_PAIRING_CHECK: 32600 * k + 37700. */
  public static final long PAIRING_PER_PAIR_GAS = 32_600;

  public static final long PAIRING_BASE_GAS = 37_700;

  /** EIP-2537 BLS12_MAP_FP_TO_G1. */
  public static final long MAP_FP_TO_G1_GAS = 5_500;

  /** EIP-2537 BLS12_MAP_FP2_TO_G2. */
  public static final long MAP_FP2_TO_G2_GAS = 23_800;

  /** EIP-2537: MSM cost = k * multiplication cost * discount(k) / 1000. */
  public static final long MSM_MULTIPLIER = 1000;

  /** EIP-2537 G1MSM discounts for k = 1..128; k above 128 uses the last entry (519). */
  static final int[] G1_MSM_DISCOUNT = {
    1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677, 673, 669, 665,
    661, 658, 654, 651, 648, 645, 642, 640, 637, 635, 632, 630, 627, 625, 623, 621, 619, 617, 615,
    613, 611, 609, 608, 606, 604, 603, 601, 599, 598, 596, 595, 593, 592, 591, 589, 588, 586, 585,
    584, 582, 581, 580, 579, 577, 576, 575, 574, 573, 572, 570, 569, 568, 567, 566, 565, 564, 563,
    562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547, 547, 546, 545,
    544, 543, 542, 541, 540, 540, 539, 538, 537, 536, 536, 535, 534, 533, 532, 532, 531, 530, 529,
    528, 528, 527, 526, 525, 525, 524, 523, 522, 522, 521, 520, 520, 519
  };

  /** EIP-2537 G2MSM discounts for k = 1..128; k above 128 uses the last entry (524). */
  static final int[] G2_MSM_DISCOUNT = {
    1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717, 711, 704, 699,
    693, 688, 683, 679, 674, 670, 666, 663, 659, 655, 652, 649, 646, 643, 640, 637, 634, 632, 629,
    627, 624, 622, 620, 618, 615, 613, 611, 609, 607, 606, 604, 602, 600, 598, 597, 595, 593, 592,
    590, 589, 587, 586, 584, 583, 582, 580, 579, 578, 576, 575, 574, 573, 571, 570, 569, 568, 567,
    566, 565, 563, 562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 552, 551, 550, 549, 548,
    547, 546, 545, 545, 544, 543, 542, 541, 541, 540, 539, 538, 537, 537, 536, 535, 535, 534, 533,
    532, 532, 531, 530, 530, 529, 528, 528, 527, 526, 526, 525, 524, 524
  };

  private Bls12381Precompiles() {}

  /** 0x0b. */
  public static final Precompile G1ADD =
      new Bls(0x0b) {
        @Override
        public long gasCost(byte[] input) {
          return G1ADD_GAS;
        }

        @Override
        byte[] compute(byte[] input) throws Bls12381Exception {
          return Bls12381.g1Add(input);
        }
      };

  /** 0x0c. */
  public static final Precompile G1MSM =
      new Bls(0x0c) {
        @Override
        public long gasCost(byte[] input) {
          return msmGas(input.length / Bls12381.G1_MSM_PAIR_LENGTH, G1MUL_GAS, G1_MSM_DISCOUNT);
        }

        @Override
        byte[] compute(byte[] input) throws Bls12381Exception {
          return Bls12381.g1Msm(input);
        }
      };

  /** 0x0d. */
  public static final Precompile G2ADD =
      new Bls(0x0d) {
        @Override
        public long gasCost(byte[] input) {
          return G2ADD_GAS;
        }

        @Override
        byte[] compute(byte[] input) throws Bls12381Exception {
          return Bls12381.g2Add(input);
        }
      };

  /** 0x0e. */
  public static final Precompile G2MSM =
      new Bls(0x0e) {
        @Override
        public long gasCost(byte[] input) {
          return msmGas(input.length / Bls12381.G2_MSM_PAIR_LENGTH, G2MUL_GAS, G2_MSM_DISCOUNT);
        }

        @Override
        byte[] compute(byte[] input) throws Bls12381Exception {
          return Bls12381.g2Msm(input);
        }
      };

  /** 0x0f. */
  public static final Precompile PAIRING_CHECK =
      new Bls(0x0f) {
        @Override
        public long gasCost(byte[] input) {
          long k = input.length / Bls12381.PAIR_LENGTH;
          return Gas.add(Gas.mul(k, PAIRING_PER_PAIR_GAS), PAIRING_BASE_GAS);
        }

        @Override
        byte[] compute(byte[] input) throws Bls12381Exception {
          return Bls12381.pairingCheck(input);
        }
      };

  /** 0x10. */
  public static final Precompile MAP_FP_TO_G1 =
      new Bls(0x10) {
        @Override
        public long gasCost(byte[] input) {
          return MAP_FP_TO_G1_GAS;
        }

        @Override
        byte[] compute(byte[] input) throws Bls12381Exception {
          return Bls12381.mapFpToG1(input);
        }
      };

  /** 0x11. */
  public static final Precompile MAP_FP2_TO_G2 =
      new Bls(0x11) {
        @Override
        public long gasCost(byte[] input) {
          return MAP_FP2_TO_G2_GAS;
        }

        @Override
        byte[] compute(byte[] input) throws Bls12381Exception {
          return Bls12381.mapFp2ToG2(input);
        }
      };

  /**
   * EIP-2537 MSM pricing for {@code k} pairs (the input length divided by the pair length, rounded
   * down): 0 for k = 0, whose input is then refused anyway.
   */
  static long msmGas(long k, long multiplicationGas, int[] discounts) {
    if (k == 0) {
      return 0;
    }
    long discount = discounts[(int) Math.min(k, discounts.length) - 1];
    return Gas.mul(Gas.mul(k, multiplicationGas), discount) / MSM_MULTIPLIER;
  }

  private abstract static class Bls implements Precompile {
    private final Address address;

    Bls(int address) {
      this.address = Address.ofNumber(address);
    }

    abstract byte[] compute(byte[] input) throws Bls12381Exception;

    @Override
    public Address address() {
      return address;
    }

    @Override
    public PrecompileResult execute(byte[] input) {
      try {
        return PrecompileResult.success(compute(input));
      } catch (Bls12381Exception e) {
        return PrecompileResult.halt();
      }
    }
  }
}
