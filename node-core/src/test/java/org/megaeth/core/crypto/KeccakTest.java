package org.megaeth.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Hash;

class KeccakTest {
  @Test
  void shouldHashTheEmptyStringToTheKnownValue() {
    assertThat(Keccak.hash(new byte[0]))
        .isEqualTo(
            Hash.fromHex("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
    assertThat(Keccak.EMPTY_LIST)
        .isEqualTo(
            Hash.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347"));
  }

  @Test
  void shouldBeKeccakNotSha3() {
    // SHA3-256("abc") is 3a985da7...; Ethereum's keccak-256 differs in padding.
    assertThat(Keccak.hash("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(
            Hash.fromHex("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"));
  }

  @Test
  void shouldHashASliceIntoACallerBuffer() {
    byte[] input = "xxabcxx".getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[40];
    Keccak.keccak256(input, 2, 3, out, 8);
    assertThat(Hash.of(out, 8)).isEqualTo(Keccak.hash("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void shouldHashAListOfEncodedItemsAsTheEncodedListWouldHash() {
    // Payload sizes either side of each RLP length-of-length step (55/56, 255/256, 65535/65536),
    // with items that are slices of a bigger array, as receipts cut from a buffer are.
    Random random = new Random(7);
    for (int payload : new int[] {0, 1, 55, 56, 57, 255, 256, 257, 65_535, 65_536, 70_001}) {
      List<Bytes> items = new ArrayList<>();
      int left = payload;
      while (left > 0) {
        int size = Math.min(left, 1 + random.nextInt(700));
        byte[] backing = new byte[size + 5];
        random.nextBytes(backing);
        items.add(Bytes.wrap(backing, 3, size));
        left -= size;
      }
      Bytes list = Rlp.encodeList(w -> items.forEach(w::writeRaw));
      assertThat(Keccak.hashOfEncodedList(items))
          .as("payload %d", payload)
          .isEqualTo(Keccak.hash(list));
    }
  }
}
