package org.megaeth.config.hd;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.SecretKey;

/**
 * A BIP-32 extended private key (key and chain code) on secp256k1, with child derivation. Only the
 * private derivation is implemented: the node derives dev accounts, it never watches xpubs.
 */
public final class ExtendedKey {
  /** Indexes from 2^31 up are hardened (written {@code 44'}). */
  public static final int HARDENED = 0x80000000;

  private static final byte[] MASTER_HMAC_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);
  private static final BigInteger N = Secp256k1.CURVE_ORDER.toBigInteger();
  private static final long HARDENED_LIMIT = 1L << 31;

  private final byte[] key;
  private final byte[] chainCode;

  private ExtendedKey(byte[] key, byte[] chainCode) {
    this.key = key;
    this.chainCode = chainCode;
  }

  /** The master key of a BIP-39 (or any 16 to 64 byte) seed. */
  public static ExtendedKey master(byte[] seed) {
    if (seed.length < 16 || seed.length > 64) {
      throw new IllegalArgumentException("a BIP-32 seed is 16 to 64 bytes, got " + seed.length);
    }
    byte[] i = hmacSha512(MASTER_HMAC_KEY, seed);
    byte[] il = Arrays.copyOfRange(i, 0, 32);
    BigInteger k = new BigInteger(1, il);
    if (k.signum() == 0 || k.compareTo(N) >= 0) {
      // BIP-32: probability below 2^-127; such a seed has no master key.
      throw new IllegalArgumentException("this seed gives an invalid BIP-32 master key");
    }
    return new ExtendedKey(il, Arrays.copyOfRange(i, 32, 64));
  }

  /** The child at {@code index}; an index with {@link #HARDENED} set derives a hardened child. */
  public ExtendedKey child(int index) {
    byte[] data = new byte[37];
    if ((index & HARDENED) != 0) {
      System.arraycopy(key, 0, data, 1, 32); // 0x00 || ser256(k)
    } else {
      System.arraycopy(compressedPublicKey(), 0, data, 0, 33);
    }
    data[33] = (byte) (index >>> 24);
    data[34] = (byte) (index >>> 16);
    data[35] = (byte) (index >>> 8);
    data[36] = (byte) index;
    byte[] i = hmacSha512(chainCode, data);
    BigInteger il = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
    BigInteger childKey = il.add(new BigInteger(1, key)).mod(N);
    if (il.compareTo(N) >= 0 || childKey.signum() == 0) {
      // BIP-32 says to skip to the next index; it happens with probability below 2^-127.
      throw new IllegalStateException(
          "BIP-32 child " + Integer.toUnsignedString(index) + " is invalid; use the next index");
    }
    return new ExtendedKey(toBytes32(childKey), Arrays.copyOfRange(i, 32, 64));
  }

  /**
   * The key at {@code path}, such as {@code m/44'/60'/0'/0/0} ({@code h} or {@code H} also mark a
   * hardened step), relative to this key, which must be the master.
   */
  public ExtendedKey derive(String path) {
    String[] steps = path.strip().split("/");
    if (!steps[0].equals("m")) {
      throw new IllegalArgumentException("a derivation path starts with m/, got \"" + path + "\"");
    }
    ExtendedKey current = this;
    for (int s = 1; s < steps.length; s++) {
      current = current.child(parseStep(steps[s], path));
    }
    return current;
  }

  public SecretKey secretKey() {
    return SecretKey.of(key);
  }

  public byte[] chainCode() {
    return chainCode.clone();
  }

  /** SEC1 compressed public key: 0x02 or 0x03 (y's parity), then x. */
  public byte[] compressedPublicKey() {
    byte[] xy = Secp256k1.instance().publicKey(secretKey()).toArray();
    byte[] out = new byte[33];
    out[0] = (byte) (0x02 | (xy[63] & 1));
    System.arraycopy(xy, 0, out, 1, 32);
    return out;
  }

  @Override
  public String toString() {
    return "ExtendedKey[redacted]";
  }

  private static int parseStep(String step, String path) {
    boolean hardened = step.endsWith("'") || step.endsWith("h") || step.endsWith("H");
    String digits = hardened ? step.substring(0, step.length() - 1) : step;
    if (!digits.matches("[0-9]{1,10}")) {
      throw new IllegalArgumentException(
          "bad step \"" + step + "\" in derivation path \"" + path + "\"");
    }
    long index = Long.parseLong(digits);
    if (index >= HARDENED_LIMIT) {
      throw new IllegalArgumentException(
          "step \"" + step + "\" in derivation path \"" + path + "\" is above 2^31 - 1");
    }
    return hardened ? (int) index | HARDENED : (int) index;
  }

  private static byte[] hmacSha512(byte[] hmacKey, byte[] data) {
    HMac mac = new HMac(new SHA512Digest());
    mac.init(new KeyParameter(hmacKey));
    mac.update(data, 0, data.length);
    byte[] out = new byte[64];
    mac.doFinal(out, 0);
    return out;
  }

  private static byte[] toBytes32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }
}
