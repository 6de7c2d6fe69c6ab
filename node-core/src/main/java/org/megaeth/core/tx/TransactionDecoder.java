package org.megaeth.core.tx;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.rlp.RlpReader;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * Reads the encodings {@link TransactionEncoder} writes. Strict: a byte string decodes to at most
 * one transaction, and anything else (non-canonical RLP, integers with leading zeros or wider than
 * their field, a wrong field count, a {@code to} that is not 20 bytes, a legacy {@code v} that is
 * neither 27/28 nor EIP-155, a typed y-parity other than 0/1, an unknown type) is an {@link
 * RlpException} whose message names the field. Whether the transaction is acceptable (chain id,
 * fork, signature, gas) is {@link TransactionValidator}'s business, not the decoder's.
 */
public final class TransactionDecoder {
  private static final int LEGACY_FIELDS = 9;
  private static final int ACCESS_LIST_FIELDS = 11;
  private static final int DYNAMIC_FEE_FIELDS = 12;
  private static final int BLOB_FIELDS = 14;
  private static final int SET_CODE_FIELDS = 13;
  private static final UInt256 V_27 = UInt256.valueOf(27);
  private static final UInt256 V_28 = UInt256.valueOf(28);
  private static final UInt256 V_35 = UInt256.valueOf(35);

  /**
   * No bytes at all: geth reads them as a typed transaction missing its type byte and payload
   * ({@code core/types} {@code errShortTypedTx}), and clients see its words.
   */
  private static final String EMPTY = "typed transaction too short";

  private TransactionDecoder() {}

  /** Decodes the canonical form: a legacy RLP list, or {@code type || rlp(payload)}. */
  public static Transaction decode(Bytes canonical) {
    if (canonical.isEmpty()) {
      throw new RlpException(EMPTY);
    }
    int first = canonical.get(0) & 0xFF;
    if (first >= 0xC0) {
      return Rlp.decode(canonical, r -> r.readList(TransactionDecoder::readLegacy));
    }
    return decodeTyped(canonical);
  }

  /** Reads one item of a block body's transaction list (a typed transaction is an RLP string). */
  public static Transaction readBlockBodyItem(RlpReader reader) {
    if (reader.nextIsList()) {
      return decode(reader.readRaw());
    }
    Bytes typed = reader.readBytes();
    if (typed.isEmpty()) {
      throw new RlpException("empty transaction in block body");
    }
    if ((typed.get(0) & 0xFF) >= 0xC0) {
      throw new RlpException(
          TransactionInvalid.TYPE_NOT_SUPPORTED.text()
              + ": a legacy transaction in a block body is a list, not wrapped in a string");
    }
    return decodeTyped(typed);
  }

  /** Decodes a block body's transaction list {@code rlp([item, ...])}. */
  public static List<Transaction> decodeBlockBody(Bytes encodedList) {
    return Rlp.decode(encodedList, r -> r.readListOf(TransactionDecoder::readBlockBodyItem));
  }

  /**
   * Decodes the network form: a blob transaction must come wrapped with its sidecar (EIP-4844
   * {@code [body, blobs, commitments, proofs]} or EIP-7594 {@code [body, 1, blobs, commitments,
   * cell_proofs]}); other types are as in {@link #decode}.
   */
  public static PooledTransaction decodePooled(Bytes network) {
    if (network.isEmpty()) {
      throw new RlpException(EMPTY);
    }
    if ((network.get(0) & 0xFF) != TransactionType.BLOB.number()) {
      return PooledTransaction.of(decode(network));
    }
    return Rlp.decode(network.slice(1), r -> r.readList(TransactionDecoder::readBlobWrapper));
  }

  private static Transaction decodeTyped(Bytes canonical) {
    int typeByte = canonical.get(0) & 0xFF;
    TransactionType type =
        TransactionType.ofTypeByte(typeByte).orElseThrow(() -> unsupportedType(typeByte));
    Bytes payload = canonical.slice(1);
    if (payload.isEmpty()) {
      throw new RlpException(
          "typed transaction too short: type byte 0x%02x and no payload".formatted(typeByte));
    }
    return Rlp.decode(
        payload,
        r -> {
          if (!r.nextIsList()) {
            throw new RlpException(describe(type) + " payload is not an RLP list");
          }
          return r.readList(fields -> readTyped(type, fields));
        });
  }

