package org.megaeth.core.diff;

import java.util.Objects;
import org.megaeth.core.types.UInt256;

/** A storage slot's new value; zero means the slot is now empty. */
public record SlotChange(UInt256 key, UInt256 value) {
  public SlotChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
