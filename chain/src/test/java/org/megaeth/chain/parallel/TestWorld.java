package org.megaeth.chain.parallel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.HeaderLookup;
import org.megaeth.chain.exec.SystemCalls;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.SetCodeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.WorldState;

/**
 * A small Cancun world for the parallel executor's tests: funded keys (one of them the coinbase,
 * one nearly broke), and hand-assembled contracts that make transactions conflict in the ways the
 * executor must get right.
 */
final class TestWorld {
  static final long CHAIN_ID = 1337;
  static final ChainConfig CONFIG =
      new ChainConfig(CHAIN_ID, ForkSchedule.allFromGenesis(Fork.CANCUN));

  /** Prague, for EIP-7702 set-code transactions. */
  static final ChainConfig PRAGUE =
      new ChainConfig(CHAIN_ID, ForkSchedule.allFromGenesis(Fork.PRAGUE));

  /** Small, so that mini-blocks run into the block's gas limit. */
  static final long GAS_LIMIT = 3_000_000;

  static final int KEY_COUNT = 24;
  static final List<KeyPair> KEYS = new ArrayList<>();

  static {
    for (int i = 0; i < KEY_COUNT; i++) {
      KEYS.add(KeyPair.of(SecretKey.of(UInt256.valueOf(0x1000 + i).toBytes32())));
    }
  }

  /** The coinbase is an account with a key, so it can send transactions too. */
  static final KeyPair COINBASE_KEY = KEYS.get(0);

  static final Address COINBASE = COINBASE_KEY.address();

  /** Holds only 0.0001 ETH: its transactions run out of funds. */
  static final KeyPair POOR = KEYS.get(1);

  /** SLOAD(0) + 1 -> SSTORE(0). */
  static final Address COUNTER = Address.ofNumber(0xc0);

  /**
   * A token: balances at slot = holder address. transfer(to = word 0, amount = word 1) reverts if
   * the caller's balance is short, else moves it and logs LOG3(amount; 1, caller, to).
   */
  static final Address TOKEN = Address.ofNumber(0xe2);

  /** COINBASE BALANCE -> SSTORE(0): depends on every fee paid before it. */
  static final Address COINBASE_READER = Address.ofNumber(0xb0);

  /** CREATE2 of {@link #CHILD_INIT} with salt = word 0; stores the address at slot = salt. */
  static final Address FACTORY2 = Address.ofNumber(0xf2);

  /** CREATE of {@link #CHILD_INIT}; stores the address at slot 0. */
  static final Address FACTORY = Address.ofNumber(0xf1);

  /** CREATE2 (salt = word 0, value = CALLVALUE) of a child that self-destructs to the coinbase. */
  static final Address DOOMED_FACTORY = Address.ofNumber(0xfd);

  /** CALLER SELFDESTRUCT: sends its balance back (Cancun: the account stays). */
  static final Address SELF_DESTRUCT = Address.ofNumber(0xd0);

  /** SSTORE(0, 1), then REVERT unless word 0 is zero. */
  static final Address REVERTER = Address.ofNumber(0xa0);

  /** CALLs {@link #REVERTER} with word 0 = 1 (it reverts), then SSTORE(1, success flag). */
  static final Address REVERT_CALLER = Address.ofNumber(0xa1);

  /** TSTORE(0, 1), TLOAD(0) -> SSTORE(2). */
  static final Address TRANSIENT = Address.ofNumber(0xa2);

  /** BLOCKHASH(NUMBER - 1 - word0 % 3) -> SSTORE(slot NUMBER). */
  static final Address BLOCKHASH_READER = Address.ofNumber(0xbb);

  /** Initcode: SSTORE(1, 42), then deploys the one-byte runtime code 0x00. */
  static final Bytes CHILD_INIT = Bytes.fromHexString("0x602a600155600060005360016000f3");

  /** Initcode: COINBASE SELFDESTRUCT (created and destroyed in one transaction). */
  static final Bytes DOOMED_INIT = Bytes.fromHexString("0x41ff");

  static final UInt256 TOKENS_PER_HOLDER = UInt256.valueOf(1_000_000);

  private TestWorld() {}

