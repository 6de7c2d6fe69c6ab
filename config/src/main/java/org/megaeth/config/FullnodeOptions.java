package org.megaeth.config;

import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.types.Address;

/**
 * Following the sequencer (role {@code fullnode}). Kept small until the full-node issue fills it
 * in.
 *
 * @param sequencerAddress the only signer whose blocks and diffs the node applies
 */
public record FullnodeOptions(Optional<Address> sequencerAddress) {
  public FullnodeOptions {
    Objects.requireNonNull(sequencerAddress, "sequencerAddress");
  }

  public Builder toBuilder() {
    return new Builder().sequencerAddress(sequencerAddress);
  }

  /** Starts from {@link Defaults}; {@link NodeOptions.Builder#build()} validates. */
  public static final class Builder {
    private Optional<Address> sequencerAddress = Optional.empty();

    Builder() {}

    public Builder sequencerAddress(Optional<Address> value) {
      this.sequencerAddress = Objects.requireNonNull(value, "sequencerAddress");
      return this;
    }

    public FullnodeOptions build() {
      return new FullnodeOptions(sequencerAddress);
    }
  }
}
