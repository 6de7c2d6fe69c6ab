package org.megaeth.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/** The invariants of the node-core API records. */
class ApiRecordsTest {
  private static final Transaction TX =
      new DynamicFeeTransaction(
          Optional.of(UInt256.ONE),
          0,
          Wei.of(1),
          Wei.of(2),
          21_000,
          Optional.of(Address.ofNumber(1)),
          Wei.ZERO,
          Bytes.EMPTY,
          List.of(),
          TransactionSigner.UNSIGNED);

  private static BlockHeader header(long number) {
    return new BlockHeader(
        Hash.ZERO,
        Keccak.EMPTY_LIST,
        Address.ZERO,
        Hash.ZERO,
        Hash.ZERO,
        Hash.ZERO,
        LogsBloom.EMPTY,
        UInt256.ZERO,
        number,
        30_000_000,
        0,
        0,
        Bytes.EMPTY,
        Hash.ZERO,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void shouldBuildBlockRefsAndRefuseNegativeNumbers() {
    assertThat(BlockRef.newest()).isSameAs(BlockRef.newest());
    assertThat(BlockRef.number(3)).isEqualTo(new BlockRef.Number(3));
    assertThat(BlockRef.hash(Hash.ZERO)).isEqualTo(new BlockRef.ByHash(Hash.ZERO));
    assertThatThrownBy(() -> BlockRef.number(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAttachTheBlockHashWhenSealed() {
    TransactionResult preconfirmed =
        new TransactionResult(
            TX,
            TX.hash(),
            Address.ofNumber(2),
            Receipt.of(2, true, 21_000, List.of()),
            21_000,
            Wei.of(2),
            Optional.empty(),
            1,
            12,
            0,
            0,
            OptionalInt.of(0),
            0,
            Optional.empty(),
            Optional.empty());
    Hash blockHash = Hash.fromHex("0x" + "aa".repeat(32));
    TransactionResult sealed = preconfirmed.sealedIn(blockHash);
    assertThat(preconfirmed.blockHash()).isEmpty();
    assertThat(sealed.blockHash()).contains(blockHash);
    assertThat(sealed.receipt()).isEqualTo(preconfirmed.receipt());
  }

  @Test
  void shouldRequireOneReceiptAndOneHashPerTransaction() {
    Block block =
        new Block(header(1), new BlockBody(List.of(TX), List.of(), Optional.of(List.of())));
    int size = block.encode().size();
    List<Receipt> receipts = List.of(Receipt.of(2, true, 21_000, List.of()));
    assertThatThrownBy(
            () -> new SealedBlock(block, block.hash(), List.of(), List.of(TX.hash()), size))
        .hasMessage("0 receipts and 1 hashes for 1 transactions");
    assertThatThrownBy(() -> new SealedBlock(block, block.hash(), receipts, List.of(), size))
        .hasMessage("1 receipts and 0 hashes for 1 transactions");
    SealedBlock sealed = new SealedBlock(block, block.hash(), receipts, List.of(TX.hash()), size);
    assertThat(sealed.receipts()).hasSize(1);
    assertThat(sealed.transactionHashes()).containsExactly(TX.hash());
  }

  @Test
  void shouldGiveABlocksEncodedSizeFromItsTransactionsEncodings() {
    Block block =
        new Block(header(1), new BlockBody(List.of(TX, TX), List.of(), Optional.of(List.of())));
    assertThat(block.encodedSize(List.of(TX.encoded(), TX.encoded())))
        .isEqualTo(block.encode().size());
    assertThatThrownBy(() -> block.encodedSize(List.of(TX.encoded())))
        .hasMessage("1 encodings for 2 transactions");
  }

  @Test
  void shouldCarrySubmitOutcomes() {
    assertThat(SubmitResult.accepted(Hash.ZERO)).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(SubmitResult.rejected("already known"))
        .isEqualTo(new SubmitResult.Rejected("already known"));
    assertThatThrownBy(() -> new TransactionLocation(Hash.ZERO, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldKeepMiniBlockTransactionsImmutable() {
    MiniBlock mini = new MiniBlock(5, 2, 0, 1_000_000, new java.util.ArrayList<>());
    assertThatThrownBy(() -> mini.transactions().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
