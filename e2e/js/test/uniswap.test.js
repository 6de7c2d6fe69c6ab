// A Uniswap-V2-style deployment driven with ethers: two tokens, a factory that creates the pair
// with CREATE2, a router; liquidity in and out, swaps both ways with the constant-product price
// checked against the reserves, and Sync/Swap events.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ContractFactory,
  Contract,
  JsonRpcProvider,
  NonceManager,
  Wallet,
  getCreate2Address,
  isError,
  keccak256,
  parseEther,
  solidityPacked,
  MaxUint256,
} from 'ethers';
import { HTTP_URL, compileContracts, devKey } from '../lib.js';

const artifacts = compileContracts();
let provider, lp, trader, tokenA, tokenB, factory, router, pair, token0, token1;

/** Sends the deployment and returns once the node accepted it (not yet executed). */
function deploy(name, signer, ...args) {
  return new ContractFactory(artifacts[name].abi, artifacts[name].bytecode, signer).deploy(...args);
}

/** Uniswap V2's getAmountOut: the output for amountIn after the 0.3% fee. */
function amountOut(amountIn, reserveIn, reserveOut) {
  const inWithFee = amountIn * 997n;
  return (inWithFee * reserveOut) / (reserveIn * 1000n + inWithFee);
}

before(async () => {
  provider = new JsonRpcProvider(HTTP_URL, undefined, { pollingInterval: 200 });
  lp = new Wallet(devKey(6), provider);
  trader = new Wallet(devKey(7), provider);
  // Sent back to back without waiting, through ethers' NonceManager (ethers caches the pending
  // nonce for 250 ms, so plain wallets cannot do this against any node).
  const sender = new NonceManager(lp);
  tokenA = await deploy('Token', sender, 'Token A', 'TKA', parseEther('1000000'));
  tokenB = await deploy('Token', sender, 'Token B', 'TKB', parseEther('1000000'));
  factory = await deploy('SwapFactory', sender);
  await Promise.all([tokenA, tokenB, factory].map((c) => c.waitForDeployment()));
  [tokenA, tokenB, factory] = [tokenA, tokenB, factory].map((c) => c.connect(lp));
  router = await deploy('SwapRouter', lp, await factory.getAddress());
  await router.waitForDeployment();
});

after(() => provider.destroy());

