package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BranchNodeTest {
  private static final byte[] VALUE = {0x42};

  @Test
  void shouldHoldChildrenInFieldsWhenBranchHasTwoOrThreeAndNoValue() {
    Node[] twoSlots = sixteen(3, 9);
    Node[] threeSlots = sixteen(0, 9, 15);
    BranchNode two = BranchNode.of(twoSlots, null);
    BranchNode three = BranchNode.of(threeSlots, null);

    assertThat(two).isInstanceOf(SmallBranchNode.class);
    assertThat(three).isInstanceOf(SmallBranchNode.class);
    assertThat(two.value()).isNull();
    assertThat(two.entryCount()).isEqualTo(2);
    assertThat(three.entryCount()).isEqualTo(3);
    assertThat(two.expand()).isEqualTo(twoSlots);
    assertThat(three.expand()).isEqualTo(threeSlots);
    assertThat(two.child(4)).isNull();
  }

  @Test
  void shouldMoveBetweenFieldsAndArrayWhenChildCountCrossesFour() {
    Node[] slots = sixteen(1, 5, 9);
    BranchNode three = BranchNode.of(slots, null);
    Node seven = hashNode(7);
    Node fiftyFive = hashNode(55);

    BranchNode four = three.withChild(7, seven);
    BranchNode replaced = four.withChild(5, fiftyFive);
    BranchNode backToThree = replaced.withChild(1, null);
    BranchNode two = backToThree.withChild(9, null);

    assertThat(four).isInstanceOf(ArrayBranchNode.class);
    slots[7] = seven;
    assertThat(four.expand()).isEqualTo(slots);
    assertThat(replaced).isInstanceOf(ArrayBranchNode.class);
    slots[5] = fiftyFive;
    assertThat(replaced.expand()).isEqualTo(slots);
    assertThat(backToThree).isInstanceOf(SmallBranchNode.class);
    slots[1] = null;
    assertThat(backToThree.expand()).isEqualTo(slots);
    assertThat(two).isInstanceOf(SmallBranchNode.class);
    slots[9] = null;
    assertThat(two.expand()).isEqualTo(slots);
    assertThat(two.childCount()).isEqualTo(2);
  }

  @Test
  void shouldReplaceEachFieldWhenSmallBranchChildIsUpdated() {
    Node[] slots = sixteen(2, 4, 6);
    BranchNode three = BranchNode.of(slots, null);

    for (int nibble : new int[] {2, 4, 6}) {
      Node child = hashNode(100 + nibble);
      BranchNode updated = three.withChild(nibble, child);
      Node[] expected = slots.clone();
      expected[nibble] = child;

      assertThat(updated).isInstanceOf(SmallBranchNode.class);
      assertThat(updated.expand()).isEqualTo(expected);
    }
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
    assertThat(cleared).isInstanceOf(SmallBranchNode.class);
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