  private static RlpException unsupportedType(int firstByte) {
    String what =
        firstByte < 0x80
            ? "type 0x%02x is not one of 0x01-0x04".formatted(firstByte)
            : "first byte 0x%02x is neither an EIP-2718 type nor a legacy RLP list"
                .formatted(firstByte);
    return new RlpException(TransactionInvalid.TYPE_NOT_SUPPORTED.text() + ": " + what);
  }

  private static Transaction readTyped(TransactionType type, RlpReader reader) {
    return switch (type) {
      case ACCESS_LIST -> readAccessList(reader);
      case DYNAMIC_FEE -> readDynamicFee(reader);
      case BLOB -> {
        if (reader.nextIsList()) {
          throw new RlpException(
              "blob transaction in network form (with its sidecar) where the canonical form was"
                  + " expected");
        }
        yield readBlob(reader);
      }
      case SET_CODE -> readSetCode(reader);
      case LEGACY -> throw new IllegalStateException("legacy transactions have no type byte");
    };
  }

  private static LegacyTransaction readLegacy(RlpReader reader) {
    Fields f = new Fields(reader, "legacy transaction", LEGACY_FIELDS);
    long nonce = f.uint64("nonce");
    Wei gasPrice = f.wei("gasPrice");
    long gasLimit = f.uint64("gasLimit");
    Optional<Address> to = f.to("to");
    Wei value = f.wei("value");
    Bytes data = f.bytes("data");
    UInt256 v = f.uint256("v");
    UInt256 r = f.uint256("r");
    UInt256 s = f.uint256("s");
    f.end();
    return f.build(
        () -> {
          int recId;
          Optional<UInt256> chainId;
          if (v.equals(V_27) || v.equals(V_28)) {
            recId = (int) (v.u0() - 27);
            chainId = Optional.empty();
          } else if (v.compareTo(V_35) >= 0) {
            // EIP-155: v = chainId * 2 + 35 + recId.
            UInt256 offset = v.subtract(V_35);
            recId = (int) (offset.u0() & 1);
            chainId = Optional.of(offset.divide(UInt256.valueOf(2)));
          } else {
            throw new RlpException(
                "legacy transaction field v: "
                    + v
                    + " is neither 27/28 nor chainId * 2 + 35/36 (EIP-155)");
          }
          return new LegacyTransaction(
              nonce, gasPrice, gasLimit, to, value, data, chainId, new Signature(r, s, recId));
        });
  }

  private static AccessListTransaction readAccessList(RlpReader reader) {
    Fields f = new Fields(reader, "EIP-2930 transaction", ACCESS_LIST_FIELDS);
    UInt256 chainId = f.uint256("chainId");
    long nonce = f.uint64("nonce");
    Wei gasPrice = f.wei("gasPrice");
    long gasLimit = f.uint64("gasLimit");
    Optional<Address> to = f.to("to");
    Wei value = f.wei("value");
    Bytes data = f.bytes("data");
    List<AccessListEntry> accessList = f.accessList("accessList");
    Signature signature = f.signature();
    f.end();
    return f.build(
        () ->
            new AccessListTransaction(
                Optional.of(chainId),
                nonce,
                gasPrice,
                gasLimit,
                to,
                value,
                data,
                accessList,
                signature));
  }

  private static DynamicFeeTransaction readDynamicFee(RlpReader reader) {
    Fields f = new Fields(reader, "EIP-1559 transaction", DYNAMIC_FEE_FIELDS);
    UInt256 chainId = f.uint256("chainId");
    long nonce = f.uint64("nonce");
    Wei maxPriorityFeePerGas = f.wei("maxPriorityFeePerGas");
    Wei maxFeePerGas = f.wei("maxFeePerGas");
    long gasLimit = f.uint64("gasLimit");
    Optional<Address> to = f.to("to");
    Wei value = f.wei("value");
    Bytes data = f.bytes("data");
    List<AccessListEntry> accessList = f.accessList("accessList");
    Signature signature = f.signature();
    f.end();
    return f.build(
        () ->
            new DynamicFeeTransaction(
                Optional.of(chainId),
                nonce,
                maxPriorityFeePerGas,
                maxFeePerGas,
                gasLimit,
                to,
                value,
                data,
                accessList,
                signature));
  }

