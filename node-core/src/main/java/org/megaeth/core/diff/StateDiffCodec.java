package org.megaeth.core.diff;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * The binary form of a {@link StateDiff}. Version 1 is self-contained:
 *
 * <pre>
 * diff    = version:u8(=1) count:varint account*
 * account = address:20 flags:u8 [info] [slots]
 * flags   = DELETED | STORAGE_CLEARED | INFO | CODE | NO_CODE | SLOTS
 * info    = nonce:varint balance:word [code:varint-length bytes | codeHash:32 when neither CODE nor NO_CODE]
 * slots   = count:varint (key:32 value:word)*
 * word    = length:u8 (0..32) big-endian bytes without leading zeros
 * </pre>
 *
 * Values take only their significant bytes because balances and token amounts are mostly small;
 * slot keys stay 32 bytes because mapping keys are keccak outputs, which nothing shortens. The code
 * hash is left out when the code itself is sent or the account has none. {@link #compress} wraps
 * the encoding in zstd for the wire and DA, where repeated addresses and values shrink.
 *
 * <p>Version 2 is the same but names addresses and slot keys through a {@link DiffKeyIndex}: each
 * is {@code ref:varint}, where 0 is followed by the key in full (it then gets the next index) and
 * {@code n > 0} means index {@code n - 1}. Keys repeat across blocks (the same holders, the same
 * balance slots), so most diffs carry mostly 1-3 byte references.
 */
public final class StateDiffCodec {
  public static final int VERSION = 1;

  /** The version that refers to keys through a {@link DiffKeyIndex}. */
  public static final int VERSION_INDEXED = 2;

  /** Decompressed diffs larger than this are refused (a compression bomb from a peer). */
  public static final int MAX_DECOMPRESSED_SIZE = 256 * 1024 * 1024;

  private static final int DELETED = 1;
  private static final int STORAGE_CLEARED = 2;
  private static final int INFO = 4;
  private static final int CODE = 8;
  private static final int NO_CODE = 16;
  private static final int SLOTS = 32;
  private static final int KNOWN_FLAGS = 63;

  private static final int ZSTD_LEVEL = 3;

  private StateDiffCodec() {}

  /** Version 1: self-contained. */
  public static byte[] encode(StateDiff diff) {
    return encode(diff, null);
  }

  /**
   * Version 2 when {@code keys} is given: keys the dictionary knows become references, and the new
   * ones are assigned in {@code keys}; commit it once the diff's block is final.
   */
  public static byte[] encode(StateDiff diff, DiffKeyIndex.Overlay keys) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + diff.accounts().size() * 96);
    out.write(keys == null ? VERSION : VERSION_INDEXED);
    writeVarint(out, diff.accounts().size());
    for (AccountDiff account : diff.accounts()) {
      if (keys == null) {
        out.writeBytes(account.address().toArray());
      } else {
        writeRef(out, keys.addressRef(account.address()), account.address().toArray());
      }
      int flags = 0;
      if (account.deleted()) {
        flags |= DELETED;
      }
      if (account.storageCleared()) {
        flags |= STORAGE_CLEARED;
      }
      if (!account.slots().isEmpty()) {
        flags |= SLOTS;
      }
      AccountInfo info = account.info().orElse(null);
      if (info != null) {
        flags |= INFO;
        if (info.code().isPresent()) {
          flags |= CODE;
        } else if (!info.hasCode()) {
          flags |= NO_CODE;
        }
      }
      out.write(flags);
      if (info != null) {
        writeVarint(out, info.nonce());
        writeWord(out, info.balance());
        if (info.code().isPresent()) {
          byte[] code = info.code().get().toArrayUnsafe();
          writeVarint(out, code.length);
          out.writeBytes(code);
        } else if (info.hasCode()) {
          out.writeBytes(info.codeHash().toArray());
        }
      }
      if (!account.slots().isEmpty()) {
        writeVarint(out, account.slots().size());
        for (SlotChange slot : account.slots()) {
          if (keys == null) {
            out.writeBytes(slot.key().toBytes32());
          } else {
            writeRef(out, keys.slotRef(slot.key()), slot.key().toBytes32());
          }
          writeWord(out, slot.value());
        }
      }
    }
    return out.toByteArray();
  }

  /** Decodes version 1; version 2 needs {@link #decode(byte[], DiffKeyIndex.Overlay)}. */
  public static StateDiff decode(byte[] bytes) throws InvalidStateDiffException {
    return decode(bytes, null);
  }

  /**
   * Decodes version 1, or version 2 through {@code keys} (which takes the diff's new keys; commit
   * it once the diff is applied).
   */
  public static StateDiff decode(byte[] bytes, DiffKeyIndex.Overlay keys)
      throws InvalidStateDiffException {
    Reader in = new Reader(bytes);
    int version = in.u8();
    if (version == VERSION_INDEXED && keys == null) {
      throw new InvalidStateDiffException(
          "state diff version 2 refers to a key dictionary, and none was given");
    }
    if (version != VERSION && version != VERSION_INDEXED) {
      throw new InvalidStateDiffException(
          "unsupported state diff version %d (this node reads %d and %d)"
              .formatted(version, VERSION, VERSION_INDEXED));
    }
    boolean indexed = version == VERSION_INDEXED;
    long count = in.varint();
    List<AccountDiff> accounts = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      Address address = indexed ? readAddress(in, keys) : Address.wrap(in.bytes(20));
      int flags = in.u8();
      if ((flags & ~KNOWN_FLAGS) != 0) {
        throw new InvalidStateDiffException("unknown flags 0x%x for %s".formatted(flags, address));
      }
      Optional<AccountInfo> info = Optional.empty();
      if ((flags & INFO) != 0) {
        long nonce = in.varint();
        UInt256 balance = in.word();
        if ((flags & CODE) != 0) {
          Bytes code = Bytes.wrap(in.bytes(in.length()));
          info = Optional.of(new AccountInfo(nonce, balance, Keccak.hash(code), Optional.of(code)));
        } else if ((flags & NO_CODE) != 0) {
          info = Optional.of(new AccountInfo(nonce, balance, Keccak.EMPTY, Optional.empty()));
        } else {
          Hash codeHash = Hash.wrap(in.bytes(32));
          info = Optional.of(new AccountInfo(nonce, balance, codeHash, Optional.empty()));
        }
      } else if ((flags & (CODE | NO_CODE)) != 0) {
        throw new InvalidStateDiffException("code flags without account fields for " + address);
      }
      List<SlotChange> slots = new ArrayList<>();
      if ((flags & SLOTS) != 0) {
        long slotCount = in.varint();
        if (slotCount == 0) {
          throw new InvalidStateDiffException("empty slot list flagged for " + address);
        }
        for (long s = 0; s < slotCount; s++) {
          UInt256 key = indexed ? readSlotKey(in, keys) : UInt256.fromBytes(in.bytes(32));
          slots.add(new SlotChange(key, in.word()));
        }
      }
      try {
        accounts.add(
            new AccountDiff(
                address, (flags & DELETED) != 0, (flags & STORAGE_CLEARED) != 0, info, slots));
      } catch (IllegalArgumentException inconsistent) {
        throw new InvalidStateDiffException(inconsistent.getMessage());
      }
    }
    if (!in.isComplete()) {
      throw new InvalidStateDiffException(
          "trailing bytes after the last account: " + (bytes.length - in.position));
    }
    try {
      return new StateDiff(accounts);
    } catch (IllegalArgumentException unsorted) {
      throw new InvalidStateDiffException(unsorted.getMessage());
    }
  }

  /** zstd of the encoding; the decompressed size is in the zstd frame header. */
  public static byte[] compress(byte[] encoded) {
    return Zstd.compress(encoded, ZSTD_LEVEL);
  }

  public static byte[] decompress(byte[] compressed) throws InvalidStateDiffException {
    long size;
    try {
      size = Zstd.getFrameContentSize(compressed);
    } catch (ZstdException e) {
      throw new InvalidStateDiffException("not a zstd frame: " + e.getMessage());
    }
    if (size < 0 || size > MAX_DECOMPRESSED_SIZE) {
      throw new InvalidStateDiffException(
          "compressed state diff declares %d bytes; the limit is %d"
              .formatted(size, MAX_DECOMPRESSED_SIZE));
    }
    try {
      byte[] out = new byte[(int) size];
      long written = Zstd.decompressByteArray(out, 0, out.length, compressed, 0, compressed.length);
      if (written != size) {
        throw new InvalidStateDiffException("zstd frame shorter than it declares");
      }
      return out;
    } catch (ZstdException e) {
      throw new InvalidStateDiffException("corrupt zstd frame: " + e.getMessage());
    }
  }

  private static void writeRef(ByteArrayOutputStream out, int index, byte[] full) {
    if (index < 0) {
      out.write(0);
      out.writeBytes(full);
    } else {
      writeVarint(out, index + 1L);
    }
  }

  private static Address readAddress(Reader in, DiffKeyIndex.Overlay keys)
      throws InvalidStateDiffException {
    long ref = in.varint();
    if (ref == 0) {
      Address address = Address.wrap(in.bytes(20));
      if (!keys.learnAddress(address)) {
        throw new InvalidStateDiffException("address " + address + " sent in full but indexed");
      }
      return address;
    }
    Address address = keys.address(ref - 1);
    if (address == null) {
      throw new InvalidStateDiffException("unknown address index " + (ref - 1));
    }
    return address;
  }

  private static UInt256 readSlotKey(Reader in, DiffKeyIndex.Overlay keys)
      throws InvalidStateDiffException {
    long ref = in.varint();
    if (ref == 0) {
      UInt256 key = UInt256.fromBytes(in.bytes(32));
      if (!keys.learnSlot(key)) {
        throw new InvalidStateDiffException("slot key " + key + " sent in full but indexed");
      }
      return key;
    }
    UInt256 key = keys.slot(ref - 1);
    if (key == null) {
      throw new InvalidStateDiffException("unknown slot key index " + (ref - 1));
    }
    return key;
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static void writeWord(ByteArrayOutputStream out, UInt256 value) {
    byte[] minimal = value.toMinimalBytes();
    out.write(minimal.length);
    out.writeBytes(minimal);
  }

  private static final class Reader {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean isComplete() {
      return position == bytes.length;
    }

    int u8() throws InvalidStateDiffException {
      require(1);
      return bytes[position++] & 0xFF;
    }

    byte[] bytes(int n) throws InvalidStateDiffException {
      require(n);
      byte[] out = new byte[n];
      System.arraycopy(bytes, position, out, 0, n);
      position += n;
      return out;
    }

    long varint() throws InvalidStateDiffException {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = u8();
        if (shift == 63 && (b & 0x7E) != 0) {
          break;
        }
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          if (b == 0 && shift > 0) {
            throw new InvalidStateDiffException("non-canonical varint at byte " + position);
          }
          return value;
        }
      }
      throw new InvalidStateDiffException("varint longer than 64 bits at byte " + position);
    }

    int length() throws InvalidStateDiffException {
      long n = varint();
      if (n > bytes.length - position) {
        throw new InvalidStateDiffException(
            "length %d runs past the end at byte %d".formatted(n, position));
      }
      return (int) n;
    }

    UInt256 word() throws InvalidStateDiffException {
      int n = u8();
      if (n > 32) {
        throw new InvalidStateDiffException("word of " + n + " bytes at byte " + position);
      }
      byte[] value = bytes(n);
      if (n > 0 && value[0] == 0) {
        throw new InvalidStateDiffException("word with a leading zero at byte " + position);
      }
      return UInt256.fromBytes(value);
    }

    private void require(int n) throws InvalidStateDiffException {
      if (n < 0 || bytes.length - position < n) {
        throw new InvalidStateDiffException("truncated at byte " + position);
      }
    }
  }
}
