package org.megaeth.config.dev;

import java.util.Objects;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.types.Address;

/**
 * A funded dev account: its derivation index and key. {@code toString} shows the address only, so
 * the key cannot reach a log line by accident.
 *
 * @param index {@code i} in {@code m/44'/60'/0'/0/i}
 * @param keyPair the account's key and address
 */
public record DevAccount(int index, KeyPair keyPair) {
  public DevAccount {
    Objects.requireNonNull(keyPair, "keyPair");
  }

  public Address address() {
    return keyPair.address();
  }

  public SecretKey secretKey() {
    return keyPair.secretKey();
  }

  @Override
  public String toString() {
    return "DevAccount[" + index + ", " + keyPair.address() + "]";
  }
}
