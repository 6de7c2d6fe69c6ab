package org.megaeth.core.block;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.rlp.RlpReader;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/** An event log: the emitting contract, up to four topics, and data. */
public record Log(Address address, List<Hash> topics, Bytes data) {
  public Log {
    topics = List.copyOf(topics);
    if (topics.size() > 4) {
      throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
    }
  }

  /** Writes the log's list, its header first (its length is computed, not found by writing). */
  public void writeTo(RlpWriter out) {
    out.writeListHeader(payloadLength());
    out.writeAddress(address);
    out.writeListHeader((1 + Hash.SIZE) * topics.size());
    for (Hash topic : topics) {
      out.writeHash(topic);
    }
    out.writeBytes(data);
  }

  /** The length of the log's list items: address, topics' list and data. */
  public int payloadLength() {
    return 1
        + Address.SIZE
        + RlpWriter.listLength((1 + Hash.SIZE) * topics.size())
        + RlpWriter.stringLength(data);
  }

  public static Log readFrom(RlpReader in) {
    return in.readList(
        r -> new Log(r.readAddress(), r.readListOf(RlpReader::readHash), r.readBytes()));
  }
}
