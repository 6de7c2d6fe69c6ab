package org.megaeth.rpc.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.rpc.json.Json;

/** Hex quantities, data and block parameters, with geth's rules and words. */
class ParamsTest {
  private static JsonNode text(String s) {
    return Json.text(s);
  }

  @ParameterizedTest
  @CsvSource({
    "0x0, 0",
    "0x1, 1",
    "0xff, 255",
    "0xffffffffffffffff, -1",
  })
  void shouldParseQuantities(String hex, long value) throws Exception {
    assertThat(HexParser.uint64(text(hex))).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty hex string",
        "12|hex string without 0x prefix",
        "0x|hex string \"0x\"",
        "0x01|hex number with leading zero digits",
        "0xzz|invalid hex string",
        "0x10000000000000000|hex number > 64 bits",
      })
  void shouldRefuseBadQuantities(String hex, String message) {
    assertThatThrownBy(() -> HexParser.uint64(text(hex))).hasMessage(message);
  }

  @Test
  void shouldParseWideQuantitiesAndData() throws Exception {
    assertThat(HexParser.uint256(text("0x" + "f".repeat(64)))).isEqualTo(UInt256.MAX);
    assertThatThrownBy(() -> HexParser.uint256(text("0x1" + "0".repeat(64))))
        .hasMessage("hex number > 256 bits");
    assertThat(HexParser.data(text("0x")).isEmpty()).isTrue();
    assertThatThrownBy(() -> HexParser.data(text("0xabc"))).hasMessage("hex string of odd length");
    assertThatThrownBy(() -> HexParser.uint64(Json.nullNode()))
        .hasMessage("json: cannot unmarshal null into Go value of type hexutil.Uint64");
    assertThat(HexParser.hexOrDecimal(text("10"))).isEqualTo(10);
    assertThat(HexParser.hexOrDecimal(com.fasterxml.jackson.databind.node.IntNode.valueOf(7)))
        .isEqualTo(7);
  }

  @Test
  void shouldParseStorageKeysAsGethDoes() throws Exception {
    assertThat(HexParser.storageKey(text("0x1")).key()).isEqualTo(UInt256.ONE);
    assertThat(HexParser.storageKey(text("0x1")).length()).isEqualTo(1);
    assertThat(HexParser.storageKey(text("0x" + "0".repeat(64))).length()).isEqualTo(32);
  }

  @Test
  void shouldParseBlockParameters() throws Exception {
    assertThat(BlockParameters.parse(text("latest"))).isEqualTo(BlockParameter.Tag.LATEST);
    assertThat(BlockParameters.parse(text("finalized"))).isEqualTo(BlockParameter.Tag.FINALIZED);
    assertThat(BlockParameters.parse(text("0x10"))).isEqualTo(new BlockParameter.Number(16));
    Hash hash = Hash.fromHex("0x" + "ab".repeat(32));
    assertThat(BlockParameters.parse(text(hash.toHexString())))
        .isEqualTo(new BlockParameter.ByHash(hash, false));
    assertThat(
            BlockParameters.parse(
                Json.parse(
                    "{\"blockHash\":\"" + hash.toHexString() + "\",\"requireCanonical\":true}")))
        .isEqualTo(new BlockParameter.ByHash(hash, true));
    assertThat(BlockParameters.parse(Json.parse("{\"blockNumber\":\"safe\"}")))
        .isEqualTo(BlockParameter.Tag.SAFE);
    assertThatThrownBy(() -> BlockParameters.parse(Json.parse("{}")))
        .hasMessageContaining("needs blockHash or blockNumber");
    assertThatThrownBy(() -> BlockParameters.parse(text("Latest")))
        .hasMessage("hex string without 0x prefix");
    assertThat(BlockParameter.Tag.PENDING.isNewest()).isTrue();
    assertThat(BlockParameter.Tag.SAFE.isNewest()).isFalse();
  }
}
