package org.megaeth.evm.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.util.Hex;

class CodeTest {
  @Test
  void shouldExcludePushDataWhenFindingJumpDests() {
    // JUMPDEST, PUSH2 0x5b5b, JUMPDEST, PUSH32 (truncated, all 0x5b)
    Code code = Code.ofInitCode(Hex.decodeLenient("0x5b615b5b5b7f5b5b"));
    assertThat(code.isJumpDest(0)).isTrue();
    assertThat(code.isJumpDest(2)).isFalse();
    assertThat(code.isJumpDest(3)).isFalse();
    assertThat(code.isJumpDest(4)).isTrue();
    assertThat(code.isJumpDest(6)).isFalse();
    assertThat(code.isJumpDest(8)).isFalse();
    assertThat(code.isJumpDest(-1)).isFalse();
    assertThat(code.isJumpDest(Long.MAX_VALUE)).isFalse();
  }

  @Test
  void shouldAnalyseOnceWhenCachedByHash() {
    CodeCache cache = new CodeCache(2);
    byte[] bytes = {0x5b, 0x00};
    Code first = cache.get(Keccak.hash(bytes), bytes);
    assertThat(cache.get(Keccak.hash(bytes), bytes)).isSameAs(first);
    byte[] b2 = {0x01};
    byte[] b3 = {0x02};
    cache.get(Keccak.hash(b2), b2);
    cache.get(Keccak.hash(b3), b3);
    assertThat(cache.size()).isEqualTo(2);
  }
}
