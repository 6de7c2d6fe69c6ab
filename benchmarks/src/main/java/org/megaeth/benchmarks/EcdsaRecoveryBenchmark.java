package org.megaeth.benchmarks;

import java.util.concurrent.TimeUnit;
import org.megaeth.core.crypto.JavaSecp256k1;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.PublicKey;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.crypto.SignatureAlgorithm;
import org.megaeth.core.types.Hash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sender recovery, the per-transaction cost of ingress: native libsecp256k1 against the pure-Java
 * BouncyCastle fallback, on the same signature in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EcdsaRecoveryBenchmark {
  private final SignatureAlgorithm nativeImpl = Secp256k1.instance();
  private final SignatureAlgorithm javaImpl = new JavaSecp256k1();
  private Hash digest;
  private Signature signature;

  @Setup
  public void setUp() {
    SecretKey key =
        SecretKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    digest = Keccak.hash(new byte[] {1, 2, 3});
    signature = nativeImpl.sign(digest, key);
    if (!"libsecp256k1".equals(nativeImpl.name())) {
      throw new IllegalStateException("native secp256k1 not loaded: " + nativeImpl.name());
    }
  }

  @Benchmark
  public PublicKey recoverNative() {
    return nativeImpl.recover(digest, signature).orElseThrow();
  }

  @Benchmark
  public PublicKey recoverJava() {
    return javaImpl.recover(digest, signature).orElseThrow();
  }

  @Benchmark
  public Signature signNative() {
    return nativeImpl.sign(digest, KEY);
  }

  private static final SecretKey KEY =
      SecretKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
}
