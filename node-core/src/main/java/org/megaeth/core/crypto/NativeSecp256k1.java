package org.megaeth.core.crypto;

import java.io.IOException;
import java.util.Optional;
import org.megaeth.core.types.Hash;
import org.megaeth.core.util.NativeLibraryDirectory;

/** libsecp256k1 through ACINQ's JNI binding. Created only by {@link #load()} once it works. */
final class NativeSecp256k1 implements SignatureAlgorithm {
  private final fr.acinq.secp256k1.Secp256k1 lib;

  private NativeSecp256k1(fr.acinq.secp256k1.Secp256k1 lib) {
    this.lib = lib;
  }

  /**
   * ACINQ's loader extracts the library into the directory this property names (default {@code
   * java.io.tmpdir}) and leaves it there when the process is killed.
   */
  private static final String EXTRACT_DIR_PROPERTY = "fr.acinq.secp256k1.tmpdir";

  /** The native implementation, or empty when its library does not load on this platform. */
  static Optional<SignatureAlgorithm> load() {
    if (System.getProperty(EXTRACT_DIR_PROPERTY) != null) {
      return loadLibrary(); // the operator chose where it goes
    }
    try (NativeLibraryDirectory dir = NativeLibraryDirectory.create("megaeth-secp256k1-")) {
      System.setProperty(EXTRACT_DIR_PROPERTY, dir.path().toString());
      try {
        return loadLibrary(); // loaded (or not) before the directory is deleted
      } finally {
        System.clearProperty(EXTRACT_DIR_PROPERTY);
      }
    } catch (IOException noTemporaryDirectory) {
      return loadLibrary();
    }
  }

  private static Optional<SignatureAlgorithm> loadLibrary() {
    try {
      fr.acinq.secp256k1.Secp256k1 lib = fr.acinq.secp256k1.Secp256k1.get();
      // A round trip proves the library is really usable, not just linked.
      byte[] one = new byte[32];
      one[31] = 1;
      lib.pubkeyCreate(one);
      return Optional.of(new NativeSecp256k1(lib));
    } catch (Throwable unavailable) { // UnsatisfiedLinkError, missing classifier jar, ...
      return Optional.empty();
    }
  }

  @Override
  public String name() {
    return "libsecp256k1";
  }

  @Override
  public Signature sign(Hash digest, SecretKey key) {
    // RFC 6979 with no extra entropy (null), already low-s.
    byte[] compact = lib.sign(digest.toArray(), key.toArray(), null);
    PublicKey expected = publicKey(key);
    for (int recId = 0; recId < 2; recId++) {
      Signature candidate = Signature.fromCompact(compact, recId);
      if (recover(digest, candidate).filter(expected::equals).isPresent()) {
        return candidate;
      }
    }
    throw new IllegalStateException("no recovery id reproduces the signing key");
  }

  @Override
  public Optional<PublicKey> recover(Hash digest, Signature signature) {
    if (!signature.hasValidRange()) {
      return Optional.empty();
    }
    try {
      // libsecp256k1 refuses high-s signatures in recovery; s -> n - s with the other
      // recovery id describes the same R and so the same key.
      Signature lowS = signature.normalized();
      byte[] pub = lib.ecdsaRecover(lowS.toCompact(), digest.toArray(), lowS.recId());
      return Optional.of(PublicKey.of(pub));
    } catch (RuntimeException invalid) { // Secp256k1Exception: no key for this signature
      return Optional.empty();
    }
  }

  @Override
  public PublicKey publicKey(SecretKey key) {
    return PublicKey.of(lib.pubkeyCreate(key.toArray()));
  }
}
