package org.megaeth.chain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.Log;
import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.block.Withdrawal;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.LegacyTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionEncoder;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * The stored body and receipts are the network encodings, written in one exactly sized array: a
 * legacy envelope (an RLP list) goes into the list as it is, a typed one as a string holding it,
 * and lists long enough for a multi-byte header are sized right.
 */
class StoreCodecTest {
  private static final KeyPair KEY = KeyPair.of(SecretKey.fromHex("0x" + "33".repeat(32)));
  private static final Address TO = Address.ofNumber(0xbeef);

  @Test
  void shouldStoreABodyOfLegacyAndTypedTransactionsAsTheNetworkEncodesIt() {
    List<Transaction> transactions = List.of(legacy(0), typed(1), legacy(2), typed(3));
    BlockBody body =
        new BlockBody(
            transactions, List.of(), Optional.of(List.of(new Withdrawal(1, 2, TO, 3_000_000))));
    List<Bytes> encoded = transactions.stream().map(TransactionEncoder::encode).toList();

    Bytes stored = StoreCodec.encodeBody(body, encoded);

    assertThat(stored).isEqualTo(networkEncoding(body));
    assertThat(StoreCodec.decodeBody(stored)).isEqualTo(body);
  }

  @Test
  void shouldStoreLegacyAndTypedReceiptsAsTheNetworkEncodesThem() {
    Log log = new Log(TO, List.of(Hash.ZERO), Bytes.repeat((byte) 7, 100));
    List<Receipt> receipts =
        List.of(
            new Receipt(
                0, Optional.empty(), true, 21_000, LogsBloom.of(List.of(log)), List.of(log)),
            new Receipt(2, Optional.empty(), false, 42_000, LogsBloom.EMPTY, List.of()));

    Bytes stored = StoreCodec.encodeReceipts(receipts.stream().map(Receipt::encode).toList());

    assertThat(stored)
        .isEqualTo(
            Rlp.encodeList(
                w ->
                    receipts.forEach(
                        r -> {
                          if (r.type() == 0) {
                            w.writeRaw(r.encode());
                          } else {
                            w.writeBytes(r.encode());
                          }
                        })));
    assertThat(StoreCodec.decodeReceipts(stored)).isEqualTo(receipts);
  }

  private static Bytes networkEncoding(BlockBody body) {
    return Rlp.encodeList(
        w -> {
          w.writeList(
              txs ->
                  body.transactions()
                      .forEach(
                          tx -> {
                            Bytes envelope = TransactionEncoder.encode(tx);
                            if (tx instanceof LegacyTransaction) {
                              txs.writeRaw(envelope);
                            } else {
                              txs.writeBytes(envelope);
                            }
                          }));
          w.writeList(ommers -> {});
          w.writeList(list -> body.withdrawals().orElseThrow().forEach(wd -> wd.writeTo(list)));
        });
  }

  private static Transaction legacy(long nonce) {
    return TransactionSigner.sign(
        new LegacyTransaction(
            nonce,
            Wei.fromGwei(2),
            21_000,
            Optional.of(TO),
            Wei.of(5),
            Bytes.EMPTY,
            Optional.of(UInt256.ONE),
            TransactionSigner.UNSIGNED),
        KEY.secretKey());
  }

  private static Transaction typed(long nonce) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.ONE),
            nonce,
            Wei.fromGwei(1),
            Wei.fromGwei(10),
            60_000,
            Optional.of(TO),
            Wei.of(7),
            Bytes.repeat((byte) 1, 68),
            List.of(),
            TransactionSigner.UNSIGNED),
        KEY.secretKey());
  }
}
