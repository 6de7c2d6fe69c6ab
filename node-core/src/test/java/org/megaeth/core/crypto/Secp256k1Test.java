package org.megaeth.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

class Secp256k1Test {
  private static final SignatureAlgorithm JAVA = new JavaSecp256k1();
  private static final SignatureAlgorithm NATIVE = NativeSecp256k1.load().orElse(JAVA);

  private static final SecretKey ANVIL_0 =
      SecretKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  @Test
  void shouldUseTheNativeLibraryOnLinux() {
    // Native recovery is several times faster; losing it silently would be a performance bug.
    assertThat(Secp256k1.instance().name()).isEqualTo("libsecp256k1");
  }

  @Test
  void shouldDeriveTheWellKnownDevAccountAddress() {
    assertThat(KeyPair.of(ANVIL_0).address())
        .isEqualTo(Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    assertThat(JAVA.publicKey(ANVIL_0)).isEqualTo(NATIVE.publicKey(ANVIL_0));
  }

  @Property(tries = 200)
  void shouldRecoverTheSignerWithBothImplementations(
      @ForAll("keys") SecretKey key, @ForAll("digests") Hash digest) {
    Signature nativeSig = NATIVE.sign(digest, key);
    Signature javaSig = JAVA.sign(digest, key);
    // Both are RFC 6979 with low s, so they are the same signature.
    assertThat(javaSig).isEqualTo(nativeSig);
    assertThat(nativeSig.isLowS()).isTrue();
    PublicKey expected = JAVA.publicKey(key);
    assertThat(NATIVE.recover(digest, nativeSig)).contains(expected);
    assertThat(JAVA.recover(digest, nativeSig)).contains(expected);
  }

  @Property(tries = 200)
  void shouldAgreeOnArbitrarySignatures(
      @ForAll("digests") Hash digest,
      @ForAll("scalars") UInt256 r,
      @ForAll("scalars") UInt256 s,
      @ForAll boolean odd) {
    // Random (r, s) pairs recover to some key or to none; both implementations must say the same.
    Signature sig = new Signature(r, s, odd ? 1 : 0);
    Optional<PublicKey> fromNative = NATIVE.recover(digest, sig);
    assertThat(JAVA.recover(digest, sig)).isEqualTo(fromNative);
  }

  @Property(tries = 50)
  void shouldRecoverTheSameKeyFromTheHighSTwin(
      @ForAll("keys") SecretKey key, @ForAll("digests") Hash digest) {
    Signature low = NATIVE.sign(digest, key);
    Signature high =
        new Signature(low.r(), Secp256k1.CURVE_ORDER.subtract(low.s()), low.recId() ^ 1);
    assertThat(high.isLowS()).isFalse();
    assertThat(NATIVE.recover(digest, high)).isEqualTo(NATIVE.recover(digest, low));
    assertThat(JAVA.recover(digest, high)).isEqualTo(JAVA.recover(digest, low));
  }

  @Test
  void shouldRecoverNothingWhenROrSIsOutOfRange() {
    Hash digest = Keccak.hash(new byte[] {1});
    for (SignatureAlgorithm impl : new SignatureAlgorithm[] {NATIVE, JAVA}) {
      assertThat(impl.recover(digest, new Signature(UInt256.ZERO, UInt256.ONE, 0))).isEmpty();
      assertThat(impl.recover(digest, new Signature(UInt256.ONE, UInt256.ZERO, 0))).isEmpty();
      assertThat(impl.recover(digest, new Signature(Secp256k1.CURVE_ORDER, UInt256.ONE, 0)))
          .isEmpty();
    }
  }

  @Test
  void shouldNeverPrintASecretKey() {
    assertThat(ANVIL_0.toString()).doesNotContain("ac0974");
    assertThat(KeyPair.of(ANVIL_0).toString()).doesNotContain("ac0974");
  }

  @Provide
  Arbitrary<SecretKey> keys() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(32)
        .filter(b -> !UInt256.fromBytes(b).isZero())
        .filter(b -> UInt256.fromBytes(b).compareTo(Secp256k1.CURVE_ORDER) < 0)
        .map(SecretKey::of);
  }

  @Provide
  Arbitrary<Hash> digests() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
  }

  @Provide
  Arbitrary<UInt256> scalars() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(UInt256::fromBytes);
  }
}
