package org.megaeth.da;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A data-availability backend: the sequencer publishes every block's state diff and witness here,
 * and a node that missed blocks can fetch them back (DESIGN.md section 2). A block is {@code safe}
 * once its publish future has completed.
 *
 * <p>Implementations are thread-safe. Their futures complete on the backend's own threads.
 */
public interface DataAvailabilityClient extends AutoCloseable {
  /** The backend's name, as found in its commitments. */
  String name();

  /**
   * Publishes a blob; the future completes with its commitment once the backend holds it durably,
   * or exceptionally (with a {@link DaException}) if it cannot. Publishing the same blob again
   * gives the same commitment.
   */
  CompletableFuture<DaCommitment> publish(DaBlob blob);

  /**
   * The blob behind {@code commitment}, checked against it; empty when the backend does not have
   * it.
   *
   * @throws DaException when what the backend holds does not match the commitment (never returns
   *     wrong data), the commitment is for another backend, or the backend cannot be read
   */
  Optional<DaBlob> fetch(DaCommitment commitment) throws DaException;

  /** Stops accepting publishes; those already accepted finish first. Idempotent. */
  @Override
  void close();
}
