package org.megaeth.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

class BlockHeaderTest {
  /**
   * Block 1 of ethereum/tests BlockchainTests/ValidBlocks/bcEIP1153-transientStorage/
   * tloadDoesNotPersistAcrossBlocks (Cancun): a header with every field through Cancun.
   */
  private static final String CANCUN_HEADER =
      "0xf90240a07c02fe22f5a0e400450ea8565b4a3dc8b28c45b1ced7921724645b2bc47f3a17a01dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d4934794ba5e000000000000000000000000000000000000a0bbe5e20caae47d71bb409a5b33c2d10b69bedf26ec2f45c470eaeaec3ec6eafca03e8d270b4eb4fafa4155b74a7daefb4738a3c28c62c4301390ec22e7d11ffad9a058a52fa6e669cfe203a132e9901f5b278e07f6264673e478c0dd8bcce4e4d2a0b9010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000800188016345785d8a000082a99d82079e42a0000000000000000000000000000000000000000000000000000000000002000088000000000000000082036ba056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b4218080a00000000000000000000000000000000000000000000000000000000000000000";

  @Test
  void shouldDecodeACancunHeaderAndReproduceItsHash() {
    BlockHeader header = BlockHeader.decode(Bytes.fromHexString(CANCUN_HEADER));
    assertThat(header.number()).isEqualTo(1);
    assertThat(header.gasUsed()).isEqualTo(0xa99d);
    assertThat(header.baseFeePerGas()).contains(UInt256.valueOf(0x036b));
    assertThat(header.coinbase())
        .isEqualTo(Address.fromHex("0xba5e000000000000000000000000000000000000"));
    assertThat(header.blobGasUsed()).contains(0L);
    assertThat(header.parentBeaconBlockRoot()).contains(Hash.ZERO);
    assertThat(header.requestsHash()).isEmpty();
    assertThat(header.hash())
        .isEqualTo(
            Hash.fromHex("0x3d315cf5e9064bfe33f12890d979ddd43536d3cbf2c1366d2579458e3d3a0c8f"));
    assertThat(header.encode()).isEqualTo(Bytes.fromHexString(CANCUN_HEADER));
  }

  @Test
  void shouldRoundTripAPragueHeaderWithARequestsHash() {
    BlockHeader cancun = BlockHeader.decode(Bytes.fromHexString(CANCUN_HEADER));
    Hash requests = Hash.fromHex("0x" + "ab".repeat(32));
    BlockHeader prague =
        new BlockHeader(
            cancun.parentHash(),
            cancun.ommersHash(),
            cancun.coinbase(),
            cancun.stateRoot(),
            cancun.transactionsRoot(),
            cancun.receiptsRoot(),
            cancun.logsBloom(),
            cancun.difficulty(),
            cancun.number(),
            cancun.gasLimit(),
            cancun.gasUsed(),
            cancun.timestamp(),
            cancun.extraData(),
            cancun.mixHash(),
            cancun.nonce(),
            cancun.baseFeePerGas(),
            cancun.withdrawalsRoot(),
            cancun.blobGasUsed(),
            cancun.excessBlobGas(),
            cancun.parentBeaconBlockRoot(),
            Optional.of(requests));
    assertThat(BlockHeader.decode(prague.encode())).isEqualTo(prague);
    assertThat(prague.hash()).isNotEqualTo(cancun.hash());
  }

  @Test
  void shouldRejectAGapInTheForkFields() {
    BlockHeader cancun = BlockHeader.decode(Bytes.fromHexString(CANCUN_HEADER));
    assertThatThrownBy(
            () ->
                new BlockHeader(
                    cancun.parentHash(),
                    cancun.ommersHash(),
                    cancun.coinbase(),
                    cancun.stateRoot(),
                    cancun.transactionsRoot(),
                    cancun.receiptsRoot(),
                    cancun.logsBloom(),
                    cancun.difficulty(),
                    cancun.number(),
                    cancun.gasLimit(),
                    cancun.gasUsed(),
                    cancun.timestamp(),
                    cancun.extraData(),
                    cancun.mixHash(),
                    cancun.nonce(),
                    Optional.empty(),
                    cancun.withdrawalsRoot(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectAHeaderWithAnExtraField() {
    Bytes extended =
        Rlp.encodeList(
            w -> {
              Rlp.decode(Bytes.fromHexString(CANCUN_HEADER), r -> r.readListOf(x -> x.readRaw()))
                  .forEach(w::writeRaw);
              w.writeHash(Hash.ZERO); // requests hash (Prague)
              w.writeHash(Hash.ZERO); // no fork defines this one
            });
    assertThatThrownBy(() -> BlockHeader.decode(extended))
        .isInstanceOf(RlpException.class)
        .hasMessageContaining("more fields");
  }

  @Test
  void shouldRoundTripReceiptsOfEveryKindAndComputeTheirBloom() {
    Log log =
        new Log(
            Address.ofNumber(0x1234),
            List.of(Hash.fromHex("0x" + "11".repeat(32))),
            Bytes.fromHexString("0xdeadbeef"));
    for (int type = 0; type <= 4; type++) {
      Receipt receipt = Receipt.of(type, type % 2 == 0, 21_000L * (type + 1), List.of(log));
      assertThat(Receipt.decode(receipt.encode())).isEqualTo(receipt);
      Bytes asListItem = Rlp.encodeList(receipt::writeTo);
      List<Receipt> decoded = Rlp.decode(asListItem, r -> r.readListOf(Receipt::readFrom));
      assertThat(decoded).containsExactly(receipt);
      assertThat(receipt.logsBloom().mightContain(log.address())).isTrue();
      assertThat(receipt.logsBloom().mightContain(log.topics().get(0))).isTrue();
    }
    assertThat(Receipt.of(2, true, 1, List.of()).logsBloom()).isEqualTo(LogsBloom.EMPTY);
  }
}
