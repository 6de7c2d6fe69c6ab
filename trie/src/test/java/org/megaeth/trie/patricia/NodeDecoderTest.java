package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.util.Hex;

class NodeDecoderTest {
  private static Node decode(String hex) {
    byte[] encoding = Hex.decode(hex);
    return NodeDecoder.decode(encoding, Keccak.keccak256(encoding));
  }

  private static byte[] reencode(Node node) {
    return NodeEncoder.get().encodeToArray(node);
  }

  @Test
  void shouldReencodeIdenticallyWhenNodeIsALeaf() {
    // leaf: path [1,2,3] (odd, flag 3), value 0x05
    Node node = decode("0xc4823123" + "05");

    assertThat(node)
        .isInstanceOfSatisfying(LeafNode.class, l -> assertThat(l.path()).containsExactly(1, 2, 3));
    assertThat(reencode(node)).isEqualTo(Hex.decode("0xc482312305"));
  }

  @Test
  void shouldDecodeEmbeddedChildrenWhenBranchHoldsSmallLeaves() {
    // branch with two embedded leaves (path [], values 1 and 2) at slots 0 and 1
    String branch = "0xd5" + "c22001" + "c22002" + "80".repeat(14) + "80";
    Node node = decode(branch);

    assertThat(node).isInstanceOf(BranchNode.class);
    assertThat(((BranchNode) node).child(0)).isInstanceOf(LeafNode.class);
    assertThat(reencode(node)).isEqualTo(Hex.decode(branch));
  }

  @Test
  void shouldRejectEncodingWhenRlpIsNotCanonical() {
    // value 0x05 written as the one-byte string 0x8105
    assertThatThrownBy(() -> decode("0xc5823123" + "8105")).isInstanceOf(RlpException.class);
    // a short list written in long form
    assertThatThrownBy(() -> decode("0xf805823123" + "05")).isInstanceOf(RlpException.class);
  }

  @Test
  void shouldRejectNodeWhenStructureIsInvalid() {
    assertThatThrownBy(() -> decode("0xc3010203")).hasMessageContaining("3 items");
    assertThatThrownBy(() -> decode("0xc482412305")).hasMessageContaining("flag");
    assertThatThrownBy(() -> decode("0xc4820123" + "05")).hasMessageContaining("padding");
    assertThatThrownBy(() -> decode("0xc482312305" + "00")).isInstanceOf(RlpException.class);
    // branch with a single entry
    assertThatThrownBy(() -> decode("0xd3" + "c22001" + "80".repeat(15) + "80"))
        .hasMessageContaining("fewer than two");
    // child reference that is a 2-byte string
    assertThatThrownBy(() -> decode("0xd5" + "820102" + "c22002" + "80".repeat(14) + "80"))
        .hasMessageContaining("2-byte string");
  }
}