  private static BlobTransaction readBlob(RlpReader reader) {
    Fields f = new Fields(reader, "blob transaction", BLOB_FIELDS);
    UInt256 chainId = f.uint256("chainId");
    long nonce = f.uint64("nonce");
    Wei maxPriorityFeePerGas = f.wei("maxPriorityFeePerGas");
    Wei maxFeePerGas = f.wei("maxFeePerGas");
    long gasLimit = f.uint64("gasLimit");
    Address to = f.requiredTo("to", TransactionInvalid.BLOB_TX_CREATE);
    Wei value = f.wei("value");
    Bytes data = f.bytes("data");
    List<AccessListEntry> accessList = f.accessList("accessList");
    Wei maxFeePerBlobGas = f.wei("maxFeePerBlobGas");
    List<Hash> hashes = f.read("blobVersionedHashes", r -> r.readListOf(RlpReader::readHash));
    Signature signature = f.signature();
    f.end();
    return f.build(
        () ->
            new BlobTransaction(
                Optional.of(chainId),
                nonce,
                maxPriorityFeePerGas,
                maxFeePerGas,
                gasLimit,
                Optional.of(to),
                value,
                data,
                accessList,
                maxFeePerBlobGas,
                hashes,
                signature));
  }

  private static SetCodeTransaction readSetCode(RlpReader reader) {
    Fields f = new Fields(reader, "EIP-7702 transaction", SET_CODE_FIELDS);
    UInt256 chainId = f.uint256("chainId");
    long nonce = f.uint64("nonce");
    Wei maxPriorityFeePerGas = f.wei("maxPriorityFeePerGas");
    Wei maxFeePerGas = f.wei("maxFeePerGas");
    long gasLimit = f.uint64("gasLimit");
    Address to = f.requiredTo("destination", TransactionInvalid.SET_CODE_TX_CREATE);
    Wei value = f.wei("value");
    Bytes data = f.bytes("data");
    List<AccessListEntry> accessList = f.accessList("accessList");
    List<Authorization> authorizations =
        f.read("authorizationList", r -> r.readListOf(TransactionDecoder::readAuthorization));
    Signature signature = f.signature();
    f.end();
    return f.build(
        () ->
            new SetCodeTransaction(
                Optional.of(chainId),
                nonce,
                maxPriorityFeePerGas,
                maxFeePerGas,
                gasLimit,
                Optional.of(to),
                value,
                data,
                accessList,
                authorizations,
                signature));
  }

  private static Authorization readAuthorization(RlpReader reader) {
    return reader.readList(
        r -> {
          Fields f = new Fields(r, "authorization", 6);
          UInt256 chainId = f.uint256("chainId");
          Address address = f.read("address", RlpReader::readAddress);
          long nonce = f.uint64("nonce");
          long yParity = f.uint64("yParity");
          UInt256 sigR = f.uint256("r");
          UInt256 sigS = f.uint256("s");
          f.end();
          if (yParity < 0 || yParity > 0xFF) {
            throw new RlpException("authorization field yParity: " + yParity + " is not a uint8");
          }
          return new Authorization(chainId, address, nonce, (int) yParity, sigR, sigS);
        });
  }

