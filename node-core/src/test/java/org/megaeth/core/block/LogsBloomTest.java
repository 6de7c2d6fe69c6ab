package org.megaeth.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

class LogsBloomTest {
  /** The yellow paper's M3:2048, written out: three bits from the first six bytes of keccak. */
  private static byte[] reference(List<Log> logs) {
    byte[] bits = new byte[LogsBloom.SIZE];
    for (Log log : logs) {
      List<Bytes> values = new ArrayList<>();
      values.add(log.address().bytes());
      log.topics().forEach(t -> values.add(t.bytes()));
      for (Bytes value : values) {
        byte[] hash = Keccak.hash(value).bytes().toArray();
        for (int i = 0; i < 6; i += 2) {
          int bit = ((hash[i] & 0xFF) << 8 | (hash[i + 1] & 0xFF)) & 2047;
          bits[255 - bit / 8] |= (byte) (1 << (bit % 8));
        }
      }
    }
    return bits;
  }

  @Test
  void shouldSetTheBitsOfEveryAddressAndTopicAsTheSpecSays() {
    Random random = new Random(7);
    // Few distinct values, so most are seen again (from the recent values), and many values that
    // share their last bytes (the same slot of the recent values) but differ in front.
    List<Address> addresses = new ArrayList<>();
    List<Hash> topics = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      addresses.add(Address.ofNumber(random.nextInt(1 << 20)));
      byte[] topic = new byte[32];
      random.nextBytes(topic);
      if (i % 2 == 0) {
        topic[0] ^= (byte) i; // same tail as the one before: same slot, another value
        System.arraycopy(
            topics.isEmpty() ? topic : topics.getLast().bytes().toArray(), 8, topic, 8, 24);
      }
      topics.add(Hash.wrap(topic));
    }
    for (int round = 0; round < 2_000; round++) {
      List<Log> logs = new ArrayList<>();
      for (int l = random.nextInt(4); l > 0; l--) {
        List<Hash> logTopics = new ArrayList<>();
        for (int t = random.nextInt(5); t > 0; t--) {
          logTopics.add(topics.get(random.nextInt(topics.size())));
        }
        logs.add(new Log(addresses.get(random.nextInt(addresses.size())), logTopics, Bytes.EMPTY));
      }
      assertThat(LogsBloom.of(logs).bytes().toArray())
          .as("round %d", round)
          .isEqualTo(reference(logs));
    }
  }

  @Test
  void anEmptyListHasAnEmptyBloom() {
    assertThat(LogsBloom.of(List.of())).isEqualTo(LogsBloom.EMPTY);
  }

  @Test
  void shouldSayWhatItMightContain() {
    Address address = Address.ofNumber(0xabc);
    Hash topic = Keccak.hash(Bytes.wrap("Transfer(address,address,uint256)".getBytes()));
    LogsBloom bloom = LogsBloom.of(List.of(new Log(address, List.of(topic), Bytes.EMPTY)));
    assertThat(bloom.mightContain(address)).isTrue();
    assertThat(bloom.mightContain(topic)).isTrue();
    assertThat(bloom.mightContain(Address.ofNumber(0xabd))).isFalse();
  }
}
