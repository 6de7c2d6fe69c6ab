package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;

/**
 * A node's reference lives in four longs and one byte of flags, with no array: a hash, an embedded
 * encoding of up to 31 bytes, or, while a new leaf is dirty, the path it was written with.
 */
class NodeTest {
  @Property(tries = 300)
  void shouldGiveBackAnEmbeddedEncodingOfAnyLengthBelowAHash(
      @ForAll("embeddings") byte[] encoding, @ForAll boolean persisted) {
    Node node = new HashNode(new byte[32]); // any kind: the reference is Node's
    if (!persisted) {
      node = new ExtensionNode(new byte[] {1}, node);
    }
    node.setEmbedded(encoding, 0, encoding.length);

    assertThat(node.isDirty()).isFalse();
    assertThat(node.isHashed()).isFalse();
    assertThat(node.isPersisted()).isEqualTo(persisted);
    assertThat(node.ref()).containsExactly(encoding);
    assertThat(node.refItemLength()).isEqualTo(encoding.length);
    assertThat(node.refEquals(encoding.clone())).isTrue();
    byte[] other = encoding.clone();
    other[other.length - 1] ^= 1;
    assertThat(node.refEquals(other)).isFalse();
    assertThat(node.refEquals(Arrays.copyOf(encoding, encoding.length + 1))).isFalse();

    byte[] into = new byte[40];
    assertThat(node.copyEmbedded(into, 3)).isEqualTo(encoding.length);
    assertThat(Arrays.copyOfRange(into, 3, 3 + encoding.length)).containsExactly(encoding);
  }

  @Test
  void shouldRefuseAnEmbeddingOfAHashLengthOrMore() {
    Node node = new ExtensionNode(new byte[] {1}, new HashNode(new byte[32]));
    assertThatThrownBy(() -> node.setEmbedded(new byte[32], 0, 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> node.setEmbedded(new byte[1], 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 100)
  void shouldKeepAStashedPathUntilTheHashReplacesIt(@ForAll("keys") byte[] key) {
    byte[] path = Nibbles.fromBytes(Keccak.keccak256(key));
    LeafNode leaf = LeafNode.ofPreimage(key, new byte[] {1}, 2, path);

    assertThat(leaf.isStashed()).isTrue();
    assertThat(leaf.isDirty()).isTrue();
    assertThat(leaf.ref()).isNull();
    assertThat(leaf.path()).containsExactly(path);
    assertThat(leaf.path(new byte[64])).containsExactly(path);

    byte[] hash = Keccak.keccak256(path);
    leaf.setHash(hash, 0);
    assertThat(leaf.isStashed()).isFalse();
    assertThat(leaf.isDirty()).isFalse();
    assertThat(leaf.ref()).containsExactly(hash);
    assertThat(leaf.path()).containsExactly(path); // from the preimage again
  }

  @Provide
  Arbitrary<byte[]> embeddings() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(Node.MAX_EMBEDDED);
  }

  @Provide
  Arbitrary<byte[]> keys() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40);
  }
}
