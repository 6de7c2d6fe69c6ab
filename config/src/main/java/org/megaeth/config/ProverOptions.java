package org.megaeth.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.types.Address;

/**
 * Stateless validation (role {@code prover}). Kept small until the prover issue fills it in.
 *
 * @param sequencerAddress the only signer whose blocks the prover attests
 * @param keyFile the file holding the key that signs attestations
 */
public record ProverOptions(Optional<Address> sequencerAddress, Optional<Path> keyFile) {
  public ProverOptions {
    Objects.requireNonNull(sequencerAddress, "sequencerAddress");
    Objects.requireNonNull(keyFile, "keyFile");
  }

  public Builder toBuilder() {
    return new Builder().sequencerAddress(sequencerAddress).keyFile(keyFile);
  }

  /** Starts from {@link Defaults}; {@link NodeOptions.Builder#build()} validates. */
  public static final class Builder {
    private Optional<Address> sequencerAddress = Optional.empty();
    private Optional<Path> keyFile = Optional.empty();

    Builder() {}

    public Builder sequencerAddress(Optional<Address> value) {
      this.sequencerAddress = Objects.requireNonNull(value, "sequencerAddress");
      return this;
    }

    public Builder keyFile(Optional<Path> value) {
      this.keyFile = Objects.requireNonNull(value, "keyFile");
      return this;
    }

    public ProverOptions build() {
      return new ProverOptions(sequencerAddress, keyFile);
    }
  }
}
