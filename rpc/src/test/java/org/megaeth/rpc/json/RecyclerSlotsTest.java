package org.megaeth.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecycler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecyclerSlotsTest {
  @Test
  void aReturnedRecyclerIsHandedOutAgain() {
    RecyclerSlots pool = new RecyclerSlots();
    BufferRecycler first = pool.acquireAndLinkPooled();
    first.releaseToPool();
    assertThat(pool.pooledCount()).isEqualTo(1);

    assertThat(pool.acquireAndLinkPooled()).isSameAs(first);
    assertThat(pool.pooledCount()).isZero();
  }

  @Test
  void keepsAtMostItsSlotsAndMakesNewOnesWhenEmpty() {
    RecyclerSlots pool = new RecyclerSlots();
    List<BufferRecycler> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      out.add(pool.acquireAndLinkPooled());
    }
    assertThat(out).doesNotHaveDuplicates();
    out.forEach(BufferRecycler::releaseToPool);
    assertThat(pool.pooledCount()).isEqualTo(16);

    assertThat(pool.clear()).isTrue();
    assertThat(pool.pooledCount()).isZero();
  }
}
