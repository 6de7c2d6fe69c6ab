package org.megaeth.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
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
}
