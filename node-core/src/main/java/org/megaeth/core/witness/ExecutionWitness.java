package org.megaeth.core.witness;

import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpException;

/**
 * Everything a stateless verifier needs to re-execute one block, with the same content as the
 * {@code debug_executionWitness} RPC of geth and reth.
 *
 * @param state the pre-state trie nodes (account trie and storage tries) on every path the block
 *     read or wrote, including the siblings that branch collapses need; sorted by hash
 * @param codes the bytecode of every contract the block ran or read; sorted by hash
 * @param keys the preimages of the trie keys touched: 20-byte addresses and 32-byte slot keys
 * @param headers the ancestors BLOCKHASH needs, oldest first: from just above the oldest block it
 *     read up to the parent's parent; with the parent header, which the verifier holds, they chain
 *     by parent hash down to every hash read
 */
public record ExecutionWitness(
    List<Bytes> state, List<Bytes> codes, List<Bytes> keys, List<BlockHeader> headers) {

  /** The first byte of the binary form; bumped when its layout changes. */
  public static final int VERSION = 1;

  public ExecutionWitness {
    state = List.copyOf(state);
    codes = List.copyOf(codes);
    keys = List.copyOf(keys);
    headers = List.copyOf(headers);
  }

  /** {@code version || rlp([[node...], [code...], [key...], [header...]])}. */
  public Bytes encode() {
    Bytes body =
        Rlp.encodeList(
            w -> {
              w.writeList(l -> state.forEach(l::writeBytes));
              w.writeList(l -> codes.forEach(l::writeBytes));
              w.writeList(l -> keys.forEach(l::writeBytes));
              w.writeList(l -> headers.forEach(h -> h.writeTo(l)));
            });
    return Bytes.concatenate(Bytes.of(VERSION), body);
  }

  /**
   * Decodes {@link #encode()}'s form.
   *
   * @throws RlpException if the bytes are not a witness of a known version
   */
  public static ExecutionWitness decode(Bytes encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.isEmpty() || encoded.get(0) != VERSION) {
      throw new RlpException(
          encoded.isEmpty()
              ? "empty witness"
              : "unsupported witness version " + (encoded.get(0) & 0xFF));
    }
    return Rlp.decodeList(
        encoded.slice(1),
        r ->
            new ExecutionWitness(
                r.readListOf(x -> x.readBytes()),
                r.readListOf(x -> x.readBytes()),
                r.readListOf(x -> x.readBytes()),
                r.readListOf(BlockHeader::readFrom)));
  }

  /** Total bytes of nodes, codes, keys and headers (for size reports). */
  public long contentSize() {
    long size = 0;
    for (Bytes b : state) {
      size += b.size();
    }
    for (Bytes b : codes) {
      size += b.size();
    }
    for (Bytes b : keys) {
      size += b.size();
    }
    for (BlockHeader h : headers) {
      size += h.encode().size();
    }
    return size;
  }
}
