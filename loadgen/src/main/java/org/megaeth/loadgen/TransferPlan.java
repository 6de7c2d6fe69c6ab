package org.megaeth.loadgen;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;

/**
 * Which transfers the load holds and in what order: transfer i is signed by sender {@code i mod K}
 * with that sender's next nonce, so the senders take turns and each one's nonces go up in
 * submission order. Each transfer pays {@code amount} tokens to another sender, rotating so that no
 * one pays itself (except with a single sender).
 *
 * @param chainId the chain the transactions are signed for (EIP-155, in the typed envelope)
 * @param token the ERC-20 contract
 * @param amount tokens moved by each transfer
 * @param gasLimit every transfer's gas limit
 * @param fees every transfer's fee fields
 */
public record TransferPlan(long chainId, Address token, UInt256 amount, long gasLimit, Fees fees) {

  /** How many transfers sender {@code sender} signs out of {@code transactions}. */
  public static int countOf(int sender, int senders, int transactions) {
    return transactions / senders + (sender < transactions % senders ? 1 : 0);
  }

  /** The sender of transfer {@code index}. */
  public static int senderOf(int index, int senders) {
    return index % senders;
  }

  /** The recipient of transfer {@code index}: never its sender when there are two or more. */
  public static int recipientOf(int index, int senders) {
    if (senders == 1) {
      return 0;
    }
    int sender = senderOf(index, senders);
    int round = index / senders;
    return (sender + 1 + round % (senders - 1)) % senders;
  }

  /**
   * Signs the whole load, on all cores.
   *
   * @param keys the senders
   * @param firstNonces each sender's next nonce on the chain
   */
  public List<SignedTransfer> sign(List<KeyPair> keys, long[] firstNonces, int transactions) {
    int senders = keys.size();
    if (firstNonces.length != senders) {
      throw new IllegalArgumentException("one first nonce per sender");
    }
    return IntStream.range(0, transactions)
        .parallel()
        .mapToObj(index -> signOne(keys, firstNonces, index))
        .toList();
  }

  private SignedTransfer signOne(List<KeyPair> keys, long[] firstNonces, int index) {
    int senders = keys.size();
    int sender = senderOf(index, senders);
    int recipient = recipientOf(index, senders);
    long nonce = firstNonces[sender] + index / senders;
    Transaction tx =
        transaction(keys.get(sender), nonce, Erc20.transfer(keys.get(recipient).address(), amount));
    return new SignedTransfer(
        sender, recipient, nonce, tx.hash(), Hex.encode(tx.encoded().toArrayUnsafe()));
  }

  /** A signed call of the token by {@code from}. */
  public Transaction transaction(KeyPair from, long nonce, Bytes data) {
    return sign(chainId, fees, from, nonce, Optional.of(token), Wei.ZERO, data, gasLimit);
  }

  /** An EIP-1559 transaction signed by {@code from}; {@code to} empty to create a contract. */
  public static Transaction sign(
      long chainId,
      Fees fees,
      KeyPair from,
      long nonce,
      Optional<Address> to,
      Wei value,
      Bytes data,
      long gasLimit) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(chainId)),
            nonce,
            fees.maxPriorityFeePerGas(),
            fees.maxFeePerGas(),
            gasLimit,
            to,
            value,
            data,
            List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }
}
