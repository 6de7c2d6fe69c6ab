package org.megaeth.core.crypto;

import org.megaeth.core.types.Address;

/** A private key with its public key and address, derived once. */
public record KeyPair(SecretKey secretKey, PublicKey publicKey, Address address) {
  public static KeyPair of(SecretKey secretKey) {
    PublicKey publicKey = Secp256k1.instance().publicKey(secretKey);
    return new KeyPair(secretKey, publicKey, publicKey.toAddress());
  }

  @Override
  public String toString() {
    return "KeyPair[" + address + "]";
  }
}
