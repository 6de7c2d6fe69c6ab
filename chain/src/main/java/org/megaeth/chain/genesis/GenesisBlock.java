package org.megaeth.chain.genesis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.SystemCalls;
import org.megaeth.chain.exec.TrieRoots;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.config.genesis.GenesisAccount;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.state.WorldState;

/**
 * Block 0 of a chain and the state it commits to, built from a {@link Genesis} as geth's {@code
 * Genesis.ToBlock} builds them, so that the hash is the one every other client computes: the header
 * has exactly the fields of the fork active at genesis (EIP-1559 base fee from London, EIP-4895
 * withdrawals root from Shanghai, EIP-4844 blob gas and EIP-4788 beacon root from Cancun, EIP-7685
 * requests hash from Prague), each with geth's default when the file leaves it out.
 *
 * @param block the genesis block (no transactions, no ommers; an empty withdrawals list from
 *     Shanghai on)
 * @param state the genesis state, its root computed; the caller owns it and may execute on it
 */
public record GenesisBlock(Block block, WorldState state) {
  public GenesisBlock {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(state, "state");
  }

  /** Builds the genesis state from {@code alloc} and the header over its root. */
  public static GenesisBlock of(Genesis genesis) {
    WorldState state = state(genesis);
    return new GenesisBlock(block(genesis, state.rootHash()), state);
  }

  public BlockHeader header() {
    return block.header();
  }

  public Hash hash() {
    return block.hash();
  }

  /**
   * A fresh genesis state: every {@code alloc} account with its balance, nonce, code and storage.
   * Accounts are kept even when empty, as geth commits the genesis without EIP-161's removal.
   */
  public static WorldState state(Genesis genesis) {
    WorldState state = WorldState.create();
    for (Map.Entry<Address, GenesisAccount> entry : genesis.alloc().entrySet()) {
      Address address = entry.getKey();
      GenesisAccount account = entry.getValue();
      state.setBalance(address, account.balance());
      state.setNonce(address, account.nonce());
      if (!account.code().isEmpty()) {
        state.setCode(address, account.code());
      }
      // A zero value is an empty slot; WorldState.setStorage treats zero as "remove".
      account.storage().forEach((slot, value) -> state.setStorage(address, slot, value));
    }
    state.computeRoot();
    return state;
  }

  /** The genesis block over a state whose root is {@code stateRoot}. */
  public static Block block(Genesis genesis, Hash stateRoot) {
    Fork fork = genesis.forkAtGenesis();
    boolean shanghai = fork.isAtLeast(Fork.SHANGHAI);
    boolean cancun = fork.isAtLeast(Fork.CANCUN);
    BlockHeader header =
        new BlockHeader(
            genesis.parentHash(),
            TrieRoots.EMPTY_OMMERS_HASH,
            genesis.coinbase(),
            stateRoot,
            MerklePatriciaTrie.EMPTY_TRIE_ROOT,
            MerklePatriciaTrie.EMPTY_TRIE_ROOT,
            LogsBloom.EMPTY,
            genesis.difficulty(),
            genesis.number(),
            genesis.gasLimit(),
            genesis.gasUsed(),
            genesis.timestamp(),
            genesis.extraData(),
            genesis.mixHash(),
            genesis.nonce(),
            genesis.baseFeeAtGenesis().map(Wei::value),
            shanghai ? Optional.of(MerklePatriciaTrie.EMPTY_TRIE_ROOT) : Optional.empty(),
            genesis.blobGasUsedAtGenesis(),
            genesis.excessBlobGasAtGenesis(),
            // EIP-4788: there is no beacon block before genesis; geth writes the zero hash.
            cancun ? Optional.of(Hash.ZERO) : Optional.empty(),
            // EIP-7685: a block without requests commits to the hash of the empty list.
            fork.isAtLeast(Fork.PRAGUE)
                ? Optional.of(SystemCalls.requestsHash(List.of()))
                : Optional.empty());
    return new Block(
        header,
        new BlockBody(List.of(), List.of(), shanghai ? Optional.of(List.of()) : Optional.empty()));
  }

  /**
   * A Cancun block 0 header over a state built directly rather than from a genesis file, for
   * benchmarks and tests that set up state by hand: a 1 gwei base fee, time 1,700,000,000, no blob
   * gas, everything else zero or empty.
   */
  public static BlockHeader cancunHeader(Hash stateRoot, long gasLimit) {
    return new BlockHeader(
        Hash.ZERO,
        TrieRoots.EMPTY_OMMERS_HASH,
        Address.ZERO,
        stateRoot,
        MerklePatriciaTrie.EMPTY_TRIE_ROOT,
        MerklePatriciaTrie.EMPTY_TRIE_ROOT,
        LogsBloom.EMPTY,
        UInt256.ZERO,
        0,
        gasLimit,
        0,
        1_700_000_000L,
        Bytes.EMPTY,
        Hash.ZERO,
        0,
        Optional.of(UInt256.valueOf(1_000_000_000L)),
        Optional.of(MerklePatriciaTrie.EMPTY_TRIE_ROOT),
        Optional.of(0L),
        Optional.of(0L),
        Optional.of(Hash.ZERO),
        Optional.empty());
  }
}
