package org.megaeth.da;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;

class DaCommitmentTest {
  @Test
  void shouldDecodeWhatItEncodes() throws DaException {
    DaCommitment c =
        new DaCommitment(DaCommitment.VERSION_1, "embedded", 99, Keccak.hash(Bytes.of(9)));

    assertThat(DaCommitment.decode(c.encode())).isEqualTo(c);
    assertThat(c.encode().size()).isEqualTo(1 + 1 + 8 + 8 + 32);
  }

  @Test
  void shouldCommitToTheBlobsCanonicalEncoding() {
    DaBlob blob = DaBlob.of(3, Keccak.hash(Bytes.of(3)), Bytes.of(1), Bytes.of(2));

    DaCommitment c = DaCommitment.of("embedded", blob);

    assertThat(c.blobHash()).isEqualTo(Keccak.hash(blob.encode()));
    assertThat(c.matches(blob.encode())).isTrue();
    assertThat(c.matches(Bytes.concatenate(blob.encode(), Bytes.of(0)))).isFalse();
  }

  @Test
  void shouldRejectBadEncodingsWithAClearError() {
    Bytes good =
        new DaCommitment(DaCommitment.VERSION_1, "embedded", 1, Keccak.hash(Bytes.of(1))).encode();
    byte[] version = good.toArray();
    version[0] = 2;
    byte[] name = good.toArray();
    name[2] = (byte) 0xff;

    assertThatThrownBy(() -> DaCommitment.decode(Bytes.wrap(version)))
        .isInstanceOf(DaException.class)
        .hasMessageContaining("version 2");
    assertThatThrownBy(() -> DaCommitment.decode(good.slice(0, 20))).hasMessageContaining("bytes");
    assertThatThrownBy(() -> DaCommitment.decode(Bytes.of(1))).hasMessageContaining("cut short");
    assertThatThrownBy(() -> DaCommitment.decode(Bytes.wrap(name)))
        .hasMessageContaining("invalid DA commitment");
  }
}
