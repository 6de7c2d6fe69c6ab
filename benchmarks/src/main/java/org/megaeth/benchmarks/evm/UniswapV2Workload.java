package org.megaeth.benchmarks.evm;

import java.math.BigInteger;
import java.util.Optional;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * Uniswap V2 swaps through the published {@code UniswapV2Router02}, the way a wallet swaps: {@code
 * swapExactTokensForTokens} pulls the input token from the swapper into the pair ({@code
 * transferFrom}) and calls {@code UniswapV2Pair.swap}, which pays out the other token and syncs the
 * reserves. Setup, run through the EVM: the deployer (secret key 1) deploys two {@code
 * BenchToken}s, WETH9, the factory and the router, adds 10^24 of each token as liquidity (which
 * creates the pair), and gives 10^22 of each to every swapper (secret keys {@code 0x20000 + i}),
 * who approve the router. Operation {@code k}: swapper {@code k mod n} swaps 10^18 of A for B when
 * {@code k} is even and of B for A when odd ({@code n} is odd, so each swapper alternates too), so
 * the reserves stay within a hair of 1:1. The ethereumjs side runs the identical sequence.
 */
final class UniswapV2Workload {
  static final long DEPLOYER_KEY = 1;
  static final long SWAPPER_KEY_BASE = 0x20000;
  static final long SWAP_GAS_LIMIT = 300_000;
  static final long DEADLINE = 4_000_000_000L;
  static final UInt256 SUPPLY = UInt256.fromBigInteger(BigInteger.TEN.pow(30));
  static final UInt256 LIQUIDITY = UInt256.fromBigInteger(BigInteger.TEN.pow(24));
  static final UInt256 PER_SWAPPER = UInt256.fromBigInteger(BigInteger.TEN.pow(22));
  static final UInt256 AMOUNT_IN = UInt256.fromBigInteger(BigInteger.TEN.pow(18));

  final EvmChain chain = new EvmChain();
  final Address deployer = EvmChain.account(DEPLOYER_KEY);
  final Address tokenA;
  final Address tokenB;
  final Address router;
  final Address pair;
  final Address[] swappers;
  private final EvmChain.Prepared[] swaps;
  private long op;

  UniswapV2Workload(int swapperCount) {
    if (swapperCount % 2 == 0) {
      throw new IllegalArgumentException("an odd number of swappers alternates directions");
    }
    chain.fund(deployer);
    tokenA = chain.deploy(deployer, Contracts.initCode("BenchToken"), Abi.encode(SUPPLY));
    tokenB = chain.deploy(deployer, Contracts.initCode("BenchToken"), Abi.encode(SUPPLY));
    Address weth = chain.deploy(deployer, Contracts.initCode("WETH9"), new byte[0]);
    Address factory =
        chain.deploy(deployer, Contracts.initCode("UniswapV2Factory"), Abi.encode(deployer));
    router =
        chain.deploy(deployer, Contracts.initCode("UniswapV2Router02"), Abi.encode(factory, weth));
    approve(deployer, tokenA);
    approve(deployer, tokenB);
    chain.send(
        deployer,
        router,
        Abi.call(
            "addLiquidity(address,address,uint256,uint256,uint256,uint256,address,uint256)",
            tokenA,
            tokenB,
            LIQUIDITY,
            LIQUIDITY,
            0L,
            0L,
            deployer,
            DEADLINE),
        5_000_000);
    pair =
        Abi.address(chain.view(factory, Abi.call("getPair(address,address)", tokenA, tokenB)), 0);

    swappers = new Address[swapperCount];
    for (int i = 0; i < swapperCount; i++) {
      swappers[i] = EvmChain.account(SWAPPER_KEY_BASE + i);
      chain.fund(swappers[i]);
    }
    for (Address swapper : swappers) {
      for (Address token : new Address[] {tokenA, tokenB}) {
        chain.send(
            deployer,
            token,
            Abi.call("transfer(address,uint256)", swapper, PER_SWAPPER),
            Erc20Workload.TRANSFER_GAS_LIMIT);
      }
      approve(swapper, tokenA);
      approve(swapper, tokenB);
    }
    swaps = new EvmChain.Prepared[2 * swapperCount];
    for (int i = 0; i < swapperCount; i++) {
      swaps[2 * i] = swap(swappers[i], tokenA, tokenB);
      swaps[2 * i + 1] = swap(swappers[i], tokenB, tokenA);
    }
  }

  private void approve(Address owner, Address token) {
    chain.send(
        owner,
        token,
        Abi.call("approve(address,uint256)", router, UInt256.MAX),
        Erc20Workload.TRANSFER_GAS_LIMIT);
  }

  private EvmChain.Prepared swap(Address swapper, Address in, Address out) {
    byte[] data =
        Abi.call(
            "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)",
            AMOUNT_IN,
            0L,
            new Address[] {in, out},
            swapper,
            DEADLINE);
    return chain.template(swapper, Optional.of(router), data, SWAP_GAS_LIMIT);
  }

  /** The next swap of the sequence, numbered. */
  EvmChain.Prepared next() {
    long k = op++;
    int swapper = (int) (k % swappers.length);
    int direction = (int) (k % 2);
    return chain.next(swaps[2 * swapper + direction]);
  }
}
