package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;

class DynamicFeeTransactionTest {
  @Test
  void shouldMatchKnownHashWhenCreationDecodedFromRpcVector() {
    // execution-apis eth_sendRawTransaction/send-dynamic-fee-transaction.
    Bytes raw =
        Bytes.fromHexString(
            "0x02f892870c72dd9d5e883e018201f48401a2158b82ea60802ab73d602d80600a3d3981f3363d3d37"
                + "3d3d3d363d734d11c446473105a02b5c1ab9ebe9b03f33902a295af43d82803e903d91602b57fd"
                + "5bf3c080a09e9f032e932e6536bc8de35b5939814d5fe2c1bcb76f06e399583c8c745ea95fa04f"
                + "ae7d7df659a70471ddfed6dba493a4f044a074a0bba6198bb6e2be0977b299");

    Transaction tx = TransactionDecoder.decode(raw);

    assertThat(tx).isInstanceOf(DynamicFeeTransaction.class);
    assertThat(tx.isContractCreation()).isTrue();
    assertThat(tx.maxPriorityFeePerGas()).isEqualTo(Wei.of(500));
    assertThat(tx.maxFeePerGas()).isEqualTo(Wei.of(0x1a2158bL));
    assertThat(tx.value()).isEqualTo(Wei.of(42));
    assertThat(tx.hash())
        .isEqualTo(
            Hash.fromHex("0x549cfaca862ca59157260fbe13b7ecf5cc353eb22632d10efbe5cca743871ef3"));
    assertThat(tx.encoded()).isEqualTo(raw);
  }

  @Test
  void shouldMatchKnownHashWhenAccessListDecodedFromRpcVector() {
    // execution-apis eth_sendRawTransaction/send-dynamic-fee-access-list-transaction.
    Bytes raw =
        Bytes.fromHexString(
            "0x02f8d0870c72dd9d5e883e038201f48401a2158b83013880947dcd17433742f4c0ca53122ab541d0"
                + "ba67fc27df808401020304f85bf859947dcd17433742f4c0ca53122ab541d0ba67fc27dff842a0"
                + "0000000000000000000000000000000000000000000000000000000000000000a0010000000000"
                + "000000000000000000000000000000000000000000000000000001a013441f796609349cf843b8"
                + "a0b4f7eee7f898657a28aa226c8db3383a4ad87c34a07edae97fbc1f2bcd8e62967b2568bbafe7"
                + "577ff279d24f89dff6d75336246956");

    Transaction tx = TransactionDecoder.decode(raw);

    assertThat(tx.accessList()).hasSize(1);
    assertThat(tx.signature().recId()).isEqualTo(1);
    assertThat(tx.hash())
        .isEqualTo(
            Hash.fromHex("0x8b63a0e2744c3c93a84d0c3ac637855d182db2aa46ea39e7bfa5df54ac98b72c"));
  }

  @Test
  void shouldRecoverSignerWhenSigned() {
    DynamicFeeTransaction tx = TestTransactions.signed(TestTransactions.dynamicFee());

    assertThat(tx.sender().address()).contains(TestTransactions.KEY_ADDRESS);
    assertThat(tx.signature().isLowS()).isTrue();
  }
}