describe('uniswap-style pair', () => {
  test('the factory creates the pair at its CREATE2 address', async () => {
    const [a, b] = [await tokenA.getAddress(), await tokenB.getAddress()];
    const receipt = await (await factory.createPair(a, b)).wait();
    const [t0, t1] = a.toLowerCase() < b.toLowerCase() ? [a, b] : [b, a];
    const expected = getCreate2Address(
      await factory.getAddress(),
      keccak256(solidityPacked(['address', 'address'], [t0, t1])),
      keccak256(artifacts.SwapPair.bytecode),
    );
    const created = receipt.logs.map((l) => factory.interface.parseLog(l)).find((e) => e?.name === 'PairCreated');
    assert.equal(created.args.pair, expected);
    assert.equal(created.args.token0, t0);
    assert.equal(await factory.getPair(b, a), expected);
    assert.equal(await factory.allPairsLength(), 1n);
    pair = new Contract(expected, artifacts.SwapPair.abi, lp);
    assert.equal(await pair.token0(), t0);
    assert.equal(await pair.factory(), await factory.getAddress());
    token0 = t0 === a ? tokenA : tokenB;
    token1 = t0 === a ? tokenB : tokenA;

    // the same pair again is a custom error, decoded by ethers
    await assert.rejects(factory.createPair(b, a), (e) => {
      assert.ok(isError(e, 'CALL_EXCEPTION'), `${e.code}: ${e.message}`);
      const decoded = factory.interface.parseError(e.data);
      assert.equal(decoded.name, 'PairExists');
      assert.equal(decoded.args[0], expected);
      return true;
    });
  });

  test('adds liquidity through the router', async () => {
    const routerAddress = await router.getAddress();
    const sender = new NonceManager(lp);
    const approvals = [
      await token0.connect(sender).approve(routerAddress, MaxUint256),
      await token1.connect(sender).approve(routerAddress, MaxUint256),
    ];
    await Promise.all(approvals.map((t) => t.wait()));
    const amount0 = parseEther('10000');
    const amount1 = parseEther('40000');
    const receipt = await (
      await router.addLiquidity(await token0.getAddress(), await token1.getAddress(), amount0, amount1, lp.address)
    ).wait();
    const events = receipt.logs
      .filter((l) => l.address === pair.target)
      .map((l) => pair.interface.parseLog(l));
    const names = events.map((e) => e.name);
    assert.deepEqual(names, ['Transfer', 'Transfer', 'Sync', 'Mint']);
    const sync = events.find((e) => e.name === 'Sync');
    assert.equal(sync.args.reserve0, amount0);
    assert.equal(sync.args.reserve1, amount1);
    const [r0, r1] = await pair.getReserves();
    assert.equal(r0, amount0);
    assert.equal(r1, amount1);
    // sqrt(10000e18 * 40000e18) = 20000e18, less the locked minimum
    assert.equal(await pair.balanceOf(lp.address), parseEther('20000') - 1000n);
    assert.equal(await pair.totalSupply(), parseEther('20000'));
  });

  test('swaps token0 for token1 at the constant-product price', async () => {
    await (await token0.transfer(trader.address, parseEther('500'))).wait();
    const routerAsTrader = router.connect(trader);
    await (await token0.connect(trader).approve(await router.getAddress(), MaxUint256)).wait();
    const [r0, r1] = await pair.getReserves();
    const amountIn = parseEther('100');
    const expectedOut = amountOut(amountIn, r0, r1);
    assert.equal(await router.getAmountOut(amountIn, r0, r1), expectedOut);
    // the router's return value through eth_call equals the formula
    assert.equal(
      await routerAsTrader.swapExactTokensForTokens.staticCall(amountIn, 0n, await token0.getAddress(), await token1.getAddress(), trader.address),
      expectedOut,
    );
    const before1 = await token1.balanceOf(trader.address);
    const receipt = await (
      await routerAsTrader.swapExactTokensForTokens(amountIn, expectedOut, await token0.getAddress(), await token1.getAddress(), trader.address)
    ).wait();
    assert.equal(await token1.balanceOf(trader.address), before1 + expectedOut);
    const swap = receipt.logs
      .filter((l) => l.address === pair.target)
      .map((l) => pair.interface.parseLog(l))
      .find((e) => e.name === 'Swap');
    assert.equal(swap.args.amount0In, amountIn);
    assert.equal(swap.args.amount1In, 0n);
    assert.equal(swap.args.amount0Out, 0n);
    assert.equal(swap.args.amount1Out, expectedOut);
    assert.equal(swap.args.to, trader.address);
    const [n0, n1] = await pair.getReserves();
    assert.equal(n0, r0 + amountIn);
    assert.equal(n1, r1 - expectedOut);
    // the price moved against the trader and k grew (the fee stays in the pool)
    assert.ok(n0 * n1 > r0 * r1);
    assert.ok((n1 * 10n ** 18n) / n0 < (r1 * 10n ** 18n) / r0);
  });

  test('swaps back and queries Swap and Sync events by range', async () => {
    // after the first swap's block, which is sealed by now
    const startBlock = (await provider.getBlockNumber()) + 1;
    await (await token1.connect(trader).approve(await router.getAddress(), MaxUint256)).wait();
    const balance1 = await token1.balanceOf(trader.address);
    const [r0, r1] = await pair.getReserves();
    const expectedOut = amountOut(balance1, r1, r0);
    await (
      await router.connect(trader).swapExactTokensForTokens(balance1, expectedOut, await token1.getAddress(), await token0.getAddress(), trader.address)
    ).wait();
    const swaps = await pair.queryFilter(pair.filters.Swap(null, null, null, null, null, trader.address), startBlock, 'latest');
    assert.equal(swaps.length, 1);
    assert.equal(swaps[0].args.amount1In, balance1);
    assert.equal(swaps[0].args.amount0Out, expectedOut);
    const syncs = await pair.queryFilter(pair.filters.Sync(), 0, 'latest');
    assert.equal(syncs.length, 3); // mint, swap, swap back
    const last = syncs.at(-1).args;
    const [n0, n1] = await pair.getReserves();
    assert.equal(last.reserve0, n0);
    assert.equal(last.reserve1, n1);
    // a round trip loses the fee twice
    assert.ok((await token0.balanceOf(trader.address)) < parseEther('500'));
  });

  test('a swap that asks for too much reverts with the pair reason', async () => {
    const [r0, r1] = await pair.getReserves();
    const routerAsTrader = router.connect(trader);
    await assert.rejects(
      routerAsTrader.swapExactTokensForTokens.staticCall(parseEther('1'), r1, await token0.getAddress(), await token1.getAddress(), trader.address),
      (e) => {
        assert.equal(e.reason, 'SwapRouter: INSUFFICIENT_OUTPUT_AMOUNT');
        return true;
      },
    );
    // directly on the pair without paying first: the K check is bypassed by the input check
    await assert.rejects(pair.connect(trader).swap.staticCall(1n, 0n, trader.address), (e) => {
      assert.equal(e.reason, 'SwapPair: INSUFFICIENT_INPUT_AMOUNT');
      return true;
    });
    await assert.rejects(pair.connect(trader).swap.estimateGas(r0, 0n, trader.address), (e) => {
      assert.equal(e.reason, 'SwapPair: INSUFFICIENT_LIQUIDITY');
      return true;
    });
  });

  test('removes liquidity with burn', async () => {
    const liquidity = (await pair.balanceOf(lp.address)) / 2n;
    const [r0, r1] = await pair.getReserves();
    const supply = await pair.totalSupply();
    await (await pair.transfer(pair.target, liquidity)).wait();
    const before0 = await token0.balanceOf(lp.address);
    const receipt = await (await pair.burn(lp.address)).wait();
    const burn = receipt.logs.map((l) => (l.address === pair.target ? pair.interface.parseLog(l) : null)).find((e) => e?.name === 'Burn');
    assert.equal(burn.args.amount0, (liquidity * r0) / supply);
    assert.equal(burn.args.amount1, (liquidity * r1) / supply);
    assert.equal(await token0.balanceOf(lp.address), before0 + burn.args.amount0);
    assert.equal(await pair.totalSupply(), supply - liquidity);
  });
});
