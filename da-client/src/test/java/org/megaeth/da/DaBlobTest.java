package org.megaeth.da;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;

class DaBlobTest {
  private static final Hash HASH = Keccak.hash(Bytes.of(1));

  @Property(tries = 200)
  void shouldDecodeWhatItEncodes(
      @ForAll @LongRange(min = 0, max = 1_000_000) long block,
      @ForAll @Size(min = 1, max = 5) List<@Size(max = 300) byte[]> datas) {
    List<DaBlob.Part> parts = new ArrayList<>();
    for (int i = 0; i < datas.size(); i++) {
      parts.add(new DaBlob.Part("part-" + i, Bytes.wrap(datas.get(i))));
    }
    DaBlob blob = new DaBlob(block, HASH, parts);

    try {
      assertThat(DaBlob.decode(blob.encode())).isEqualTo(blob);
    } catch (DaException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void shouldFindPartsByName() {
    DaBlob blob = DaBlob.of(1, HASH, Bytes.of(1), Bytes.of(2, 3));

    assertThat(blob.part(DaBlob.STATE_DIFF)).contains(Bytes.of(1));
    assertThat(blob.part(DaBlob.WITNESS)).contains(Bytes.of(2, 3));
    assertThat(blob.part("receipts")).isEmpty();
  }

  @Test
  void shouldRejectEveryKindOfBadEncodingWithAClearError() {
    Bytes good = DaBlob.of(1, HASH, Bytes.of(1), Bytes.of(2, 3)).encode();
    byte[] badMagic = good.toArray();
    badMagic[0] = 'X';
    byte[] badVersion = good.toArray();
    badVersion[4] = 2;
    byte[] badName = good.toArray();
    badName[4 + 1 + 8 + 32 + 2 + 1] = 'S'; // upper case in "state-diff"
    byte[] hugePart = good.toArray();
    int lengthAt = 4 + 1 + 8 + 32 + 2 + 1 + DaBlob.STATE_DIFF.length();
    hugePart[lengthAt] = 0x7f;

    assertThatThrownBy(() -> DaBlob.decode(Bytes.wrap(badMagic))).hasMessageContaining("magic");
    assertThatThrownBy(() -> DaBlob.decode(Bytes.wrap(badVersion))).hasMessageContaining("version");
    assertThatThrownBy(() -> DaBlob.decode(Bytes.wrap(badName))).hasMessageContaining("name");
    assertThatThrownBy(() -> DaBlob.decode(Bytes.wrap(hugePart)))
        .hasMessageContaining("claims")
        .hasMessageContaining("remain");
    assertThatThrownBy(() -> DaBlob.decode(good.slice(0, good.size() - 1)))
        .hasMessageContaining("claims 2 bytes but 1 remain");
    assertThatThrownBy(() -> DaBlob.decode(good.slice(0, 20))).hasMessageContaining("cut short");
    assertThatThrownBy(() -> DaBlob.decode(Bytes.concatenate(good, Bytes.of(0))))
        .hasMessageContaining("trailing");
    assertThatThrownBy(() -> DaBlob.decode(Bytes.EMPTY)).isInstanceOf(DaException.class);
  }

  @Test
  void shouldRejectInvalidBlobsWhenBuilt() {
    assertThatThrownBy(() -> new DaBlob(1, HASH, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new DaBlob(
                    1,
                    HASH,
                    List.of(new DaBlob.Part("a", Bytes.EMPTY), new DaBlob.Part("a", Bytes.EMPTY))))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> new DaBlob.Part("Has Space", Bytes.EMPTY))
        .hasMessageContaining("invalid part name");
    assertThatThrownBy(() -> new DaBlob(-1, HASH, List.of(new DaBlob.Part("a", Bytes.EMPTY))))
        .hasMessageContaining("negative");
  }
}
