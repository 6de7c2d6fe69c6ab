package org.megaeth.rpc.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.rpc.testing.Contracts;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;
import org.megaeth.rpc.testing.Txs;
import org.megaeth.trie.patricia.MerkleProof;

/** eth_getBalance, getTransactionCount, getCode, getStorageAt, getProof and block parameters. */
class StateMethodsTest {
  private final RpcHarness rpc = RpcHarness.create();
  private final TestChain chain = rpc.chain();
  private final Address sender = chain.account(0).address();
  private final Address recipient = Address.ofNumber(0xbeef);

  @AfterEach
  void close() {
    rpc.close();
  }

  private void submit(org.megaeth.core.tx.Transaction tx) {
    chain.submit(PooledTransaction.of(tx)).join();
  }

  @Test
  void shouldSeeTheNewestMiniBlockAtLatestAndPending() {
    submit(Txs.transfer(chain.account(0), 0, recipient, Wei.of(1000)));
    chain.mineMiniBlock();
    // Not sealed yet: block lookups still see genesis, state reads see the mini-block.
    assertThat(rpc.result("eth_blockNumber").asText()).isEqualTo("0x0");
    assertThat(rpc.result("eth_getBalance", recipient.toHexString(), "latest").asText())
        .isEqualTo("0x3e8");
    assertThat(rpc.result("eth_getBalance", recipient.toHexString(), "pending").asText())
        .isEqualTo("0x3e8");
    assertThat(rpc.result("eth_getBalance", recipient.toHexString()).asText()).isEqualTo("0x3e8");
    assertThat(rpc.result("eth_getTransactionCount", sender.toHexString(), "latest").asText())
        .isEqualTo("0x1");
    // The sealed head's state does not have it yet.
    assertThat(rpc.result("eth_getBalance", recipient.toHexString(), "0x0").asText())
        .isEqualTo("0x0");
  }

  @Test
  void shouldReadSealedStatesByNumberTagAndEip1898Object() {
    submit(Txs.transfer(chain.account(0), 0, recipient, Wei.of(7)));
    BlockHeader one = chain.mineAndSeal();
    submit(Txs.transfer(chain.account(0), 1, recipient, Wei.of(7)));
    chain.mineAndSeal();
    String r = recipient.toHexString();
    assertThat(rpc.result("eth_getBalance", r, "0x1").asText()).isEqualTo("0x7");
    assertThat(rpc.result("eth_getBalance", r, "0x2").asText()).isEqualTo("0xe");
    assertThat(rpc.result("eth_getBalance", r, "earliest").asText()).isEqualTo("0x0");
    assertThat(rpc.result("eth_getBalance", r, Map.of("blockNumber", "0x1")).asText())
        .isEqualTo("0x7");
    assertThat(
            rpc.result("eth_getBalance", r, Map.of("blockHash", one.hash().toHexString())).asText())
        .isEqualTo("0x7");
    assertThat(
            rpc.result(
                    "eth_getBalance",
                    r,
                    Map.of("blockHash", one.hash().toHexString(), "requireCanonical", true))
                .asText())
        .isEqualTo("0x7");
    // safe and finalized follow what the node was told.
    chain.setSafe(1);
    assertThat(rpc.result("eth_getBalance", r, "safe").asText()).isEqualTo("0x7");
    assertThat(rpc.result("eth_getBalance", r, "finalized").asText()).isEqualTo("0x0");
  }

  @Test
  void shouldReportUnknownBlocksAsGethDoes() {
    String r = recipient.toHexString();
    JsonNode future = rpc.error("eth_getBalance", r, "0x3e8");
    assertThat(future.get("code").asInt()).isEqualTo(-32000);
    assertThat(future.get("message").asText()).isEqualTo("header not found");
    JsonNode unknownHash =
        rpc.error("eth_getBalance", r, Map.of("blockHash", Hash.ZERO.toHexString()));
    assertThat(unknownHash.get("message").asText()).isEqualTo("header for hash not found");
    JsonNode both =
        rpc.error(
            "eth_getBalance",
            r,
            Map.of("blockHash", Hash.ZERO.toHexString(), "blockNumber", "0x0"));
    assertThat(both.get("code").asInt()).isEqualTo(-32602);
    JsonNode badNumber = rpc.error("eth_getBalance", r, "2");
    assertThat(badNumber.get("message").asText())
        .isEqualTo("invalid argument 1: hex string without 0x prefix");
    JsonNode leadingZero = rpc.error("eth_getBalance", r, "0x01");
    assertThat(leadingZero.get("message").asText())
        .isEqualTo("invalid argument 1: hex number with leading zero digits");
    JsonNode badAddress = rpc.error("eth_getBalance", "0x1234", "latest");
    assertThat(badAddress.get("message").asText())
        .isEqualTo("invalid argument 0: hex string has length 4, want 40 for common.Address");
    JsonNode missing = rpc.error("eth_getBalance");
    assertThat(missing.get("message").asText()).isEqualTo("missing value for required argument 0");
  }

