package org.megaeth.rpc.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.json.Json;

class CallArgsParserTest {
  @Test
  void shouldParseAllFieldsAndPreferInput() throws Exception {
    CallArgs args =
        CallArgsParser.parse(
            Json.parse(
                "{\"from\":\"0x"
                    + "11".repeat(20)
                    + "\",\"to\":null,\"gas\":\"0x5208\","
                    + "\"maxFeePerGas\":\"0x2\",\"maxPriorityFeePerGas\":\"0x1\",\"value\":\"0xa\","
                    + "\"data\":\"0x01\",\"input\":\"0x01\",\"nonce\":\"0x7\",\"chainId\":\"0x1\","
                    + "\"accessList\":[{\"address\":\"0x"
                    + "22".repeat(20)
                    + "\",\"storageKeys\":[]}]}"));
    assertThat(args.from()).contains(Address.fromHex("0x" + "11".repeat(20)));
    assertThat(args.to()).isEmpty();
    assertThat(args.gas()).contains(21000L);
    assertThat(args.maxFeePerGas()).contains(Wei.of(2));
    assertThat(args.value()).contains(Wei.of(UInt256.valueOf(10)));
    assertThat(args.input().orElseThrow().toHexString()).isEqualTo("0x01");
    assertThat(args.accessList().orElseThrow()).hasSize(1);
    assertThat(args.hasFees()).isTrue();
  }

  @Test
  void shouldRefuseATipAboveTheFeeCapAndBadFields() {
    assertThatThrownBy(
            () ->
                CallArgsParser.parse(
                    Json.parse("{\"maxFeePerGas\":\"0x1\",\"maxPriorityFeePerGas\":\"0x2\"}")))
        .hasMessage("maxFeePerGas (1) < maxPriorityFeePerGas (2)");
    assertThatThrownBy(() -> CallArgsParser.parse(Json.parse("{\"gas\":\"12\"}")))
        .hasMessage("gas: hex string without 0x prefix");
  }

  @Test
  void shouldParseOverrides() throws Exception {
    var overrides =
        OverridesParser.stateOverrides(
            Json.parse(
                "{\"0x"
                    + "33".repeat(20)
                    + "\":{\"balance\":\"0x1\",\"nonce\":\"0x2\","
                    + "\"state\":{\"0x"
                    + "00".repeat(32)
                    + "\":\"0x"
                    + "00".repeat(31)
                    + "05\"}}}"));
    StateOverride o = overrides.get(Address.fromHex("0x" + "33".repeat(20)));
    assertThat(o.balance()).contains(Wei.of(1));
    assertThat(o.nonce()).contains(2L);
    assertThat(o.state().orElseThrow()).containsEntry(UInt256.ZERO, UInt256.valueOf(5));
    assertThatThrownBy(
            () ->
                OverridesParser.stateOverrides(
                    Json.parse("{\"0x" + "33".repeat(20) + "\":{\"state\":{},\"stateDiff\":{}}}")))
        .hasMessageContaining("has both 'state' and 'stateDiff'");
    BlockOverrides block =
        OverridesParser.blockOverrides(
            Json.parse("{\"number\":\"0x5\",\"feeRecipient\":\"0x" + "44".repeat(20) + "\"}"));
    assertThat(block.number()).contains(5L);
    assertThat(block.feeRecipient()).contains(Address.fromHex("0x" + "44".repeat(20)));
  }
}
