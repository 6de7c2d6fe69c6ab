package org.megaeth.chain.exec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.megaeth.chain.state.BlockState;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.ExecutionContext;
import org.megaeth.evm.TxEnv;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.evm.frame.MessageResult;
import org.megaeth.evm.frame.Substate;

/**
 * The calls the protocol makes to system contracts at a block's start (EIP-4788 beacon roots,
 * EIP-2935 block hashes) and end (EIP-7002 withdrawal and EIP-7251 consolidation requests): from
 * the system address, with 30M gas that no one pays for and that does not count toward the block.
 */
public final class SystemCalls {
  /** EIP-4788 {@code SYSTEM_ADDRESS}. */
  public static final Address SYSTEM_ADDRESS =
      Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");

  /** EIP-4788 {@code BEACON_ROOTS_ADDRESS}. */
  public static final Address BEACON_ROOTS_ADDRESS =
      Address.fromHex("0x000f3df6d732807ef1319fb7b8bb8522d0beac02");

  /** EIP-2935 {@code HISTORY_STORAGE_ADDRESS}. */
  public static final Address HISTORY_STORAGE_ADDRESS =
      Address.fromHex("0x0000f90827f1c53a10cb7a02335b175320002935");

  /** EIP-7002 {@code WITHDRAWAL_REQUEST_PREDEPLOY_ADDRESS}. */
  public static final Address WITHDRAWAL_REQUEST_ADDRESS =
      Address.fromHex("0x00000961ef480eb55e80d19ad83579a64c007002");

  /** EIP-7251 {@code CONSOLIDATION_REQUEST_PREDEPLOY_ADDRESS}. */
  public static final Address CONSOLIDATION_REQUEST_ADDRESS =
      Address.fromHex("0x0000bbddc7ce488642fb579f8b00f3a590007251");

  /** EIP-4788 / EIP-2935 / EIP-7002 {@code SYSTEM_CALL_GAS}. */
  public static final long SYSTEM_CALL_GAS = 30_000_000L;

  /** EIP-7685 request types. */
  public static final int WITHDRAWAL_REQUEST_TYPE = 0x01;

  public static final int CONSOLIDATION_REQUEST_TYPE = 0x02;

  private SystemCalls() {}

  /**
   * EIP-4788: stores the parent beacon block root. A chain without the contract skips it (the call
   * to an account without code does nothing).
   */
  public static void beaconRoot(
      EvmSpec spec, BlockEnv block, BlockState state, CodeCache codes, Hash beaconRoot) {
    call(spec, block, state, codes, BEACON_ROOTS_ADDRESS, beaconRoot.toArray());
  }

  /** EIP-2935 (Prague): stores the parent's hash in the history contract. */
  public static void parentHash(
      EvmSpec spec, BlockEnv block, BlockState state, CodeCache codes, Hash parentHash) {
    call(spec, block, state, codes, HISTORY_STORAGE_ADDRESS, parentHash.toArray());
  }

  /**
   * EIP-7002 / EIP-7251 (Prague): dequeues the block's requests from a predeploy.
   *
   * @return the request data (concatenated requests)
   * @throws SystemCallException if the contract has no code or the call fails, which makes the
   *     block invalid
   */
  public static byte[] dequeueRequests(
      EvmSpec spec, BlockEnv block, BlockState state, CodeCache codes, Address predeploy)
      throws SystemCallException {
    if (state.getCode(predeploy).length == 0) {
      throw new SystemCallException("no code at the system contract " + predeploy);
    }
    MessageResult result = call(spec, block, state, codes, predeploy, new byte[0]);
    if (!result.isSuccess()) {
      throw new SystemCallException("the call to " + predeploy + " failed");
    }
    return result.output();
  }

  /**
   * EIP-7685 {@code requests_hash}: sha256 over the sha256 of each non-empty request list prefixed
   * with its type.
   */
  public static Hash requestsHash(List<byte[]> typedRequests) {
    MessageDigest outer = sha256();
    for (byte[] typed : typedRequests) {
      if (typed.length > 1) {
        outer.update(sha256().digest(typed));
      }
    }
    return Hash.wrap(outer.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
    }
  }

  private static MessageResult call(
      EvmSpec spec, BlockEnv block, BlockState state, CodeCache codes, Address to, byte[] input) {
    Substate substate = new Substate();
    substate.warmAddress(SYSTEM_ADDRESS);
    substate.warmAddress(to);
    ExecutionContext env =
        new ExecutionContext(
            spec,
            block,
            new TxEnv(SYSTEM_ADDRESS, UInt256.ZERO, List.of()),
            state,
            substate,
            codes,
            null);
    MessageResult result =
        new FrameRunner(env).call(SYSTEM_ADDRESS, to, UInt256.ZERO, input, SYSTEM_CALL_GAS, false);
    state.finishSystemChanges();
    return result;
  }

  /** A Prague system call that must succeed did not. */
  public static final class SystemCallException extends Exception {
    public SystemCallException(String message) {
      super(message);
    }
  }
}
