package org.megaeth.core.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;

class RlpListHashTest {
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
      assertThat(Rlp.hashOfEncodedList(items))
          .as("payload %d", payload)
          .isEqualTo(Keccak.hash(list));
    }
  }
}
