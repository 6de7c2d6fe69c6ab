package org.megaeth.chain.parallel;

import static org.megaeth.chain.parallel.TestWorld.BLOCKHASH_READER;
import static org.megaeth.chain.parallel.TestWorld.COINBASE;
import static org.megaeth.chain.parallel.TestWorld.COINBASE_KEY;
import static org.megaeth.chain.parallel.TestWorld.COINBASE_READER;
import static org.megaeth.chain.parallel.TestWorld.COUNTER;
import static org.megaeth.chain.parallel.TestWorld.DOOMED_FACTORY;
import static org.megaeth.chain.parallel.TestWorld.FACTORY;
import static org.megaeth.chain.parallel.TestWorld.FACTORY2;
import static org.megaeth.chain.parallel.TestWorld.KEYS;
import static org.megaeth.chain.parallel.TestWorld.POOR;
import static org.megaeth.chain.parallel.TestWorld.REVERTER;
import static org.megaeth.chain.parallel.TestWorld.REVERT_CALLER;
import static org.megaeth.chain.parallel.TestWorld.SELF_DESTRUCT;
import static org.megaeth.chain.parallel.TestWorld.TOKEN;
import static org.megaeth.chain.parallel.TestWorld.TRANSIENT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * Random workloads of controlled conflict: each kind draws transactions that are independent, all
 * conflicting, or anything between. A workload is blocks of mini-blocks of signed transactions,
 * with senders' nonces tracked across them (and sometimes deliberately wrong).
 */
final class Workloads {
  enum Kind {
    INDEPENDENT_TRANSFERS,
    HOT_COUNTER,
    TOKEN_HOT_RECIPIENT,
    CREATE_COLLISIONS,
    SELF_DESTRUCTS,
    REVERTS,
    COINBASE_BALANCE,
    NONCE_CHAINS,
    /** EIP-7702 delegations (Prague only), and calls to the delegated accounts. */
    SET_CODE,
    MIXED
  }

  private final Random random;
  private final Kind kind;
  private final Map<KeyPair, Long> nonces = new HashMap<>();
  private int fresh;

  Workloads(Kind kind, long seed) {
    this.kind = kind;
    this.random = new Random(seed * 31 + kind.ordinal());
  }

