package org.megaeth.core.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

class DiffKeyIndexTest {
  private static final StateDiff FIRST =
      new StateDiff(
          List.of(
              account(Address.ofNumber(3), 9, 4),
              AccountDiff.deletion(Address.ofNumber(5)),
              account(Address.ofNumber(7), 4, 1)));
  private static final StateDiff SECOND =
      new StateDiff(List.of(account(Address.ofNumber(1), 2, 9), account(Address.ofNumber(7), 8)));

  @Test
  void shouldAssignTheSameIndexesAsEncodingWhenAddingADiffsKeys() throws Exception {
    DiffKeyIndex encoded = new DiffKeyIndex();
    DiffKeyIndex added = new DiffKeyIndex();
    for (StateDiff diff : List.of(FIRST, SECOND)) {
      DiffKeyIndex.Overlay byEncoding = encoded.overlay();
      StateDiffCodec.encode(diff, byEncoding);
      DiffKeyIndex.Overlay byAdding = added.overlay();
      byAdding.addKeysOf(diff);

      assertThat(byAdding.newAddresses()).isEqualTo(byEncoding.newAddresses());
      assertThat(byAdding.newSlotKeys()).isEqualTo(byEncoding.newSlotKeys());
      assertThat(byAdding.firstNewAddressIndex()).isEqualTo(byEncoding.firstNewAddressIndex());
      byEncoding.commit();
      byAdding.commit();
    }
    // A diff indexed by one decodes with the other.
    byte[] next = StateDiffCodec.encode(SECOND, encoded.overlay());
    assertThat(StateDiffCodec.decode(next, added.overlay())).isEqualTo(SECOND);
  }

  @Test
  void shouldDecodeWithADictionaryRestoredFromItsKeys() throws Exception {
    DiffKeyIndex original = new DiffKeyIndex();
    DiffKeyIndex.Overlay first = original.overlay();
    first.addKeysOf(FIRST);
    first.commit();

    DiffKeyIndex restored = DiffKeyIndex.of(first.newAddresses(), first.newSlotKeys());

    byte[] encoded = StateDiffCodec.encode(FIRST, original.overlay());
    assertThat(StateDiffCodec.decode(encoded, restored.overlay())).isEqualTo(FIRST);
    assertThat(restored.addressCount()).isEqualTo(3);
    assertThat(restored.slotKeyCount()).isEqualTo(3);
  }

  @Test
  void shouldRefuseARestoredDictionaryWithAKeyTwice() {
    assertThatThrownBy(
            () -> DiffKeyIndex.of(List.of(Address.ofNumber(1), Address.ofNumber(1)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }

  private static AccountDiff account(Address address, long... slots) {
    List<SlotChange> changes = new java.util.ArrayList<>();
    for (long slot : java.util.Arrays.stream(slots).sorted().toArray()) {
      changes.add(new SlotChange(UInt256.valueOf(slot), UInt256.ONE));
    }
    return new AccountDiff(
        address,
        false,
        false,
        Optional.of(new AccountInfo(1, UInt256.ONE, Keccak.EMPTY, Optional.empty())),
        changes);
  }
}
