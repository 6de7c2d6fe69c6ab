package org.megaeth.core.tx;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/** Small, valid-by-default transactions of every type for unit tests (unsigned unless said). */
final class TestTransactions {
  static final long CHAIN_ID = 1;
  static final Optional<UInt256> CHAIN = Optional.of(UInt256.valueOf(CHAIN_ID));
  static final SecretKey KEY =
      SecretKey.fromHex("0x4646464646464646464646464646464646464646464646464646464646464646");

  /** The address of {@link #KEY} (from the EIP-155 example). */
  static final Address KEY_ADDRESS = Address.fromHex("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");

  static final Address RECIPIENT = Address.fromHex("0x3535353535353535353535353535353535353535");
  static final Hash BLOB_HASH =
      Hash.fromHex("0x01a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");

  private TestTransactions() {}

  static LegacyTransaction legacy(Optional<Address> to, Bytes data) {
    return new LegacyTransaction(
        0, Wei.fromGwei(1), 100_000, to, Wei.of(1), data, CHAIN, TransactionSigner.UNSIGNED);
  }

  static LegacyTransaction legacy() {
    return legacy(Optional.of(RECIPIENT), Bytes.EMPTY);
  }

  static AccessListTransaction accessList(List<AccessListEntry> accessList) {
    return new AccessListTransaction(
        CHAIN,
        0,
        Wei.fromGwei(1),
        100_000,
        Optional.of(RECIPIENT),
        Wei.ZERO,
        Bytes.EMPTY,
        accessList,
        TransactionSigner.UNSIGNED);
  }

  static DynamicFeeTransaction dynamicFee(Wei tip, Wei feeCap) {
    return new DynamicFeeTransaction(
        CHAIN,
        0,
        tip,
        feeCap,
        100_000,
        Optional.of(RECIPIENT),
        Wei.ZERO,
        Bytes.EMPTY,
        List.of(),
        TransactionSigner.UNSIGNED);
  }

  static DynamicFeeTransaction dynamicFee() {
    return dynamicFee(Wei.fromGwei(1), Wei.fromGwei(10));
  }

  static BlobTransaction blob(List<Hash> hashes) {
    return new BlobTransaction(
        CHAIN,
        0,
        Wei.fromGwei(1),
        Wei.fromGwei(10),
        100_000,
        Optional.of(RECIPIENT),
        Wei.ZERO,
        Bytes.EMPTY,
        List.of(),
        Wei.of(10),
        hashes,
        TransactionSigner.UNSIGNED);
  }

  static BlobTransaction blob() {
    return blob(List.of(BLOB_HASH));
  }

  static SetCodeTransaction setCode(List<Authorization> authorizations) {
    return new SetCodeTransaction(
        CHAIN,
        0,
        Wei.fromGwei(1),
        Wei.fromGwei(10),
        100_000,
        Optional.of(RECIPIENT),
        Wei.ZERO,
        Bytes.EMPTY,
        List.of(),
        authorizations,
        TransactionSigner.UNSIGNED);
  }

  static SetCodeTransaction setCode() {
    return setCode(
        List.of(TransactionSigner.signAuthorization(UInt256.valueOf(CHAIN_ID), RECIPIENT, 0, KEY)));
  }

  static <T extends Transaction> T signed(T tx) {
    return TransactionSigner.sign(tx, KEY);
  }
}
