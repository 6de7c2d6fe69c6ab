package org.megaeth.core.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

class StateDiffCodecTest {
  private static final Address A = Address.ofNumber(0xa);
  private static final Address B = Address.ofNumber(0xb);
  private static final Address C = Address.ofNumber(0xc);
  private static final Address D = Address.ofNumber(0xd);
  private static final Bytes CODE = Bytes.fromHexString("0x6001600155");

  /** One of each kind: a transfer sender, a deployment, a deletion, a storage-only change. */
  private static final StateDiff DIFF =
      new StateDiff(
          List.of(
              new AccountDiff(
                  A,
                  false,
                  false,
                  Optional.of(
                      new AccountInfo(
                          7, UInt256.valueOf(1_000_000), Keccak.EMPTY, Optional.empty())),
                  List.of()),
              new AccountDiff(
                  B,
                  false,
                  true,
                  Optional.of(
                      new AccountInfo(1, UInt256.ZERO, Keccak.hash(CODE), Optional.of(CODE))),
                  List.of(new SlotChange(UInt256.ONE, UInt256.valueOf(42)))),
              AccountDiff.deletion(C),
              new AccountDiff(
                  D,
                  false,
                  false,
                  Optional.empty(),
                  List.of(
                      new SlotChange(UInt256.valueOf(3), UInt256.ZERO),
                      new SlotChange(UInt256.MAX, UInt256.MAX)))));

  @Test
  void shouldDecodeWhatItEncodesThroughCompression() throws Exception {
    byte[] encoded = StateDiffCodec.encode(DIFF);

    assertThat(StateDiffCodec.decode(encoded)).isEqualTo(DIFF);
    assertThat(StateDiffCodec.decode(StateDiffCodec.decompress(StateDiffCodec.compress(encoded))))
        .isEqualTo(DIFF);
  }

  @Test
  void shouldSpendOnlyTheSignificantBytesOfValues() {
    StateDiff one =
        new StateDiff(
            List.of(
                new AccountDiff(
                    A,
                    false,
                    false,
                    Optional.empty(),
                    List.of(new SlotChange(UInt256.ONE, UInt256.ONE)))));

    // version, count, address, flags, slot count, 32-byte key, length and one value byte
    assertThat(StateDiffCodec.encode(one)).hasSize(1 + 1 + 20 + 1 + 1 + 32 + 2);
  }

  @Test
  void shouldKeepTheCodeHashOfAnUnchangedContract() throws Exception {
    Hash codeHash = Keccak.hash(CODE);
    StateDiff diff =
        new StateDiff(
            List.of(
                new AccountDiff(
                    A,
                    false,
                    false,
                    Optional.of(new AccountInfo(1, UInt256.ONE, codeHash, Optional.empty())),
                    List.of())));

    assertThat(StateDiffCodec.decode(StateDiffCodec.encode(diff))).isEqualTo(diff);
  }

  @Test
  void shouldRefuseAnotherVersion() {
    byte[] encoded = StateDiffCodec.encode(DIFF);
    encoded[0] = 3;

    assertThatThrownBy(() -> StateDiffCodec.decode(encoded))
        .isInstanceOf(InvalidStateDiffException.class)
        .hasMessage("unsupported state diff version 3 (this node reads 1 and 2)");
  }

  @Test
  void shouldReferToKeysTheDictionaryKnowsWhenIndexed() throws Exception {
    DiffKeyIndex sequencer = new DiffKeyIndex();
    DiffKeyIndex fullNode = new DiffKeyIndex();

    DiffKeyIndex.Overlay first = sequencer.overlay();
    byte[] firstBytes = StateDiffCodec.encode(DIFF, first);
    first.commit();
    DiffKeyIndex.Overlay firstIn = fullNode.overlay();
    assertThat(StateDiffCodec.decode(firstBytes, firstIn)).isEqualTo(DIFF);
    firstIn.commit();

    DiffKeyIndex.Overlay second = sequencer.overlay();
    byte[] secondBytes = StateDiffCodec.encode(DIFF, second);
    second.commit();
    DiffKeyIndex.Overlay secondIn = fullNode.overlay();
    assertThat(StateDiffCodec.decode(secondBytes, secondIn)).isEqualTo(DIFF);

    // 4 addresses and 3 slot keys: 20 or 32 bytes the first time, one byte after.
    assertThat(firstBytes.length - secondBytes.length).isEqualTo(4 * 20 + 3 * 32);
    assertThat(sequencer.addressCount()).isEqualTo(4);
    assertThat(sequencer.slotKeyCount()).isEqualTo(3);
  }

