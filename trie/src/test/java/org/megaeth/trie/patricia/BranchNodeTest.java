package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BranchNodeTest {
  private static final byte[] VALUE = {0x42};

  @Test
  void shouldBuildBranchWithoutValueFieldWhenNoKeyEndsThere() {
    BranchNode branch = BranchNode.of(sixteen(3, 9), null);

    assertThat(branch.getClass()).isEqualTo(BranchNode.class);
    assertThat(branch.value()).isNull();
    assertThat(branch.entryCount()).isEqualTo(2);
    assertThat(branch.child(3)).isNotNull();
    assertThat(branch.child(4)).isNull();
  }

  @Test
  void shouldKeepValueWhenChildIsReplacedAddedOrRemoved() {
    BranchNode branch = BranchNode.of(sixteen(3, 9), VALUE);
    Node child = hashNode(7);

    BranchNode replaced = branch.withChild(3, child);
    BranchNode added = branch.withChild(12, child);
    BranchNode removed = branch.withChild(9, null);

    for (BranchNode b : new BranchNode[] {branch, replaced, added, removed}) {
      assertThat(b).isInstanceOf(ValueBranchNode.class);
      assertThat(b.value()).isSameAs(VALUE);
    }
    assertThat(replaced.child(3)).isSameAs(child);
    assertThat(added.child(12)).isSameAs(child);
    assertThat(added.entryCount()).isEqualTo(4);
    assertThat(removed.child(9)).isNull();
    assertThat(removed.entryCount()).isEqualTo(2);
  }

  @Test
  void shouldSwitchClassWhenValueIsSetOrCleared() {
    BranchNode plain = BranchNode.of(sixteen(0, 15), null);

    BranchNode withValue = plain.withValue(VALUE);
    BranchNode cleared = withValue.withValue(null);

    assertThat(withValue).isInstanceOf(ValueBranchNode.class);
    assertThat(withValue.value()).isSameAs(VALUE);
    assertThat(withValue.expand()).isEqualTo(plain.expand());
    assertThat(cleared.getClass()).isEqualTo(BranchNode.class);
    assertThat(cleared.value()).isNull();
    assertThat(cleared.expand()).isEqualTo(plain.expand());
  }

  private static Node[] sixteen(int... nibbles) {
    Node[] slots = new Node[16];
    for (int nibble : nibbles) {
      slots[nibble] = hashNode(nibble);
    }
    return slots;
  }

  private static Node hashNode(int fill) {
    byte[] hash = new byte[32];
    hash[0] = (byte) fill;
    return new HashNode(hash);
  }
}