  @Test
  void shouldReturnCodeAndStorageOfADeployedContract() {
    Bytes runtime = Contracts.storeAndLog();
    submit(Txs.create(chain.account(0), 0, Contracts.deployer(runtime)));
    chain.mineAndSeal();
    Address contract = FrameRunner.createAddress(sender, 0);
    assertThat(rpc.result("eth_getCode", contract.toHexString(), "latest").asText())
        .isEqualTo(runtime.toHexString());
    assertThat(rpc.result("eth_getCode", recipient.toHexString()).asText()).isEqualTo("0x");
    submit(Txs.invoke(chain.account(0), 1, contract, Contracts.word(0x2a)));
    chain.mineMiniBlock();
    String expected = "0x" + "0".repeat(62) + "2a";
    assertThat(rpc.result("eth_getStorageAt", contract.toHexString(), "0x0", "latest").asText())
        .isEqualTo(expected);
    assertThat(
            rpc.result("eth_getStorageAt", contract.toHexString(), "0x" + "0".repeat(64)).asText())
        .isEqualTo(expected);
  }

  @Test
  void shouldRefuseBadStorageKeysWithGethsWords() {
    JsonNode tooLong =
        rpc.error("eth_getStorageAt", recipient.toHexString(), "0x" + "0".repeat(65), "latest");
    assertThat(tooLong.get("code").asInt()).isEqualTo(-32000);
    assertThat(tooLong.get("message").asText())
        .isEqualTo("unable to decode storage key: hex string too long, want at most 32 bytes");
    JsonNode badHex = rpc.error("eth_getStorageAt", recipient.toHexString(), "0xasdf", "latest");
    assertThat(badHex.get("code").asInt()).isEqualTo(-32000);
    assertThat(badHex.get("message").asText())
        .isEqualTo("unable to decode storage key: hex string invalid");
    JsonNode number = rpc.error("eth_getStorageAt", recipient.toHexString(), 0, "latest");
    assertThat(number.get("code").asInt()).isEqualTo(-32602);
    assertThat(number.get("message").asText())
        .isEqualTo(
            "invalid argument 1: json: cannot unmarshal number into Go value of type string");
    JsonNode proofKey =
        rpc.error(
            "eth_getProof", recipient.toHexString(), List.of("0x" + "00".repeat(33)), "latest");
    assertThat(proofKey.get("code").asInt()).isEqualTo(-32000);
    assertThat(proofKey.get("message").asText())
        .isEqualTo("hex string too long, want at most 32 bytes");
  }

  @Test
  void shouldProveAnAccountAndItsStorageAgainstTheSealedStateRoot() throws Exception {
    submit(Txs.create(chain.account(0), 0, Contracts.deployer(Contracts.storeAndLog())));
    chain.mineAndSeal();
    Address contract = FrameRunner.createAddress(sender, 0);
    submit(Txs.invoke(chain.account(0), 1, contract, Contracts.word(0x38)));
    BlockHeader head = chain.mineAndSeal();

    JsonNode proof = rpc.result("eth_getProof", contract.toHexString(), List.of("0x00"), "latest");
    assertThat(proof.get("address").asText()).isEqualTo(contract.toHexString());
    assertThat(proof.get("nonce").asText()).isEqualTo("0x1");
    assertThat(proof.get("balance").asText()).isEqualTo("0x0");
    assertThat(proof.get("codeHash").asText())
        .isEqualTo(Keccak.hash(Contracts.storeAndLog()).toHexString());
    JsonNode slot = proof.get("storageProof").get(0);
    assertThat(slot.get("key").asText()).isEqualTo("0x0");
    assertThat(slot.get("value").asText()).isEqualTo("0x38");

    List<Bytes> accountNodes = nodes(proof.get("accountProof"));
    assertThat(
            MerkleProof.verify(
                head.stateRoot(), Bytes.wrap(Keccak.keccak256(contract.toArray())), accountNodes))
        .isPresent();
    Hash storageRoot = Hash.fromHex(proof.get("storageHash").asText());
    assertThat(
            MerkleProof.verify(
                storageRoot, Bytes.wrap(Keccak.keccak256(new byte[32])), nodes(slot.get("proof"))))
        .contains(Bytes.fromHexString("0x38"));

    JsonNode fullKey =
        rpc.result(
            "eth_getProof", contract.toHexString(), List.of("0x" + "0".repeat(64)), "latest");
    assertThat(fullKey.get("storageProof").get(0).get("key").asText())
        .isEqualTo("0x" + "0".repeat(64));
  }

  @Test
  void shouldProveAnAbsentAccountWithEmptyValues() {
    JsonNode proof = rpc.result("eth_getProof", recipient.toHexString(), List.of(), "latest");
    assertThat(proof.get("balance").asText()).isEqualTo("0x0");
    assertThat(proof.get("codeHash").asText()).isEqualTo(Keccak.EMPTY.toHexString());
    assertThat(proof.get("storageHash").asText())
        .isEqualTo("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    assertThat(proof.get("accountProof").size()).isPositive();
  }

  private static List<Bytes> nodes(JsonNode array) {
    java.util.ArrayList<Bytes> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(Bytes.wrap(Hex.decode(n.asText()))));
    return out;
  }
}
