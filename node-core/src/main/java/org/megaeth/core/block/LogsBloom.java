package org.megaeth.core.block;

import java.util.Arrays;
import java.util.Collection;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.util.Hex;

/**
 * The 2048-bit logs bloom filter of a receipt or a block: for each log address and topic, three
 * bits chosen by the first six bytes of its keccak hash are set.
 */
public final class LogsBloom {
  public static final int SIZE = 256;
  public static final LogsBloom EMPTY = new LogsBloom(new byte[SIZE]);

  private final byte[] bits;

  private LogsBloom(byte[] bits) {
    this.bits = bits;
  }

  public static LogsBloom of(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a logs bloom is 256 bytes, got " + bytes.size());
    }
    return new LogsBloom(bytes.toArray());
  }

  /** The bloom of a list of logs. */
  public static LogsBloom of(Collection<Log> logs) {
    Builder builder = new Builder();
    logs.forEach(builder::add);
    return builder.build();
  }

  /** True when {@code value}'s three bits are all set (it may be in the set; false: it is not). */
  public boolean mightContain(Bytes value) {
    byte[] hash = Keccak.keccak256(value.toArrayUnsafe());
    for (int i = 0; i < 6; i += 2) {
      int bit = bitIndex(hash, i);
      if ((bits[SIZE - 1 - bit / 8] & (1 << (bit % 8))) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The bloom bit chosen by hash bytes {@code i} and {@code i + 1}: their low 11 bits. */
  private static int bitIndex(byte[] hash, int i) {
    return ((hash[i] & 0xFF) << 8 | (hash[i + 1] & 0xFF)) & 2047;
  }

  public boolean mightContain(Address address) {
    return mightContain(address.bytes());
  }

  public boolean mightContain(Hash topic) {
    return mightContain(topic.bytes());
  }

  /** True when every bit set in {@code other} is set here (for block-level filtering). */
  public boolean containsAll(LogsBloom other) {
    for (int i = 0; i < SIZE; i++) {
      if ((bits[i] & other.bits[i]) != other.bits[i]) {
        return false;
      }
    }
    return true;
  }

  public Bytes bytes() {
    return Bytes.wrap(bits);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogsBloom b && Arrays.equals(bits, b.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return Hex.encode(bits);
  }

  /**
   * The three bits of {@code value}, 11 bits each in the low 33 bits, from the recently seen values
   * ({@link #RECENT}) or its keccak, computed into {@code scratch}.
   */
  private static long chosenBits(byte[] value, byte[] scratch) {
    int slot = recentSlot(value);
    Recent recent = RECENT[slot];
    if (recent != null && Arrays.equals(recent.value, value)) {
      return recent.bits;
    }
    Keccak.keccak256(value, 0, value.length, scratch, 0);
    long chosen = 0;
    for (int i = 0; i < 3; i++) {
      chosen |= (long) bitIndex(scratch, 2 * i) << (11 * i);
    }
    RECENT[slot] = new Recent(value.clone(), chosen);
    return chosen;
  }

  /**
   * The bits of values seen recently, by a hash of their last bytes (addresses in topics are padded
   * at the front): most logs repeat an address and a first topic (a token contract and its {@code
   * Transfer} event, in every ERC-20 transfer), and each costs a keccak; the four keccaks of a
   * transfer's one log were about a seventh of the cost of executing it.
   *
   * <p>Shared by all threads without a lock: an entry is immutable (final fields, so a thread that
   * sees the reference sees it whole), and a lost or overwritten entry only costs a keccak.
   */
  private static final Recent[] RECENT = new Recent[1024];

  private record Recent(byte[] value, long bits) {}

  private static int recentSlot(byte[] value) {
    int n = value.length;
    int h = n;
    for (int i = Math.max(0, n - 8); i < n; i++) {
      h = 31 * h + value[i];
    }
    return (h ^ (h >>> 10)) & (RECENT.length - 1);
  }

  /** Accumulates logs (or whole blooms) into one filter. */
  public static final class Builder {
    private final byte[] bits = new byte[SIZE];
    private final byte[] hash = new byte[32];

    public Builder add(Log log) {
      addValue(log.address().bytes());
      for (Hash topic : log.topics()) {
        addValue(topic.bytes());
      }
      return this;
    }

    public Builder add(LogsBloom bloom) {
      for (int i = 0; i < SIZE; i++) {
        bits[i] |= bloom.bits[i];
      }
      return this;
    }

    private void addValue(Bytes value) {
      long chosen = chosenBits(value.toArrayUnsafe(), hash);
      for (int i = 0; i < 3; i++) {
        int bit = (int) (chosen >>> (11 * i)) & 2047;
        bits[SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
      }
    }

    public LogsBloom build() {
      return new LogsBloom(bits.clone());
    }
  }
}