  @Test
  void shouldRefuseAnIndexedDiffWithoutItsDictionary() {
    DiffKeyIndex keys = new DiffKeyIndex();
    keys.overlay().commit();
    DiffKeyIndex.Overlay warm = keys.overlay();
    StateDiffCodec.encode(DIFF, warm);
    warm.commit();
    byte[] indexed = StateDiffCodec.encode(DIFF, keys.overlay());

    assertThatThrownBy(() -> StateDiffCodec.decode(indexed))
        .isInstanceOf(InvalidStateDiffException.class)
        .hasMessage("state diff version 2 refers to a key dictionary, and none was given");
    assertThatThrownBy(() -> StateDiffCodec.decode(indexed, new DiffKeyIndex().overlay()))
        .isInstanceOf(InvalidStateDiffException.class)
        .hasMessage("unknown address index 0");
  }

  @Test
  void shouldLeaveTheDictionaryUnchangedUntilCommitted() throws Exception {
    DiffKeyIndex keys = new DiffKeyIndex();
    StateDiffCodec.decode(
        StateDiffCodec.encode(DIFF, new DiffKeyIndex().overlay()), keys.overlay());

    assertThat(keys.addressCount()).isZero();
    assertThat(keys.slotKeyCount()).isZero();
  }

  @Test
  void shouldRefuseEveryTruncation() {
    byte[] encoded = StateDiffCodec.encode(DIFF);
    for (int length = 0; length < encoded.length; length++) {
      byte[] truncated = Arrays.copyOf(encoded, length);
      assertThatThrownBy(() -> StateDiffCodec.decode(truncated))
          .as("first %d bytes", length)
          .isInstanceOf(InvalidStateDiffException.class);
    }
  }

  @Test
  void shouldRefuseTrailingBytes() {
    byte[] encoded = StateDiffCodec.encode(DIFF);
    byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);

    assertThatThrownBy(() -> StateDiffCodec.decode(longer))
        .isInstanceOf(InvalidStateDiffException.class)
        .hasMessageStartingWith("trailing bytes");
  }

  @Test
  void shouldRefuseAccountsOutOfOrder() {
    byte[] first = StateDiffCodec.encode(new StateDiff(List.of(AccountDiff.deletion(B))));
    byte[] second = StateDiffCodec.encode(new StateDiff(List.of(AccountDiff.deletion(A))));
    // Two single-account diffs glued with a count of 2: B before A.
    byte[] glued = new byte[2 + 21 + 21];
    glued[0] = 1;
    glued[1] = 2;
    System.arraycopy(first, 2, glued, 2, 21);
    System.arraycopy(second, 2, glued, 23, 21);

    assertThatThrownBy(() -> StateDiffCodec.decode(glued))
        .isInstanceOf(InvalidStateDiffException.class)
        .hasMessage("accounts must be sorted by address and unique");
  }

  @Test
  void shouldRefuseAWordWithALeadingZero() {
    StateDiff one =
        new StateDiff(
            List.of(
                new AccountDiff(
                    A,
                    false,
                    false,
                    Optional.empty(),
                    List.of(new SlotChange(UInt256.ONE, UInt256.ONE)))));
    byte[] encoded = StateDiffCodec.encode(one);
    byte[] padded = Arrays.copyOf(encoded, encoded.length + 1);
    padded[padded.length - 3] = 2; // length 2, value bytes 0x00 0x01
    padded[padded.length - 2] = 0;
    padded[padded.length - 1] = 1;

    assertThatThrownBy(() -> StateDiffCodec.decode(padded))
        .isInstanceOf(InvalidStateDiffException.class)
        .hasMessageStartingWith("word with a leading zero");
  }

  @Test
  void shouldRefuseACompressedFrameThatDeclaresTooMuch() {
    assertThatThrownBy(() -> StateDiffCodec.decompress(new byte[] {1, 2, 3}))
        .isInstanceOf(InvalidStateDiffException.class);
  }
}
