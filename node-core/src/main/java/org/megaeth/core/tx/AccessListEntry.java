package org.megaeth.core.tx;

import java.util.List;
import java.util.Objects;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/**
 * One entry of an EIP-2930 access list: an address and the storage keys to warm in it. Duplicates
 * are allowed and each one is charged, as the EIP says.
 */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
  public AccessListEntry {
    Objects.requireNonNull(address, "address");
    storageKeys = List.copyOf(storageKeys);
  }
}
