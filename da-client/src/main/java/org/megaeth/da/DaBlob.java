package org.megaeth.da;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;

/**
 * What a block publishes to DA: named byte payloads (its state diff and witness today; a later kind
 * needs no new format) tagged with the block they belong to.
 *
 * <p>The canonical encoding, which commitments hash, is {@code "MDAB"}, version u8, block number
 * u64, block hash (32), part count u16, then per part its name (length u8, ASCII) and data (length
 * u32, bytes), big-endian, parts in their list order. {@link #decode} accepts exactly what {@link
 * #encode} produces.
 *
 * @param parts at least one; names are 1 to 64 characters of {@code [a-z0-9-]}, unique
 */
public record DaBlob(long blockNumber, Hash blockHash, List<Part> parts) {
  /** The name of the state-diff part (the compressed {@code StateDiffCodec} encoding). */
  public static final String STATE_DIFF = "state-diff";

  /** The name of the witness part ({@code ExecutionWitness#encode()}). */
  public static final String WITNESS = "witness";

  static final byte[] MAGIC = "MDAB".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int MAX_PARTS = 1024;
  static final int MAX_NAME = 64;

  public DaBlob {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("negative block number " + blockNumber);
    }
    Objects.requireNonNull(blockHash, "blockHash");
    parts = List.copyOf(parts);
    if (parts.isEmpty() || parts.size() > MAX_PARTS) {
      throw new IllegalArgumentException(
          "a blob has 1 to " + MAX_PARTS + " parts: " + parts.size());
    }
    Set<String> names = new HashSet<>();
    long total = 0;
    for (Part part : parts) {
      if (!names.add(part.name())) {
        throw new IllegalArgumentException("part " + part.name() + " given twice");
      }
      total += 1 + part.name().length() + 4 + part.data().size();
    }
    if (total > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("blob of " + total + " bytes is too large");
    }
  }

  /** A blob of a block's state diff and witness. */
  public static DaBlob of(long blockNumber, Hash blockHash, Bytes stateDiff, Bytes witness) {
    return new DaBlob(
        blockNumber,
        blockHash,
        List.of(new Part(STATE_DIFF, stateDiff), new Part(WITNESS, witness)));
  }

  /**
   * A named payload.
   *
   * @param name 1 to 64 characters of {@code [a-z0-9-]}
   */
  public record Part(String name, Bytes data) {
    public Part {
      Objects.requireNonNull(data, "data");
      if (!validName(name)) {
        throw new IllegalArgumentException("invalid part name " + name);
      }
    }
  }

  /** The data of the part named {@code name}. */
  public Optional<Bytes> part(String name) {
    for (Part part : parts) {
      if (part.name().equals(name)) {
        return Optional.of(part.data());
      }
    }
    return Optional.empty();
  }

  /** The canonical encoding; see the class comment. */
  public Bytes encode() {
    int size = MAGIC.length + 1 + 8 + 32 + 2;
    for (Part part : parts) {
      size += 1 + part.name().length() + 4 + part.data().size();
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put(MAGIC).put((byte) VERSION).putLong(blockNumber).put(blockHash.toArray());
    b.putShort((short) parts.size());
    for (Part part : parts) {
      b.put((byte) part.name().length()).put(part.name().getBytes(StandardCharsets.US_ASCII));
      b.putInt(part.data().size()).put(part.data().toArrayUnsafe());
    }
    return Bytes.wrap(b.array());
  }

  /**
   * Decodes the canonical encoding, strictly: a wrong magic or version, a length running past the
   * end, an invalid or repeated name, or trailing bytes are rejected, naming what and where.
   */
  public static DaBlob decode(Bytes encoded) throws DaException {
    ByteBuffer b = ByteBuffer.wrap(encoded.toArrayUnsafe());
    try {
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new DaException("not a DA blob: wrong magic");
      }
      int version = b.get() & 0xFF;
      if (version != VERSION) {
        throw new DaException("DA blob version " + version + " is not supported");
      }
      long blockNumber = b.getLong();
      if (blockNumber < 0) {
        throw new DaException("DA blob with negative block number");
      }
      byte[] hash = new byte[32];
      b.get(hash);
      int count = b.getShort() & 0xFFFF;
      if (count == 0 || count > MAX_PARTS) {
        throw new DaException("DA blob with " + count + " parts");
      }
      List<Part> parts = new ArrayList<>(count);
      Set<String> names = new HashSet<>();
      for (int i = 0; i < count; i++) {
        int nameLength = b.get() & 0xFF;
        byte[] name = new byte[nameLength];
        b.get(name);
        String n = new String(name, StandardCharsets.US_ASCII);
        if (!validName(n) || !names.add(n)) {
          throw new DaException("DA blob part " + i + " has an invalid or repeated name");
        }
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
          throw new DaException(
              "DA blob part "
                  + n
                  + " claims "
                  + Integer.toUnsignedString(length)
                  + " bytes but "
                  + b.remaining()
                  + " remain");
        }
        byte[] data = new byte[length];
        b.get(data);
        parts.add(new Part(n, Bytes.wrap(data)));
      }
      if (b.hasRemaining()) {
        throw new DaException("DA blob has " + b.remaining() + " trailing bytes");
      }
      return new DaBlob(blockNumber, Hash.wrap(hash), parts);
    } catch (java.nio.BufferUnderflowException e) {
      throw new DaException("DA blob cut short at byte " + b.position());
    }
  }

  private static boolean validName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
