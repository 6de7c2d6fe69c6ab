package org.megaeth.chain.exec;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.WorldState;

/** A small Cancun chain for tests: a genesis with funded keys, and signed transfers. */
final class TestChain {
  static final long CHAIN_ID = 1337;
  static final ChainConfig CONFIG =
      new ChainConfig(CHAIN_ID, ForkSchedule.allFromGenesis(Fork.CANCUN));
  static final KeyPair ALICE = KeyPair.of(SecretKey.fromHex("0x" + "11".repeat(32)));
  static final KeyPair BOB = KeyPair.of(SecretKey.fromHex("0x" + "22".repeat(32)));
  static final Address COINBASE = Address.ofNumber(0xc0ffee);
  static final long GAS_LIMIT = 30_000_000;

  final Map<Hash, BlockHeader> headers = new HashMap<>();
  final BlockHeader genesis;

  TestChain() {
    genesis = genesisHeader(genesisState().rootHash());
    headers.put(genesis.hash(), genesis);
  }

  /** A fresh copy of the genesis state. */
  static WorldState genesisState() {
    WorldState state = WorldState.create();
    state.setBalance(ALICE.address(), Wei.fromEth(100));
    state.setBalance(BOB.address(), Wei.fromEth(100));
    state.computeRoot();
    return state;
  }

  HeaderLookup lookup() {
    return hash -> Optional.ofNullable(headers.get(hash));
  }

  private static BlockHeader genesisHeader(Hash stateRoot) {
    return GenesisBlock.cancunHeader(stateRoot, GAS_LIMIT);
  }

  static Transaction transfer(KeyPair from, long nonce, Address to, long wei) {
    return call(from, nonce, to, wei, Bytes.EMPTY, 21_000);
  }

  static Transaction call(
      KeyPair from, long nonce, Address to, long wei, Bytes data, long gasLimit) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(CHAIN_ID)),
            nonce,
            Wei.fromGwei(1),
            Wei.fromGwei(10),
            gasLimit,
            Optional.ofNullable(to),
            Wei.of(wei),
            data,
            java.util.List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  static BlockBuilder.Attributes attributes(BlockHeader parent) {
    return new BlockBuilder.Attributes(
        COINBASE,
        parent.timestamp() + 1,
        Hash.ZERO,
        Hash.ZERO,
        java.util.List.of(),
        GAS_LIMIT,
        Bytes.EMPTY);
  }
}
