package org.megaeth.core.block;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.rlp.RlpReader;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.types.Hash;

/**
 * A transaction receipt as consensus sees it (the fields that go into the receipts root).
 *
 * @param type the transaction type (0 legacy, 1 EIP-2930, 2 EIP-1559, 3 EIP-4844, 4 EIP-7702)
 * @param postStateRoot before Byzantium, the state root after the transaction instead of a status
 * @param success the EIP-658 status (Byzantium and later)
 */
public record Receipt(
    int type,
    Optional<Hash> postStateRoot,
    boolean success,
    long cumulativeGasUsed,
    LogsBloom logsBloom,
    List<Log> logs) {

  public Receipt {
    if (type < 0 || type > 0x7f) {
      throw new IllegalArgumentException("transaction type out of range: " + type);
    }
    logs = List.copyOf(logs);
  }

  /** A Byzantium-or-later receipt, with the bloom computed from the logs. */
  public static Receipt of(int type, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(
        type, Optional.empty(), success, cumulativeGasUsed, LogsBloom.of(logs), logs);
  }

  /**
   * The consensus encoding, as stored in the receipts trie: {@code rlp([status, gas, bloom, logs])}
   * for legacy, {@code type || rlp(...)} for typed receipts (EIP-2718).
   */
  public Bytes encode() {
    // Sized first and written front to back: every receipt is encoded on the committing thread of
    // the sequencer, and the growing writer moved the payload up for each long list header (the
    // receipt's, the logs', each log's) and copied the whole at the end.
    int logsPayload = logsPayloadLength();
    int payload = payloadLength(logsPayload);
    return Rlp.encodeExact(
        (type != 0 ? 1 : 0) + RlpWriter.listLength(payload),
        w -> {
          if (type != 0) {
            w.writeRawByte(type);
          }
          writePayload(w, payload, logsPayload);
        });
  }

  /**
   * Writes the receipt as an item of a list on the wire: legacy receipts as a list, typed ones as a
   * string holding their encoding.
   */
  public void writeTo(RlpWriter out) {
    if (type == 0) {
      int logsPayload = logsPayloadLength();
      writePayload(out, payloadLength(logsPayload), logsPayload);
    } else {
      out.writeBytes(encode());
    }
  }

  /** Decodes the consensus encoding ({@link #encode()}). */
  public static Receipt decode(Bytes encoded) {
    if (encoded.isEmpty()) {
      throw new RlpException("empty receipt encoding");
    }
    int first = encoded.get(0) & 0xFF;
    if (first >= 0xc0) {
      return Rlp.decode(encoded, r -> readPayload(0, r));
    }
    if (first > 0x7f) {
      throw new RlpException("invalid receipt type byte 0x" + Integer.toHexString(first));
    }
    return Rlp.decode(encoded.slice(1), r -> readPayload(first, r));
  }

  /** Reads one receipt item of a list on the wire (see {@link #writeTo}). */
  public static Receipt readFrom(RlpReader in) {
    return in.nextIsList() ? readPayload(0, in) : decode(in.readBytes());
  }

  /** The list {@code [status, gas, bloom, logs]}, with the lengths of its items and its logs. */
  private void writePayload(RlpWriter w, int payload, int logsPayload) {
    w.writeListHeader(payload);
    if (postStateRoot.isPresent()) {
      w.writeHash(postStateRoot.get());
    } else {
      w.writeUInt64(success ? 1 : 0);
    }
    w.writeUInt64(cumulativeGasUsed);
    w.writeBytes(logsBloom.bytes());
    w.writeListHeader(logsPayload);
    for (Log log : logs) {
      log.writeTo(w);
    }
  }

  private int logsPayloadLength() {
    int length = 0;
    for (Log log : logs) {
      length += RlpWriter.listLength(log.payloadLength());
    }
    return length;
  }

  private int payloadLength(int logsPayload) {
    return (postStateRoot.isPresent() ? 1 + Hash.SIZE : 1)
        + RlpWriter.uint64Length(cumulativeGasUsed)
        + 3
        + LogsBloom.SIZE
        + RlpWriter.listLength(logsPayload);
  }

  private static Receipt readPayload(int type, RlpReader in) {
    return in.readList(
        r -> {
          Bytes statusOrRoot = r.readBytes();
          Optional<Hash> root = Optional.empty();
          boolean success;
          if (statusOrRoot.size() == 32) {
            root = Optional.of(Hash.of(statusOrRoot));
            success = true;
          } else if (statusOrRoot.isEmpty()) {
            success = false;
          } else if (statusOrRoot.size() == 1 && statusOrRoot.get(0) == 1) {
            success = true;
          } else {
            throw new RlpException("receipt status must be empty, 0x01 or a 32-byte state root");
          }
          long gas = r.readLong();
          LogsBloom bloom = LogsBloom.of(r.readFixed(LogsBloom.SIZE, "logs bloom"));
          List<Log> logs = r.readListOf(Log::readFrom);
          return new Receipt(type, root, success, gas, bloom, logs);
        });
  }
}
