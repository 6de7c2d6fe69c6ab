package org.megaeth.config.hd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP-39 mnemonics with the English word list: checking a mnemonic's words and checksum, and
 * turning it into the 64-byte seed that {@link ExtendedKey#master} takes.
 *
 * <p>The word list is the BIP's own (public domain), stored as a resource; its SHA-256 is pinned by
 * a test.
 */
public final class Bip39 {
  /** PBKDF2 iterations and output size fixed by BIP-39. */
  private static final int PBKDF2_ITERATIONS = 2048;

  private static final int SEED_BITS = 512;
  private static final int WORD_BITS = 11;

  private static final List<String> WORDS = loadWordlist();
  private static final Map<String, Integer> INDEX = index(WORDS);

  private Bip39() {}

  /** The 2048 English words in BIP-39 order. */
  public static List<String> englishWordlist() {
    return WORDS;
  }

  /**
   * The form BIP-39 hashes: Unicode NFKD, words separated by single spaces. Extra or unusual
   * whitespace in a pasted mnemonic must not change the seed (ethers and viem do the same).
   */
  public static String normalize(String mnemonic) {
    String nfkd = Normalizer.normalize(mnemonic, Normalizer.Form.NFKD).strip();
    return nfkd.isEmpty() ? "" : String.join(" ", nfkd.split("\\s+"));
  }

  /**
   * What is wrong with {@code mnemonic}, phrased to follow the option name ({@code "has an unknown
   * word 3 ..."}), or empty when its word count, words and checksum are all valid.
   */
  public static Optional<String> findProblem(String mnemonic) {
    String normalized = normalize(mnemonic);
    String[] words = normalized.isEmpty() ? new String[0] : normalized.split(" ");
    if (words.length < 12 || words.length > 24 || words.length % 3 != 0) {
      return Optional.of("must have 12, 15, 18, 21 or 24 words, got " + words.length);
    }
    for (int i = 0; i < words.length; i++) {
      if (!INDEX.containsKey(words[i])) {
        String hint =
            INDEX.containsKey(words[i].toLowerCase(Locale.ROOT)) ? "; words are lower case" : "";
        return Optional.of(
            "has an unknown word "
                + (i + 1)
                + " \""
                + words[i]
                + "\" (not in the BIP-39 English word list"
                + hint
                + ")");
      }
    }
    if (!checksumMatches(words)) {
      return Optional.of("has a bad checksum (a word is mistyped or out of order)");
    }
    return Optional.empty();
  }

  /**
   * The entropy a valid mnemonic encodes.
   *
   * @throws IllegalArgumentException with {@link #findProblem}'s message when it is not valid
   */
  public static byte[] toEntropy(String mnemonic) {
    Optional<String> problem = findProblem(mnemonic);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("mnemonic " + problem.get());
    }
    return split(normalize(mnemonic).split(" "))[0];
  }

  /** The mnemonic for 16, 20, 24, 28 or 32 bytes of entropy. */
  public static String fromEntropy(byte[] entropy) {
    if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
      throw new IllegalArgumentException(
          "BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, got " + entropy.length);
    }
    int checksumBits = entropy.length * 8 / 32;
    byte[] hash = sha256(entropy);
    int totalBits = entropy.length * 8 + checksumBits;
    List<String> words = new ArrayList<>();
    for (int start = 0; start < totalBits; start += WORD_BITS) {
      int index = 0;
      for (int bit = start; bit < start + WORD_BITS; bit++) {
        boolean set =
            bit < entropy.length * 8 ? bitAt(entropy, bit) : bitAt(hash, bit - entropy.length * 8);
        index = (index << 1) | (set ? 1 : 0);
      }
      words.add(WORDS.get(index));
    }
    return String.join(" ", words);
  }

  /**
   * The 64-byte seed: PBKDF2-HMAC-SHA512 over the normalized mnemonic, salt {@code "mnemonic" +
   * passphrase}, 2048 iterations. BIP-39 derives the seed from any sentence; call {@link
   * #findProblem} first to reject typos.
   */
  public static byte[] seed(String mnemonic, String passphrase) {
    byte[] password = normalize(mnemonic).getBytes(StandardCharsets.UTF_8);
    byte[] salt =
        ("mnemonic" + Normalizer.normalize(passphrase, Normalizer.Form.NFKD))
            .getBytes(StandardCharsets.UTF_8);
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
    generator.init(password, salt, PBKDF2_ITERATIONS);
    return ((KeyParameter) generator.generateDerivedParameters(SEED_BITS)).getKey();
  }

  private static boolean checksumMatches(String[] words) {
    byte[][] parts = split(words);
    byte[] entropy = parts[0];
    byte[] checksum = parts[1];
    int checksumBits = words.length * WORD_BITS / 33;
    byte[] hash = sha256(entropy);
    for (int bit = 0; bit < checksumBits; bit++) {
      if (bitAt(hash, bit) != bitAt(checksum, bit)) {
        return false;
      }
    }
    return true;
  }

  /** The words' bits split into entropy and checksum (left-aligned in its own array). */
  private static byte[][] split(String[] words) {
    int totalBits = words.length * WORD_BITS;
    int checksumBits = totalBits / 33;
    int entropyBits = totalBits - checksumBits;
    byte[] entropy = new byte[entropyBits / 8];
    byte[] checksum = new byte[1];
    for (int w = 0; w < words.length; w++) {
      int index = INDEX.get(words[w]);
      for (int b = 0; b < WORD_BITS; b++) {
        int bit = w * WORD_BITS + b;
        boolean set = ((index >>> (WORD_BITS - 1 - b)) & 1) == 1;
        if (!set) {
          continue;
        }
        if (bit < entropyBits) {
          entropy[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        } else {
          int c = bit - entropyBits;
          checksum[c / 8] |= (byte) (0x80 >>> (c % 8));
        }
      }
    }
    return new byte[][] {entropy, checksum};
  }

  private static boolean bitAt(byte[] bytes, int bit) {
    return ((bytes[bit / 8] >>> (7 - bit % 8)) & 1) == 1;
  }

  private static byte[] sha256(byte[] data) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  private static List<String> loadWordlist() {
    try (InputStream in = Bip39.class.getResourceAsStream("bip39-english.txt")) {
      if (in == null) {
        throw new IllegalStateException("bip39-english.txt is missing from the config jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> words = reader.lines().map(String::strip).filter(w -> !w.isEmpty()).toList();
      if (words.size() != 2048) {
        throw new IllegalStateException(
            "bip39-english.txt has " + words.size() + " words, expected 2048");
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bip39-english.txt", e);
    }
  }

  private static Map<String, Integer> index(List<String> words) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      index.put(words.get(i), i);
    }
    return Map.copyOf(index);
  }
}
