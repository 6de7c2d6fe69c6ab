package org.megaeth.da;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;

/** What every {@link DataAvailabilityClient} must do; one subclass per backend. */
abstract class DataAvailabilityClientContractTest {
  protected DataAvailabilityClient client;

  protected abstract DataAvailabilityClient newClient() throws Exception;

  @BeforeEach
  void openClient() throws Exception {
    client = newClient();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  static DaBlob blob(long block, int size) {
    byte[] diff = new byte[size];
    byte[] witness = new byte[size * 2];
    new java.util.Random(block).nextBytes(diff);
    new java.util.Random(~block).nextBytes(witness);
    return DaBlob.of(
        block, Keccak.hash(Bytes.ofUnsignedLong(block)), Bytes.wrap(diff), Bytes.wrap(witness));
  }

  @Test
  void shouldFetchWhatWasPublishedWhenGivenItsCommitment() throws Exception {
    DaBlob blob = blob(42, 1000);

    DaCommitment commitment = client.publish(blob).join();

    assertThat(commitment.backend()).isEqualTo(client.name());
    assertThat(commitment.blockNumber()).isEqualTo(42);
    assertThat(commitment.blobHash()).isEqualTo(Keccak.hash(blob.encode()));
    assertThat(client.fetch(commitment)).contains(blob);
  }

  @Test
  void shouldGiveTheSameCommitmentWhenPublishingTwice() {
    DaBlob blob = blob(1, 10);

    assertThat(client.publish(blob).join()).isEqualTo(client.publish(blob).join());
  }

  @Test
  void shouldReturnEmptyWhenTheBlobWasNeverPublished() throws Exception {
    DaCommitment unknown =
        new DaCommitment(DaCommitment.VERSION_1, client.name(), 5, Keccak.hash(Bytes.of(5)));

    assertThat(client.fetch(unknown)).isEmpty();
  }

  @Test
  void shouldRefuseACommitmentOfAnotherBackend() {
    DaCommitment other = new DaCommitment(DaCommitment.VERSION_1, "elsewhere", 5, Hash.ZERO);

    assertThatThrownBy(() -> client.fetch(other))
        .isInstanceOf(DaException.class)
        .hasMessageContaining("elsewhere");
  }

  @Test
  void shouldKeepEveryBlobWhenManyArePublishedConcurrently() throws Exception {
    List<CompletableFuture<DaCommitment>> futures = new ArrayList<>();
    for (int block = 0; block < 50; block++) {
      futures.add(client.publish(blob(block, 100 + block)));
    }
    for (int block = 0; block < 50; block++) {
      assertThat(client.fetch(futures.get(block).join())).contains(blob(block, 100 + block));
    }
  }
}
