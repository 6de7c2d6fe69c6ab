package org.megaeth.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.KeyPair;

class SenderKeysTest {
  @Test
  void shouldDeriveTheSameDistinctKeysFromTheSameSeed() {
    List<KeyPair> first = SenderKeys.derive("megaeth-bench", 50);
    List<KeyPair> again = SenderKeys.derive("megaeth-bench", 50);
    assertThat(first).hasSize(50);
    assertThat(first.stream().map(KeyPair::address)).doesNotHaveDuplicates();
    assertThat(again.stream().map(KeyPair::address))
        .containsExactlyElementsOf(first.stream().map(KeyPair::address).toList());
  }

  @Test
  void shouldDeriveKeyIAsTheHashOfTheSeedAndI() {
    byte[] material = {'s', 0, 0, 0, 2};
    assertThat(SenderKeys.derive("s", 3).get(2).secretKey().toArray())
        .isEqualTo(Keccak.keccak256(material));
  }

  @Test
  void shouldDeriveOtherKeysFromAnotherSeed() {
    assertThat(SenderKeys.derive("a", 1).get(0).address())
        .isNotEqualTo(SenderKeys.derive("b", 1).get(0).address());
  }
}
