package org.megaeth.benchmarks.evm;

import java.math.BigInteger;
import java.util.Optional;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * ERC-20 transfers between many holders of an OpenZeppelin 5 token, so that every transfer reads
 * and writes two cold balance slots. Setup, run through the EVM: the deployer (secret key 1)
 * deploys {@code BenchToken} with 10^30 units, then gives 10^21 to each holder (secret keys {@code
 * 0x10000 + i}). Operation {@code k}: holder {@code h = k mod n} sends 10^15 to holder {@link
 * #recipient(int) recipient(h)}; balances never run out, so every operation does the same work. The
 * ethereumjs side runs the identical sequence.
 */
final class Erc20Workload {
  static final long DEPLOYER_KEY = 1;
  static final long HOLDER_KEY_BASE = 0x10000;
  static final long TRANSFER_GAS_LIMIT = 100_000;
  static final UInt256 SUPPLY = UInt256.fromBigInteger(BigInteger.TEN.pow(30));
  static final UInt256 PER_HOLDER = UInt256.fromBigInteger(BigInteger.TEN.pow(21));
  static final UInt256 AMOUNT = UInt256.fromBigInteger(BigInteger.TEN.pow(15));

  final EvmChain chain = new EvmChain();
  final Address deployer = EvmChain.account(DEPLOYER_KEY);
  final Address token;
  final Address[] holders;
  private final EvmChain.Prepared[] transfers;
  private long op;

  Erc20Workload(int holderCount) {
    chain.fund(deployer);
    token = chain.deploy(deployer, Contracts.initCode("BenchToken"), Abi.encode(SUPPLY));
    holders = new Address[holderCount];
    for (int i = 0; i < holderCount; i++) {
      holders[i] = EvmChain.account(HOLDER_KEY_BASE + i);
      chain.fund(holders[i]);
    }
    for (Address holder : holders) {
      chain.send(
          deployer,
          token,
          Abi.call("transfer(address,uint256)", holder, PER_HOLDER),
          TRANSFER_GAS_LIMIT);
    }
    transfers = new EvmChain.Prepared[holderCount];
    for (int h = 0; h < holderCount; h++) {
      byte[] data = Abi.call("transfer(address,uint256)", holders[recipient(h)], AMOUNT);
      transfers[h] = chain.template(holders[h], Optional.of(token), data, TRANSFER_GAS_LIMIT);
    }
  }

  /** A permutation without fixed points, so each holder sends and receives once per round. */
  int recipient(int h) {
    int n = holders.length;
    int r = (int) ((h * 7919L + n / 2 - 1) % n);
    return r == h ? (h + 1) % n : r;
  }

  /** The next transfer of the sequence, numbered. */
  EvmChain.Prepared next() {
    return chain.next(transfers[(int) (op++ % transfers.length)]);
  }
}
