package org.megaeth.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

class PrefixSortTest {
  @Test
  void shouldSortSlotsAsCompareToDoesWhateverTheirLeadingBits() {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      int n = random.nextInt(400);
      UInt256[] keys = new UInt256[n];
      for (int i = 0; i < n; i++) {
        keys[i] =
            switch (random.nextInt(5)) {
              case 0 -> UInt256.valueOf(random.nextInt(20)); // small slots: all leading bits tie
              case 1 -> new UInt256(random.nextLong(), 0, 0, random.nextInt(3)); // top set
              case 2 -> new UInt256(random.nextLong() & 0xFFFFF, random.nextLong(), 1, 2); // low 20
              case 3 -> i > 0 ? keys[random.nextInt(i)] : UInt256.ONE; // duplicates
              default ->
                  new UInt256(
                      random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
            };
      }
      UInt256[] expected = keys.clone();
      Arrays.sort(expected);

      PrefixSort.sort(keys, UInt256::u3);

      assertThat(keys).as("round %d", round).containsExactly(expected);
    }
  }

  @Test
  void shouldSortAddressesAsCompareToDoes() {
    Random random = new Random(12);
    for (int round = 0; round < 100; round++) {
      Address[] keys = new Address[random.nextInt(300)];
      for (int i = 0; i < keys.length; i++) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
          Arrays.fill(bytes, 0, 8 + random.nextInt(4), (byte) 0xff); // ties in the leading long
        }
        keys[i] = Address.wrap(bytes);
      }
      Address[] expected = keys.clone();
      Arrays.sort(expected);

      PrefixSort.sort(keys, Address::leadingLong);

      assertThat(keys).as("round %d", round).containsExactly(expected);
    }
  }
}
