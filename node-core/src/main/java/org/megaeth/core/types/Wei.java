package org.megaeth.core.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount of ether in wei. Arithmetic is exact: an overflow or a negative result is an {@link
 * ArithmeticException}, since a balance that wraps is always a bug.
 */
public record Wei(UInt256 value) implements Comparable<Wei> {
  public static final Wei ZERO = new Wei(UInt256.ZERO);
  private static final BigInteger WEI_PER_ETH = BigInteger.TEN.pow(18);
  private static final BigInteger WEI_PER_GWEI = BigInteger.TEN.pow(9);

  public Wei {
    if (value == null) {
      throw new NullPointerException("value");
    }
  }

  public static Wei of(long wei) {
    if (wei < 0) {
      throw new ArithmeticException("negative wei: " + wei);
    }
    return new Wei(UInt256.valueOf(wei));
  }

  public static Wei of(UInt256 wei) {
    return new Wei(wei);
  }

  public static Wei of(BigInteger wei) {
    return new Wei(UInt256.fromBigInteger(wei));
  }

  public static Wei fromEth(long eth) {
    return of(BigInteger.valueOf(eth).multiply(WEI_PER_ETH));
  }

  public static Wei fromGwei(long gwei) {
    return of(BigInteger.valueOf(gwei).multiply(WEI_PER_GWEI));
  }

  public Wei add(Wei other) {
    return new Wei(value.addExact(other.value));
  }

  public Wei subtract(Wei other) {
    return new Wei(value.subtractExact(other.value));
  }

  public Wei multiply(long factor) {
    return new Wei(value.multiplyExact(UInt256.valueOf(factor)));
  }

  public boolean isZero() {
    return value.isZero();
  }

  public BigInteger toBigInteger() {
    return value.toBigInteger();
  }

  /** The amount in ether as a decimal string, for logs and the console. */
  public String toEthString() {
    return new BigDecimal(toBigInteger()).movePointLeft(18).stripTrailingZeros().toPlainString();
  }

  @Override
  public int compareTo(Wei other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toDecimalString() + " wei";
  }
}
