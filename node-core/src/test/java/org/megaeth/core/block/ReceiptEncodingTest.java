package org.megaeth.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.junit.jupiter.api.Test;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/**
 * A receipt's consensus encoding, which the node writes in one exactly sized array (its length
 * computed first), against Tuweni's RLP encoder building the same fields: byte for byte equal for
 * every type, status or pre-Byzantium root, gas up to 2^64 - 1, and logs of every size (short and
 * long list headers at each level), read back to the same receipt, and written the same as an item
 * of a list.
 */
class ReceiptEncodingTest {
  @Provide
  Arbitrary<Receipt> receipts() {
    Arbitrary<Log> log =
        Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofSize(Address.SIZE),
                Arbitraries.bytes().array(byte[].class).ofSize(Hash.SIZE).list().ofMaxSize(4),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
            .as(
                (address, topics, data) ->
                    new Log(
                        Address.wrap(address),
                        topics.stream().map(Hash::of).toList(),
                        Bytes.wrap(data)));
    return Combinators.combine(
            Arbitraries.of(0, 1, 2, 3, 4),
            Arbitraries.bytes().array(byte[].class).ofSize(Hash.SIZE).injectNull(0.3),
            Arbitraries.of(true, false),
            Arbitraries.longs().greaterOrEqual(0).edgeCases(c -> c.includeOnly(0L, 127L, 128L)),
            log.list().ofMaxSize(5))
        .as(
            (type, root, success, gas, logs) ->
                root != null
                    ? new Receipt(
                        type, Optional.of(Hash.of(root)), true, gas, LogsBloom.of(logs), logs)
                    : Receipt.of(type, success, gas, logs));
  }

  @Property(tries = 1_000)
  void shouldEncodeAsTheGenericEncoderDoesAndDecodeBack(@ForAll("receipts") Receipt receipt) {
    Bytes encoded = receipt.encode();

    assertThat(encoded).isEqualTo(oracle(receipt));
    assertThat(Receipt.decode(encoded)).isEqualTo(receipt);
    // As an item of a list on the wire: a legacy receipt is its list, a typed one a string of it.
    assertThat(Rlp.encode(receipt::writeTo))
        .isEqualTo(receipt.type() == 0 ? encoded : Rlp.encodeBytes(encoded));
  }

  @Test
  void shouldEncodeAnErc20TransferReceiptWithItsTypeByteAndLongHeaders() {
    Log transfer =
        new Log(
            Address.ofNumber(0x70c3),
            List.of(Hash.of(new byte[32]), Hash.of(new byte[32]), Hash.of(new byte[32])),
            Bytes.wrap(new byte[32]));
    Receipt receipt = Receipt.of(2, true, 34_513, List.of(transfer));

    Bytes encoded = receipt.encode();

    assertThat(encoded.get(0)).isEqualTo((byte) 2); // EIP-2718 type
    assertThat(encoded.get(1) & 0xff).isEqualTo(0xf9); // a list with a two-byte length
    assertThat(encoded.size()).isEqualTo(1 + 3 + encoded.slice(4).size());
    assertThat(encoded).isEqualTo(oracle(receipt));
  }

  /** The same fields through Tuweni's RLP: the list of status, gas, bloom and logs. */
  private static Bytes oracle(Receipt receipt) {
    Bytes list =
        RLP.encodeList(
            w -> {
              if (receipt.postStateRoot().isPresent()) {
                w.writeValue(receipt.postStateRoot().get().bytes());
              } else {
                w.writeLong(receipt.success() ? 1 : 0);
              }
              w.writeLong(receipt.cumulativeGasUsed());
              w.writeValue(receipt.logsBloom().bytes());
              w.writeList(
                  lw -> {
                    for (Log log : receipt.logs()) {
                      lw.writeList(
                          l -> {
                            l.writeValue(log.address().bytes());
                            l.writeList(t -> log.topics().forEach(h -> t.writeValue(h.bytes())));
                            l.writeValue(log.data());
                          });
                    }
                  });
            });
    if (receipt.type() == 0) {
      return list;
    }
    List<Bytes> parts = new ArrayList<>();
    parts.add(Bytes.of(receipt.type()));
    parts.add(list);
    return Bytes.concatenate(parts.toArray(new Bytes[0]));
  }
}