  /** {@code blocks} blocks of {@code miniBlocks} mini-blocks of up to {@code perMiniBlock} txs. */
  List<List<List<Transaction>>> blocks(int blocks, int miniBlocks, int perMiniBlock) {
    List<List<List<Transaction>>> out = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      List<List<Transaction>> block = new ArrayList<>();
      for (int m = 0; m < miniBlocks; m++) {
        List<Transaction> mini = new ArrayList<>();
        int n = 1 + random.nextInt(perMiniBlock);
        for (int i = 0; i < n; i++) {
          mini.add(next(kind == Kind.MIXED ? randomKind() : kind, i));
        }
        block.add(mini);
      }
      out.add(block);
    }
    return out;
  }

  private Kind randomKind() {
    Kind[] kinds = Kind.values();
    Kind k = kinds[random.nextInt(kinds.length - 1)];
    return k == Kind.SET_CODE && !prague ? Kind.HOT_COUNTER : k;
  }

  private boolean prague;

  /** Whether SET_CODE may be drawn by MIXED. */
  Workloads prague() {
    prague = true;
    return this;
  }

  private Transaction next(Kind k, int i) {
    return switch (k) {
      case INDEPENDENT_TRANSFERS -> {
        // Distinct senders (as far as the keys go) to addresses never used before.
        KeyPair from = KEYS.get(2 + i % (KEYS.size() - 2));
        yield send(from, freshAddress(), 1 + random.nextInt(1000), Bytes.EMPTY, 21_000);
      }
      case HOT_COUNTER -> send(anyKey(), COUNTER, 0, Bytes.EMPTY, 60_000);
      case TOKEN_HOT_RECIPIENT -> {
        Address to = random.nextInt(3) == 0 ? anyKey().address() : KEYS.get(5).address();
        // Now and then more than the sender has: the transfer reverts.
        long amount = random.nextInt(8) == 0 ? 2_000_000 : 1 + random.nextInt(5_000);
        yield send(
            anyKey(),
            TOKEN,
            0,
            TestWorld.words(TestWorld.word(to), UInt256.valueOf(amount)),
            80_000);
      }
      case CREATE_COLLISIONS -> {
        int which = random.nextInt(3);
        Bytes salt = TestWorld.words(UInt256.valueOf(random.nextInt(3)));
        yield switch (which) {
          case 0 -> send(anyKey(), FACTORY2, 0, salt, 200_000);
          case 1 -> send(anyKey(), FACTORY, 0, Bytes.EMPTY, 200_000);
          default ->
              // A contract creation from an EOA: the address depends on the sender's nonce.
              send(anyKey(), null, 0, TestWorld.CHILD_INIT, 200_000);
        };
      }
      case SELF_DESTRUCTS -> {
        int which = random.nextInt(3);
        yield switch (which) {
          case 0 -> send(anyKey(), SELF_DESTRUCT, random.nextInt(1000), Bytes.EMPTY, 60_000);
          case 1 ->
              send(
                  anyKey(),
                  DOOMED_FACTORY,
                  random.nextInt(1000),
                  TestWorld.words(UInt256.valueOf(random.nextInt(4))),
                  200_000);
          default -> send(anyKey(), COINBASE, random.nextInt(1000), Bytes.EMPTY, 21_000);
        };
      }
      case REVERTS -> {
        int which = random.nextInt(3);
        yield switch (which) {
          case 0 ->
              send(
                  anyKey(),
                  REVERTER,
                  0,
                  TestWorld.words(UInt256.valueOf(random.nextInt(2))),
                  60_000);
          case 1 -> send(anyKey(), REVERT_CALLER, 0, Bytes.EMPTY, 100_000);
          default ->
              // Too little gas for the SSTOREs: out of gas, a halt.
              send(anyKey(), COUNTER, 0, Bytes.EMPTY, 21_000 + 2_000 + random.nextInt(20_000));
        };
      }
      case COINBASE_BALANCE -> {
        int which = random.nextInt(5);
        yield switch (which) {
          case 0, 1 -> send(anyKey(), COINBASE_READER, 0, Bytes.EMPTY, 60_000);
          case 2 -> send(anyKey(), COINBASE, 1 + random.nextInt(1000), Bytes.EMPTY, 21_000);
          case 3 ->
              send(COINBASE_KEY, freshAddress(), 1 + random.nextInt(1000), Bytes.EMPTY, 21_000);
          default -> send(anyKey(), freshAddress(), 1, Bytes.EMPTY, 21_000);
        };
      }
      case NONCE_CHAINS -> {
        KeyPair from = random.nextInt(4) == 0 ? POOR : KEYS.get(2 + random.nextInt(3));
        int which = random.nextInt(10);
        yield switch (which) {
          case 0 -> gap(from); // nonce too high, and so for its followers until filled
          case 1 -> repeat(from); // nonce too low
          case 2 ->
              // More value than the sender has.
              send(from, freshAddress(), Long.MAX_VALUE, Bytes.EMPTY, 21_000);
          case 3 -> send(from, COUNTER, 0, Bytes.EMPTY, 1_000_000); // fills the block's gas
          case 4 -> send(from, freshAddress(), 1, Bytes.EMPTY, 20_000); // below intrinsic gas
          default -> send(from, anyKey().address(), 1 + random.nextInt(1000), Bytes.EMPTY, 21_000);
        };
      }
      case SET_CODE -> {
        KeyPair authority = KEYS.get(2 + random.nextInt(6));
        int which = random.nextInt(4);
        yield switch (which) {
          case 0 -> {
            // Delegate to the counter (or clear the delegation), signed with the authority's next
            // nonce; the sender may be the authority itself, whose nonce then moves first.
            KeyPair from = random.nextBoolean() ? authority : anyKey();
            long nonce = nonces.getOrDefault(from, 0L);
            nonces.put(from, nonce + 1);
            long authorityNonce = nonces.getOrDefault(authority, 0L);
            nonces.put(authority, authorityNonce + 1);
            Address delegate = random.nextInt(4) == 0 ? Address.ZERO : COUNTER;
            yield TestWorld.setCode(
                from, nonce, authority, authorityNonce, delegate, anyKey().address(), Bytes.EMPTY);
          }
          default -> // A call to an account that may carry a delegation to the counter.
              send(anyKey(), authority.address(), random.nextInt(10), Bytes.EMPTY, 60_000);
        };
      }
      case MIXED -> {
        int which = random.nextInt(2);
        yield which == 0
            ? send(anyKey(), TRANSIENT, 0, Bytes.EMPTY, 60_000)
            : send(
                anyKey(),
                BLOCKHASH_READER,
                0,
                TestWorld.words(UInt256.valueOf(random.nextInt(3))),
                60_000);
      }
    };
  }

  private KeyPair anyKey() {
    return KEYS.get(random.nextInt(KEYS.size()));
  }

  private Address freshAddress() {
    return Address.ofNumber(0x100000 + fresh++);
  }

  private Transaction send(KeyPair from, Address to, long wei, Bytes data, long gas) {
    long nonce = nonces.getOrDefault(from, 0L);
    nonces.put(from, nonce + 1);
    return TestWorld.tx(from, nonce, to, wei, data, gas, random.nextInt(3));
  }

  private Transaction gap(KeyPair from) {
    long nonce = nonces.getOrDefault(from, 0L);
    return TestWorld.tx(from, nonce + 1, Address.ofNumber(7), 1, Bytes.EMPTY, 21_000, 1);
  }

  private Transaction repeat(KeyPair from) {
    long nonce = Math.max(0, nonces.getOrDefault(from, 0L) - 1);
    return TestWorld.tx(from, nonce, Address.ofNumber(7), 1, Bytes.EMPTY, 21_000, 1);
  }
}
