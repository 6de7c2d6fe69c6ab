package org.megaeth.da;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDaClientTest extends DataAvailabilityClientContractTest {
  @TempDir Path dir;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @Override
  protected DataAvailabilityClient newClient() throws IOException {
    return EmbeddedDaClient.open(dir, executor);
  }

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  private EmbeddedDaClient embedded() {
    return (EmbeddedDaClient) client;
  }

  @Test
  void shouldFetchBlobsAfterReopening() throws Exception {
    DaBlob blob = blob(123_456, 5000);
    DaCommitment commitment = client.publish(blob).join();
    client.close();

    try (EmbeddedDaClient reopened = EmbeddedDaClient.open(dir, executor)) {
      assertThat(reopened.fetch(commitment)).contains(blob);
      assertThat(reopened.pathFor(commitment))
          .hasParent(dir.resolve("0000000012"))
          .hasFileName(
              "00000000000000123456-" + commitment.blobHash().toHexString().substring(2) + ".blob");
    }
  }

  @Test
  void shouldRefuseATamperedBlobWithAClearError() throws Exception {
    DaCommitment commitment = client.publish(blob(7, 300)).join();
    Path file = embedded().pathFor(commitment);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1;
    Files.write(file, bytes);

    assertThatThrownBy(() -> client.fetch(commitment))
        .isInstanceOf(DaException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("damaged");
  }

  @Test
  void shouldRefuseABlobSwappedForAnotherValidOne() throws Exception {
    DaCommitment seven = client.publish(blob(7, 300)).join();
    DaCommitment eight = client.publish(blob(8, 300)).join();
    Files.copy(
        embedded().pathFor(eight),
        embedded().pathFor(seven),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> client.fetch(seven)).hasMessageContaining("does not hash");
  }

  @Test
  void shouldRewriteADamagedBlobWhenPublishedAgain() throws Exception {
    DaBlob blob = blob(9, 300);
    DaCommitment commitment = client.publish(blob).join();
    Files.write(embedded().pathFor(commitment), new byte[] {1, 2, 3});

    assertThat(client.publish(blob).join()).isEqualTo(commitment);
    assertThat(client.fetch(commitment)).contains(blob);
  }

  @Test
  void shouldRemoveUnfinishedFilesWhenOpened() throws Exception {
    DaCommitment commitment = client.publish(blob(3, 10)).join();
    Path tmp = embedded().pathFor(commitment).resolveSibling("x.blob.tmp");
    Files.write(tmp, new byte[5]);
    client.close();

    EmbeddedDaClient.open(dir, executor).close();

    assertThat(tmp).doesNotExist();
  }

  @Test
  void shouldFinishAcceptedPublishesAndRefuseNewOnesWhenClosed() throws Exception {
    CompletableFuture<DaCommitment> accepted = client.publish(blob(1, 100_000));
    client.close();

    assertThat(accepted).isCompleted();
    assertThat(client.fetch(accepted.join())).isPresent();
    assertThatThrownBy(() -> client.publish(blob(2, 10)).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(DaException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void shouldFailThePublishWhenTheDirectoryCannotBeWritten() throws Exception {
    DaBlob blob = blob(20_000, 10);
    Files.write(dir.resolve("0000000002"), new byte[1]); // a file where the bucket must go

    assertThatThrownBy(() -> client.publish(blob).join())
        .hasCauseInstanceOf(DaException.class)
        .hasMessageContaining("cannot store the DA blob of block 20000");
  }
}
