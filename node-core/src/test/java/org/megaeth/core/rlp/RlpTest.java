package org.megaeth.core.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.types.UInt256;

class RlpTest {
  @Property
  void shouldRoundTripUnsignedLongs(@ForAll long value) {
    Bytes encoded = Rlp.encode(w -> w.writeUInt64(value));
    assertThat(Rlp.decode(encoded, RlpReader::readUInt64)).isEqualTo(value);
  }

  @Property
  void shouldRoundTripByteStringsAndListsOfThem(@ForAll @Size(max = 20) List<byte[]> items) {
    Bytes encoded = Rlp.encodeList(w -> items.forEach(w::writeBytes));
    List<Bytes> decoded = Rlp.decode(encoded, r -> r.readListOf(RlpReader::readBytes));
    assertThat(decoded).containsExactlyElementsOf(items.stream().map(Bytes::wrap).toList());
  }

  @Property
  void shouldEncodeAListSizedFirstAsTheGrowingWriterDoes(
      @ForAll @Size(max = 40) List<@Size(max = 70) byte[]> items) {
    long payload = items.stream().mapToLong(item -> RlpWriter.stringLength(Bytes.wrap(item))).sum();
    assertThat(Rlp.encodeListExact(payload, w -> items.forEach(w::writeBytes)))
        .isEqualTo(Rlp.encodeList(w -> items.forEach(w::writeBytes)));
    assertThatThrownBy(() -> Rlp.encodeListExact(payload + 1, w -> items.forEach(w::writeBytes)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Property
  void shouldRoundTripNestedListsAndRawItems(
      @ForAll @Size(max = 5) List<@Size(max = 5) List<Long>> nested) {
    Bytes encoded =
        Rlp.encodeList(w -> nested.forEach(inner -> w.writeList(inner, RlpWriter::writeUInt64)));
    List<List<Long>> decoded =
        Rlp.decode(encoded, r -> r.readListOf(inner -> inner.readListOf(RlpReader::readUInt64)));
    assertThat(decoded).isEqualTo(nested);
    // readRaw gives back each item's exact encoding.
    List<Bytes> raws = Rlp.decode(encoded, r -> r.readListOf(RlpReader::readRaw));
    assertThat(Rlp.encodeList(w -> raws.forEach(w::writeRaw))).isEqualTo(encoded);
  }

  @Test
  void shouldEncodeTheYellowPaperExamples() {
    assertThat(Rlp.encode(w -> w.writeBytes("dog".getBytes())))
        .isEqualTo(Bytes.fromHexString("0x83646f67"));
    assertThat(Rlp.encode(w -> w.writeUInt64(0))).isEqualTo(Bytes.fromHexString("0x80"));
    assertThat(Rlp.encode(w -> w.writeUInt64(1024))).isEqualTo(Bytes.fromHexString("0x820400"));
    assertThat(Rlp.encodeList(w -> {})).isEqualTo(Rlp.EMPTY_LIST);
    assertThat(Rlp.encode(w -> w.writeUInt256(UInt256.ZERO))).isEqualTo(Rlp.EMPTY_STRING);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "integer with a leading zero, 0x820001",
    "zero written as a byte, 0x00",
    "single byte wrapped as a string, 0x8105",
    "long-form length under 56, 0xb80100",
    "length with a leading zero, 0xb9000100",
    "truncated string, 0x83aabb",
  })
  void shouldRejectNonCanonicalIntegers(String what, String hex) {
    assertThatThrownBy(() -> Rlp.decode(Bytes.fromHexString(hex), RlpReader::readUInt64))
        .as(what)
        .isInstanceOf(RlpException.class);
  }

  @Test
  void shouldRejectTrailingBytes() {
    assertThatThrownBy(() -> Rlp.decode(Bytes.fromHexString("0x0102"), RlpReader::readBytes))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void shouldRejectUnreadItemsInAList() {
    assertThatThrownBy(() -> Rlp.decodeList(Bytes.fromHexString("0xc20102"), RlpReader::readUInt64))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void shouldRejectIntegersWiderThanTheirType() {
    Bytes nineBytes = Rlp.encode(w -> w.writeBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0}));
    assertThatThrownBy(() -> Rlp.decode(nineBytes, RlpReader::readUInt64))
        .hasMessageContaining("at most 8");
    Bytes big = Rlp.encode(w -> w.writeUInt64(-1L));
    assertThatThrownBy(() -> Rlp.decode(big, RlpReader::readLong)).hasMessageContaining("2^63-1");
  }

  @Test
  void shouldRejectAListWhereAStringIsExpected() {
    assertThatThrownBy(() -> Rlp.decode(Rlp.EMPTY_LIST, RlpReader::readBytes))
        .isInstanceOf(RlpException.class);
    assertThatThrownBy(() -> Rlp.decode(Rlp.EMPTY_STRING, r -> r.readList(x -> 0)))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("expected a list");
  }
}
