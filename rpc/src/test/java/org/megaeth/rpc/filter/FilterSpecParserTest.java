package org.megaeth.rpc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.block.Log;
import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.params.BlockParameter;

class FilterSpecParserTest {
  private static final Address A = Address.ofNumber(0xa);
  private static final Hash T1 = Hash.fromHex("0x" + "01".repeat(32));
  private static final Hash T2 = Hash.fromHex("0x" + "02".repeat(32));

  @Test
  void shouldParseAddressesTopicsAndRange() throws Exception {
    FilterSpec spec =
        FilterSpecParser.parse(
            Json.parse(
                "{\"fromBlock\":\"0x1\",\"toBlock\":\"pending\",\"address\":[\""
                    + A.toHexString()
                    + "\"],\"topics\":[null,[\""
                    + T1
                    + "\",\""
                    + T2
                    + "\"]]}"));
    assertThat(spec.fromBlock()).contains(new BlockParameter.Number(1));
    assertThat(spec.followsPending()).isTrue();
    assertThat(spec.criteria().addresses()).containsExactly(A);
    assertThat(spec.criteria().topics()).containsExactly(Set.of(), Set.of(T1, T2));
  }

  @Test
  void shouldMatchLogsAsGethDoes() {
    LogFilter filter = new LogFilter(Set.of(A), List.of(Set.of(), Set.of(T2)));
    Log match = new Log(A, List.of(T1, T2), Bytes.EMPTY);
    Log tooShort = new Log(A, List.of(T1), Bytes.EMPTY);
    Log otherAddress = new Log(Address.ofNumber(0xb), List.of(T1, T2), Bytes.EMPTY);
    assertThat(filter.matches(match)).isTrue();
    assertThat(filter.matches(tooShort)).isFalse();
    assertThat(filter.matches(otherAddress)).isFalse();
    assertThat(filter.mightMatch(LogsBloom.of(List.of(match)))).isTrue();
    assertThat(filter.mightMatch(LogsBloom.EMPTY)).isFalse();
    assertThat(LogFilter.ANY.matches(tooShort)).isTrue();
  }

  @Test
  void shouldRefuseBadFilters() {
    assertThatThrownBy(
            () -> FilterSpecParser.parse(Json.parse("{\"topics\":[null,null,null,null,null]}")))
        .hasMessage("exceed max topics");
    assertThatThrownBy(
            () ->
                FilterSpecParser.parse(
                    Json.parse("{\"blockHash\":\"" + T1 + "\",\"toBlock\":\"latest\"}")))
        .hasMessage("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
    assertThatThrownBy(() -> FilterSpecParser.parse(Json.parse("{\"topics\":[\"0x12\"]}")))
        .hasMessage("invalid topic(s)");
  }
}
