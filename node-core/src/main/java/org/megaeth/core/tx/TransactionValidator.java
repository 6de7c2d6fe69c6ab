package org.megaeth.core.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * Checks a decoded transaction, in three layers that callers combine as they need:
 *
 * <ul>
 *   <li>{@link #validate}: the transaction alone, for a fork and a chain id (type, chain id, nonce
 *       and gas bounds, fees, blob and authorization rules, intrinsic gas, signature). Recovers the
 *       sender, which is the costly part.
 *   <li>{@link #checkBlock}: against the block it would go in (gas limit, base fees).
 *   <li>{@link #checkAccount}: against the sender's account (nonce, code, balance).
 * </ul>
 *
 * The pool and the block processor run all three; nothing else decides whether a transaction is
 * acceptable, so every part of the node refuses the same transactions with the same words.
 */
public final class TransactionValidator {
  /** EIP-3860 (Shanghai): {@code MAX_INITCODE_SIZE = 2 * MAX_CODE_SIZE}. */
  public static final int MAX_INITCODE_SIZE = 49_152;

  /** EIP-7825 (Osaka): the most gas one transaction may ask for, 2^24. */
  public static final long MAX_TRANSACTION_GAS_OSAKA = 1L << 24;

  /** EIP-4844 (Cancun): {@code MAX_BLOB_GAS_PER_BLOCK / GAS_PER_BLOB}; one tx may fill a block. */
  public static final int MAX_BLOBS_CANCUN = 6;

  /** EIP-7691 (Prague): the raised per-block blob maximum. */
  public static final int MAX_BLOBS_PRAGUE = 9;

  /** EIP-7594 (Osaka): {@code MAX_BLOBS_PER_TX}, independent of the per-block maximum. */
  public static final int MAX_BLOBS_PER_TX_OSAKA = 6;

  private static final BigInteger MAX_UINT256 = UInt256.MAX.toBigInteger();

  private TransactionValidator() {}

  /** The block a transaction is checked against. */
  public record BlockLimits(long gasLimit, Optional<Wei> baseFee, Optional<Wei> blobBaseFee) {
    public BlockLimits {
      Objects.requireNonNull(baseFee, "baseFee");
      Objects.requireNonNull(blobBaseFee, "blobBaseFee");
    }
  }

  /** Checks what needs only the transaction, the fork and the chain id, and recovers the sender. */
  public static TransactionValidity validate(Transaction tx, Fork fork, long chainId) {
    Optional<TransactionValidity.Invalid> invalid = checkWithoutSignature(tx, fork, chainId);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    Signature signature = tx.signature();
    if (!signature.hasValidRange()) {
      return TransactionValidity.invalid(
          TransactionInvalid.INVALID_SENDER, "invalid transaction v, r, s values");
    }
    if (fork.isAtLeast(Fork.HOMESTEAD) && !signature.isLowS()) {
      return TransactionValidity.invalid(
          TransactionInvalid.INVALID_SENDER,
          "invalid transaction v, r, s values: s above secp256k1n/2 (EIP-2)");
    }
    return switch (tx.sender()) {
      case SenderRecovery.Recovered recovered ->
          new TransactionValidity.Valid(recovered.sender(), IntrinsicGas.of(tx, fork));
      case SenderRecovery.Invalid failed ->
          TransactionValidity.invalid(TransactionInvalid.INVALID_SENDER, failed.reason());
    };
  }

  /**
   * The checks of {@link #validate} that need no signature: for simulated transactions ({@code
   * eth_call}, {@code eth_estimateGas}), whose sender is given rather than recovered.
   */
  public static Optional<TransactionValidity.Invalid> checkWithoutSignature(
      Transaction tx, Fork fork, long chainId) {
    TransactionType type = tx.type();
    if (!type.isSupportedIn(fork)) {
      return invalid(
          TransactionInvalid.TYPE_NOT_SUPPORTED,
          "type %d activates in %s, this is %s"
              .formatted(type.number(), type.introducedIn().testName(), fork.testName()));
    }
    Optional<TransactionValidity.Invalid> chain = checkChainId(tx, fork, chainId);
    if (chain.isPresent()) {
      return chain;
    }
    // EIP-2681: the sender's nonce could never pass 2^64-1, so neither can a transaction's.
    if (tx.nonce() == -1L) {
      return invalid(TransactionInvalid.NONCE_MAX, "nonce " + Long.toUnsignedString(tx.nonce()));
    }
    if (fork.isAtLeast(Fork.OSAKA)
        && Long.compareUnsigned(tx.gasLimit(), MAX_TRANSACTION_GAS_OSAKA) > 0) {
      return invalid(
          TransactionInvalid.GAS_LIMIT_TOO_HIGH,
          "cap: %d, tx: %s"
              .formatted(MAX_TRANSACTION_GAS_OSAKA, Long.toUnsignedString(tx.gasLimit())));
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      // Without particulars, as geth's pool words it (execution-apis send-tip-above-fee-cap).
      return invalid(TransactionInvalid.TIP_ABOVE_FEE_CAP, "");
    }
    // No balance can pay for this; geth refuses it the same way when it buys the gas.
    BigInteger gasCost = unsigned(tx.gasLimit()).multiply(tx.maxFeePerGas().toBigInteger());
    if (gasCost.compareTo(MAX_UINT256) > 0) {
      return invalid(
          TransactionInvalid.INSUFFICIENT_FUNDS, "gas * max fee per gas exceeds 2^256-1");
    }
    Optional<TransactionValidity.Invalid> typeRules =
        switch (tx) {
          case BlobTransaction blob -> checkBlobs(blob, fork);
          case SetCodeTransaction setCode ->
              setCode.authorizationList().isEmpty()
                  ? invalid(TransactionInvalid.EMPTY_AUTH_LIST, "")
                  : Optional.empty();
          default -> Optional.<TransactionValidity.Invalid>empty();
        };
    if (typeRules.isPresent()) {
      return typeRules;
    }
    if (fork.isAtLeast(Fork.SHANGHAI)
        && tx.isContractCreation()
        && tx.data().size() > MAX_INITCODE_SIZE) {
      return invalid(
          TransactionInvalid.MAX_INITCODE_SIZE_EXCEEDED,
          "code size %d, limit %d".formatted(tx.data().size(), MAX_INITCODE_SIZE));
    }
    long intrinsic = IntrinsicGas.of(tx, fork);
    if (Long.compareUnsigned(tx.gasLimit(), intrinsic) < 0) {
      return invalid(
          TransactionInvalid.INTRINSIC_GAS_TOO_LOW,
          "gas %s, minimum needed %d".formatted(Long.toUnsignedString(tx.gasLimit()), intrinsic));
    }
    long floor = IntrinsicGas.floorDataGas(tx, fork);
    if (Long.compareUnsigned(tx.gasLimit(), floor) < 0) {
      return invalid(
          TransactionInvalid.FLOOR_DATA_GAS_TOO_LOW,
          "gas %s, minimum needed %d".formatted(Long.toUnsignedString(tx.gasLimit()), floor));
    }
    return Optional.empty();
  }

  private static Optional<TransactionValidity.Invalid> checkChainId(
      Transaction tx, Fork fork, long chainId) {
    Optional<UInt256> txChainId = tx.chainId();
    if (txChainId.isEmpty()) {
      return Optional.empty(); // unprotected legacy transaction: valid in every fork
    }
    if (tx instanceof LegacyTransaction && !fork.isAtLeast(Fork.SPURIOUS_DRAGON)) {
      return invalid(
          TransactionInvalid.INVALID_CHAIN_ID, "EIP-155 is not active before Spurious Dragon");
    }
    UInt256 expected = UInt256.valueOf(chainId);
    if (!txChainId.get().equals(expected)) {
      return invalid(
          TransactionInvalid.INVALID_CHAIN_ID,
          "have %s want %s".formatted(txChainId.get(), expected));
    }
    return Optional.empty();
  }

  private static Optional<TransactionValidity.Invalid> checkBlobs(BlobTransaction tx, Fork fork) {
    List<Hash> hashes = tx.blobVersionedHashes();
    if (hashes.isEmpty()) {
      return invalid(TransactionInvalid.MISSING_BLOB_HASHES, "");
    }
    int max = maxBlobsPerTransaction(fork);
    if (hashes.size() > max) {
      return invalid(
          TransactionInvalid.TOO_MANY_BLOBS, "have %d, max %d".formatted(hashes.size(), max));
    }
    for (int i = 0; i < hashes.size(); i++) {
      if (hashes.get(i).get(0) != BlobTransaction.VERSIONED_HASH_VERSION_KZG) {
        return invalid(
            TransactionInvalid.INVALID_BLOB_HASH_VERSION,
            "blob %d has version 0x%02x".formatted(i, hashes.get(i).get(0) & 0xFF));
      }
    }
    return Optional.empty();
  }

  /** How many blobs one transaction may carry in {@code fork}. */
  public static int maxBlobsPerTransaction(Fork fork) {
    if (fork.isAtLeast(Fork.OSAKA)) {
      return MAX_BLOBS_PER_TX_OSAKA;
    }
    return fork.isAtLeast(Fork.PRAGUE) ? MAX_BLOBS_PRAGUE : MAX_BLOBS_CANCUN;
  }

  /** Checks the transaction against the block it would go in. Empty when it fits. */
  public static Optional<TransactionValidity.Invalid> checkBlock(
      Transaction tx, BlockLimits block) {
    if (Long.compareUnsigned(tx.gasLimit(), block.gasLimit()) > 0) {
      return invalid(
          TransactionInvalid.EXCEEDS_BLOCK_GAS_LIMIT,
          "tx gas %s, block gas limit %s"
              .formatted(
                  Long.toUnsignedString(tx.gasLimit()), Long.toUnsignedString(block.gasLimit())));
    }
    if (block.baseFee().isPresent() && tx.maxFeePerGas().compareTo(block.baseFee().get()) < 0) {
      return invalid(
          TransactionInvalid.FEE_CAP_TOO_LOW,
          "maxFeePerGas: %s, baseFee: %s"
              .formatted(tx.maxFeePerGas().value(), block.baseFee().get().value()));
    }
    if (tx instanceof BlobTransaction blob
        && block.blobBaseFee().isPresent()
        && blob.maxFeePerBlobGas().compareTo(block.blobBaseFee().get()) < 0) {
      return invalid(
          TransactionInvalid.BLOB_FEE_CAP_TOO_LOW,
          "have %s, want %s"
              .formatted(blob.maxFeePerBlobGas().value(), block.blobBaseFee().get().value()));
    }
    return Optional.empty();
  }

  /**
   * Checks the transaction against its sender's account, in geth's order: nonce, code (EIP-3607),
   * then the balance for {@code gas * maxFeePerGas + value + blobGas * maxFeePerBlobGas}.
   */
  public static Optional<TransactionValidity.Invalid> checkAccount(
      Transaction tx, Fork fork, Address sender, SenderAccount account) {
    int nonceOrder = Long.compareUnsigned(tx.nonce(), account.nonce());
    if (nonceOrder < 0) {
      return invalid(TransactionInvalid.NONCE_TOO_LOW, nonceDetail(tx, sender, account));
    }
    if (nonceOrder > 0) {
      return invalid(TransactionInvalid.NONCE_TOO_HIGH, nonceDetail(tx, sender, account));
    }
    if (account.nonce() == -1L) {
      return invalid(
          TransactionInvalid.NONCE_MAX,
          "address %s, nonce: %s".formatted(sender, Long.toUnsignedString(account.nonce())));
    }
    boolean delegated = fork.isAtLeast(Fork.PRAGUE) && account.isDelegated();
    if (!account.code().isEmpty() && !delegated) {
      return invalid(
          TransactionInvalid.SENDER_NOT_EOA,
          "address %s, len(code): %d".formatted(sender, account.code().size()));
    }
    if (!canPayUpfrontCost(tx, account.balance().value())) {
      return invalid(
          TransactionInvalid.INSUFFICIENT_FUNDS,
          "address %s have %s want %s"
              .formatted(sender, account.balance().toBigInteger(), upfrontCost(tx)));
    }
    return Optional.empty();
  }

  /**
   * {@code balance >= upfrontCost(tx)} without BigInteger: this runs for every transaction a block
   * executes. A cost past 2^256-1 (the exact arithmetic throws) is more than any balance.
   *
   * <p>Benchmark before refactoring: {@code
   * benchmarks/src/main/java/org/megaeth/benchmarks/evm/Erc20TransferBenchmark.java}.
   */
  private static boolean canPayUpfrontCost(Transaction tx, UInt256 balance) {
    try {
      UInt256 cost =
          UInt256.valueOf(tx.gasLimit())
              .multiplyExact(tx.maxFeePerGas().value())
              .addExact(tx.value().value());
      if (tx instanceof BlobTransaction blob) {
        cost =
            cost.addExact(
                UInt256.valueOf(blob.blobGas()).multiplyExact(blob.maxFeePerBlobGas().value()));
      }
      return balance.compareTo(cost) >= 0;
    } catch (ArithmeticException beyond256Bits) {
      return false;
    }
  }

  /**
   * The balance a sender needs before execution: {@code gas * maxFeePerGas + value + blobGas *
   * maxFeePerBlobGas}. A BigInteger because it may exceed 2^256-1.
   */
  public static BigInteger upfrontCost(Transaction tx) {
    BigInteger cost = unsigned(tx.gasLimit()).multiply(tx.maxFeePerGas().toBigInteger());
    cost = cost.add(tx.value().toBigInteger());
    if (tx instanceof BlobTransaction blob) {
      cost =
          cost.add(
              BigInteger.valueOf(blob.blobGas()).multiply(blob.maxFeePerBlobGas().toBigInteger()));
    }
    return cost;
  }

  /**
   * Checks a network-form blob transaction's sidecar against its versioned hashes. The KZG proofs
   * are left to the caller, which needs a KZG library.
   */
  public static Optional<TransactionValidity.Invalid> checkSidecar(
      BlobTransaction tx, BlobSidecar sidecar) {
    List<Hash> expected = tx.blobVersionedHashes();
    if (sidecar.blobs().size() != expected.size()) {
      return invalid(
          TransactionInvalid.BLOB_SIDECAR_MISMATCH,
          "%d blobs for %d blob hashes".formatted(sidecar.blobs().size(), expected.size()));
    }
    List<Hash> computed = sidecar.versionedHashes();
    for (int i = 0; i < expected.size(); i++) {
      if (!computed.get(i).equals(expected.get(i))) {
        return invalid(
            TransactionInvalid.BLOB_SIDECAR_MISMATCH,
            "blob %d: computed hash %s mismatches transaction one %s"
                .formatted(i, computed.get(i), expected.get(i)));
      }
    }
    return Optional.empty();
  }

  /** {@code value} read as unsigned (no decimal string in between: this runs per admission). */
  private static BigInteger unsigned(long value) {
    BigInteger signed = BigInteger.valueOf(value);
    return value >= 0 ? signed : signed.add(TWO_TO_64);
  }

  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private static String nonceDetail(Transaction tx, Address sender, SenderAccount account) {
    return "address %s, tx: %s state: %s"
        .formatted(
            sender, Long.toUnsignedString(tx.nonce()), Long.toUnsignedString(account.nonce()));
  }

  private static Optional<TransactionValidity.Invalid> invalid(
      TransactionInvalid reason, String detail) {
    return Optional.of(TransactionValidity.invalid(reason, detail));
  }
}
