package org.megaeth.core.block;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.types.Hash;

/**
 * A block as on the wire and in a chain file: {@code rlp([header, transactions, ommers,
 * withdrawals])}, the withdrawals list present from Shanghai on.
 */
public record Block(BlockHeader header, BlockBody body) {
  public Block {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
  }

  public Hash hash() {
    return header.hash();
  }

  public long number() {
    return header.number();
  }

  public Bytes encode() {
    return Rlp.encodeList(
        w -> {
          header.writeTo(w);
          body.writeFieldsTo(w);
        });
  }

  /**
   * Decodes one block from its full RLP encoding.
   *
   * @throws RlpException if it is malformed, has trailing bytes or more fields than a block has
   */
  public static Block decode(Bytes rlp) {
    return Rlp.decode(
        rlp,
        r ->
            r.readList(
                fields -> {
                  BlockHeader header = BlockHeader.readFrom(fields);
                  BlockBody body = BlockBody.readFieldsFrom(fields);
                  if (!fields.isComplete()) {
                    throw new RlpException("block has more fields than any known fork defines");
                  }
                  return new Block(header, body);
                }));
  }
}