  private static PooledTransaction readBlobWrapper(RlpReader reader) {
    if (!reader.nextIsList()) {
      throw new RlpException(
          "blob transaction in canonical form where the network form (with blobs, commitments and"
              + " proofs) was expected");
    }
    Fields f = new Fields(reader, "blob transaction network wrapper", 4);
    BlobTransaction tx = f.read("tx_payload_body", r -> r.readList(TransactionDecoder::readBlob));
    int version = BlobSidecar.VERSION_EIP4844;
    if (!reader.isComplete() && !reader.nextIsList()) {
      long wrapperVersion = f.uint64("wrapper_version");
      if (wrapperVersion != BlobSidecar.VERSION_EIP7594) {
        throw new RlpException("unsupported blob sidecar wrapper version " + wrapperVersion);
      }
      version = BlobSidecar.VERSION_EIP7594;
    }
    List<Bytes> blobs = f.read("blobs", r -> r.readListOf(RlpReader::readBytes));
    List<Bytes> commitments = f.read("commitments", r -> r.readListOf(RlpReader::readBytes));
    List<Bytes> proofs = f.read("proofs", r -> r.readListOf(RlpReader::readBytes));
    f.end();
    int sidecarVersion = version;
    BlobSidecar sidecar =
        f.build(() -> new BlobSidecar(sidecarVersion, blobs, commitments, proofs));
    return PooledTransaction.of(tx, sidecar);
  }

  private static String describe(TransactionType type) {
    return switch (type) {
      case LEGACY -> "legacy transaction";
      case ACCESS_LIST -> "EIP-2930 transaction";
      case DYNAMIC_FEE -> "EIP-1559 transaction";
      case BLOB -> "blob transaction";
      case SET_CODE -> "EIP-7702 transaction";
    };
  }

  /**
   * Reads the fields of one list in order, naming the field in every error and catching a list that
   * is too short or too long.
   */
  private static final class Fields {
    private final RlpReader reader;
    private final String what;
    private final int expected;
    private int count;

    Fields(RlpReader reader, String what, int expected) {
      this.reader = reader;
      this.what = what;
      this.expected = expected;
    }

    <T> T read(String field, Function<RlpReader, T> fn) {
      if (reader.isComplete()) {
        throw new RlpException(
            what
                + " has too few fields: "
                + count
                + ", expected "
                + expected
                + " (no "
                + field
                + ")");
      }
      try {
        T value = fn.apply(reader);
        count++;
        return value;
      } catch (RlpException | IllegalArgumentException e) {
        throw new RlpException(what + " field " + field + ": " + e.getMessage(), e);
      }
    }

    long uint64(String field) {
      return read(field, RlpReader::readUInt64);
    }

    UInt256 uint256(String field) {
      return read(field, RlpReader::readUInt256);
    }

    Wei wei(String field) {
      return Wei.of(uint256(field));
    }

    /** A copy, so a decoded transaction does not pin the (possibly large) input in memory. */
    Bytes bytes(String field) {
      return read(field, r -> r.readBytes().copy());
    }

    /** The recipient: 20 bytes, or the empty string for a contract creation. */
    Optional<Address> to(String field) {
      Bytes raw = read(field, RlpReader::readBytes);
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      if (raw.size() != Address.SIZE) {
        throw new RlpException(
            what
                + " field "
                + field
                + ": an address is 20 bytes (or empty for a contract creation), got "
                + raw.size());
      }
      return Optional.of(Address.of(raw));
    }

    /** A recipient that cannot be empty (blob and set-code transactions). */
    Address requiredTo(String field, TransactionInvalid ifEmpty) {
      return to(field)
          .orElseThrow(
              () ->
                  new RlpException(ifEmpty.text() + ": " + what + " field " + field + " is empty"));
    }

    List<AccessListEntry> accessList(String field) {
      return read(
          field,
          r ->
              r.readListOf(
                  entry ->
                      entry.readList(
                          e ->
                              new AccessListEntry(
                                  e.readAddress(), e.readListOf(RlpReader::readHash)))));
    }

    /** y-parity, r, s of a typed transaction. */
    Signature signature() {
      long yParity = uint64("yParity");
      UInt256 r = uint256("r");
      UInt256 s = uint256("s");
      if (yParity != 0 && yParity != 1) {
        throw new RlpException(
            what + " field yParity: must be 0 or 1, got " + Long.toUnsignedString(yParity));
      }
      return new Signature(r, s, (int) yParity);
    }

    void end() {
      if (!reader.isComplete()) {
        throw new RlpException(what + " has too many fields: more than " + expected);
      }
    }

    /** Runs a record constructor, reporting a broken invariant as a decoding error. */
    <T> T build(java.util.function.Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        throw new RlpException(what + ": " + e.getMessage(), e);
      }
    }
  }
}