  /** A fresh genesis state. */
  static WorldState genesisState() {
    WorldState state = WorldState.create();
    for (KeyPair key : KEYS) {
      state.setBalance(key.address(), key == POOR ? Wei.fromGwei(100_000) : Wei.fromEth(1_000));
    }
    code(state, COUNTER, "0x600054600101600055" + "00");
    code(
        state,
        TOKEN,
        "0x3354602035818111602857808203335560003580548201905560005260003533600160206000a3005b600080fd");
    for (KeyPair key : KEYS) {
      state.setStorage(
          TOKEN, UInt256.fromBytes(key.address().bytes().toArray()), TOKENS_PER_HOLDER);
    }
    code(state, COINBASE_READER, "0x4131600055" + "00");
    code(state, FACTORY2, factory(CHILD_INIT, true, false));
    code(state, FACTORY, factory(CHILD_INIT, false, false));
    code(state, DOOMED_FACTORY, factory(DOOMED_INIT, true, true));
    code(state, SELF_DESTRUCT, "0x33ff");
    code(state, REVERTER, "0x600160005560003515601057600080fd5b00");
    code(state, REVERT_CALLER, "0x60016000526000600060206000600060a05af160015500");
    code(state, TRANSIENT, "0x60016000" + "5d" + "6000" + "5c" + "600255" + "00");
    code(state, BLOCKHASH_READER, "0x6003600035066001014303" + "40" + "43" + "55" + "00");
    // Prague's request contracts, as stubs that have no requests to give.
    code(state, SystemCalls.WITHDRAWAL_REQUEST_ADDRESS, "0x00");
    code(state, SystemCalls.CONSOLIDATION_REQUEST_ADDRESS, "0x00");
    state.computeRoot();
    return state;
  }

  /**
   * A factory's code: copies {@code init} (appended after the code) to memory and creates it;
   * CREATE2 with salt = word 0 stores the address at slot = salt, CREATE at slot 0.
   */
  private static String factory(Bytes init, boolean create2, boolean forwardValue) {
    int n = init.size();
    // PUSH1 n PUSH1 start PUSH1 0 CODECOPY
    StringBuilder code = new StringBuilder();
    String value = forwardValue ? "34" : "6000";
    String body =
        create2
            // salt, size, offset, value, CREATE2; then salt SSTORE
            ? "600035" + "60%02x".formatted(n) + "6000" + value + "f5" + "600035" + "55" + "00"
            // value, offset, size order for CREATE: push size, offset, value
            : "60%02x".formatted(n) + "6000" + value + "f0" + "6000" + "55" + "00";
    int start = 7 + body.length() / 2; // the CODECOPY prelude is 7 bytes
    code.append("60%02x".formatted(n))
        .append("60%02x".formatted(start))
        .append("6000")
        .append("39");
    code.append(body);
    code.append(init.toUnprefixedHexString());
    return "0x" + code;
  }

  private static void code(WorldState state, Address address, String hex) {
    state.setCode(address, Bytes.fromHexString(hex));
    state.setNonce(address, 1);
  }

  static BlockHeader genesisHeader(Hash stateRoot) {
    return GenesisBlock.cancunHeader(stateRoot, GAS_LIMIT);
  }

  static BlockBuilder.Attributes attributes(BlockHeader parent) {
    return new BlockBuilder.Attributes(
        COINBASE, parent.timestamp() + 1, Hash.ZERO, Hash.ZERO, List.of(), GAS_LIMIT, Bytes.EMPTY);
  }

  /** Headers by hash, filled as blocks are sealed; read by several threads. */
  static final class Headers implements HeaderLookup {
    private final Map<Hash, BlockHeader> byHash = new HashMap<>();

    synchronized void add(BlockHeader header) {
      byHash.put(header.hash(), header);
    }

    @Override
    public synchronized Optional<BlockHeader> header(Hash hash) {
      return Optional.ofNullable(byHash.get(hash));
    }
  }

  static Transaction tx(
      KeyPair from, long nonce, Address to, long weiValue, Bytes data, long gas, long tipGwei) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(CHAIN_ID)),
            nonce,
            Wei.fromGwei(tipGwei),
            Wei.fromGwei(10),
            gas,
            Optional.ofNullable(to),
            Wei.of(weiValue),
            data,
            List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  /** An EIP-7702 transaction: {@code authority} delegates to {@code delegate}, then a call. */
  static Transaction setCode(
      KeyPair from,
      long nonce,
      KeyPair authority,
      long authorityNonce,
      Address delegate,
      Address to,
      Bytes data) {
    return TransactionSigner.sign(
        new SetCodeTransaction(
            Optional.of(UInt256.valueOf(CHAIN_ID)),
            nonce,
            Wei.fromGwei(1),
            Wei.fromGwei(10),
            200_000,
            Optional.of(to),
            Wei.ZERO,
            data,
            List.of(),
            List.of(
                TransactionSigner.signAuthorization(
                    UInt256.valueOf(CHAIN_ID), delegate, authorityNonce, authority.secretKey())),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  static Bytes words(UInt256... words) {
    Bytes[] parts = new Bytes[words.length];
    for (int i = 0; i < words.length; i++) {
      parts[i] = Bytes.wrap(words[i].toBytes32());
    }
    return Bytes.concatenate(parts);
  }

  static UInt256 word(Address address) {
    return UInt256.fromBytes(address.bytes().toArray());
  }

  static UInt256 eth(long eth) {
    return UInt256.fromBigInteger(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(eth)));
  }
}
