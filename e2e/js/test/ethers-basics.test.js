// ethers v6 over HTTP: network, ETH and ERC-20 transfers with receipts, deployment with
// ContractFactory, blocks and transactions, fees, revert reasons and transaction errors, batching.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ContractFactory,
  JsonRpcProvider,
  Network,
  Wallet,
  isError,
  parseEther,
  parseUnits,
} from 'ethers';
import { CHAIN_ID, HTTP_URL, compileContracts, devKey } from '../lib.js';

const artifacts = compileContracts();
let provider, alice, bob, token, deployBlock;

before(async () => {
  // No request cache: ethers shares identical requests made within 250 ms, so a send right after a
  // receipt that came quickly would reuse the pending nonce asked for the one before it.
  provider = new JsonRpcProvider(HTTP_URL, undefined, { pollingInterval: 200, cacheTimeout: -1 });
  alice = new Wallet(devKey(0), provider);
  bob = new Wallet(devKey(1), provider);
});

after(() => provider.destroy());

describe('ethers: chain', () => {
  test('detects the dev network', async () => {
    const network = await provider.getNetwork();
    assert.equal(network.chainId, BigInt(CHAIN_ID));
    assert.equal(await provider.send('net_version', []), String(CHAIN_ID));
    assert.match(await provider.send('web3_clientVersion', []), /megaeth/i);
  });

  test('funds the mnemonic accounts', async () => {
    const balance = await provider.getBalance(new Wallet(devKey(9)).address);
    assert.ok(balance >= parseEther('9000'), `account 9 has ${balance}`);
  });

  test('serves the latest block with the Cancun header fields', async () => {
    const number = await provider.getBlockNumber();
    const block = await provider.getBlock('latest');
    assert.ok(block.number >= number);
    assert.equal(block.baseFeePerGas > 0n, true);
    assert.equal(typeof block.hash, 'string');
    assert.equal(block.hash.length, 66);
    const raw = await provider.send('eth_getBlockByNumber', [block.number === 0 ? '0x0' : '0x' + block.number.toString(16), false]);
    for (const field of ['parentBeaconBlockRoot', 'withdrawalsRoot', 'blobGasUsed', 'excessBlobGas', 'withdrawals', 'size', 'uncles', 'mixHash', 'nonce', 'difficulty']) {
      assert.ok(field in raw, `block has ${field}`);
    }
    const byHash = await provider.getBlock(block.hash);
    assert.equal(byHash.number, block.number);
  });

  test('reports fee data and fee history', async () => {
    const fees = await provider.getFeeData();
    assert.ok(fees.gasPrice > 0n);
    assert.ok(fees.maxFeePerGas > 0n);
    assert.ok(fees.maxPriorityFeePerGas >= 0n);
    const history = await provider.send('eth_feeHistory', ['0x4', 'latest', [25, 75]]);
    assert.equal(history.baseFeePerGas.length, history.gasUsedRatio.length + 1);
    assert.equal(history.reward.length, history.gasUsedRatio.length);
    for (const r of history.reward) assert.equal(r.length, 2);
    assert.ok(history.gasUsedRatio.length >= 1 && history.gasUsedRatio.length <= 4);
    assert.match(history.oldestBlock, /^0x[0-9a-f]+$/);
  });
});

describe('ethers: transactions', () => {
  test('transfers ETH and returns a sealed receipt', async () => {
    const before = await provider.getBalance(bob.address);
    const tx = await alice.sendTransaction({ to: bob.address, value: parseEther('1.5') });
    assert.equal(tx.type, 2);
    const receipt = await tx.wait();
    assert.equal(receipt.status, 1);
    assert.equal(receipt.hash, tx.hash);
    assert.equal(receipt.from, alice.address);
    assert.equal(receipt.to, bob.address);
    assert.equal(receipt.gasUsed, 21000n);
    assert.ok(receipt.gasPrice > 0n);
    assert.equal(await provider.getBalance(bob.address), before + parseEther('1.5'));

    const fetched = await provider.getTransaction(tx.hash);
    assert.equal(fetched.blockNumber, receipt.blockNumber);
    assert.equal(fetched.blockHash, receipt.blockHash);
    assert.equal(fetched.value, parseEther('1.5'));
    assert.equal(fetched.from, alice.address);
    const block = await provider.getBlock(receipt.blockNumber, true);
    assert.equal(block.hash, receipt.blockHash);
    assert.ok(block.prefetchedTransactions.some((t) => t.hash === tx.hash));
    assert.ok((await tx.confirmations()) >= 1);
  });

  test('sends legacy and EIP-2930 transactions', async () => {
    const gasPrice = (await provider.getFeeData()).gasPrice;
    const legacy = await alice.sendTransaction({ to: bob.address, value: 1n, type: 0, gasPrice });
    const r0 = await legacy.wait();
    assert.equal(r0.type, 0);
    assert.equal(r0.status, 1);
    const withList = await alice.sendTransaction({
      to: bob.address,
      value: 2n,
      type: 1,
      gasPrice,
      accessList: [{ address: bob.address, storageKeys: [] }],
    });
    const r1 = await withList.wait();
    assert.equal(r1.type, 1);
    assert.equal(r1.status, 1);
    const t1 = await provider.getTransaction(withList.hash);
    assert.equal(t1.accessList.length, 1);
  });

  test('deploys the ERC-20 with ContractFactory and transfers it', async () => {
    const factory = new ContractFactory(artifacts.Token.abi, artifacts.Token.bytecode, alice);
    token = await factory.deploy('Test Token', 'TT', parseUnits('1000000', 18));
    const deployTx = token.deploymentTransaction();
    await token.waitForDeployment();
    const receipt = await deployTx.wait();
    assert.equal(receipt.contractAddress, await token.getAddress());
    deployBlock = receipt.blockNumber;
    // The runtime code is solc's, with the immutable owner filled in at the same length.
    const code = await provider.getCode(await token.getAddress());
    assert.equal(code.length, artifacts.Token.deployedBytecode.length);
    assert.ok(code.includes(alice.address.slice(2).toLowerCase()), 'owner immutable is set');
    assert.equal(await token.name(), 'Test Token');
    assert.equal(await token.symbol(), 'TT');
    assert.equal(Number(await token.decimals()), 18);
    assert.equal(await token.totalSupply(), parseUnits('1000000', 18));

    const tx = await token.transfer(bob.address, parseUnits('250', 18));
    const r = await tx.wait();
    assert.equal(r.status, 1);
    assert.equal(r.logs.length, 1);
    const event = token.interface.parseLog(r.logs[0]);
    assert.equal(event.name, 'Transfer');
    assert.equal(event.args.from, alice.address);
    assert.equal(event.args.to, bob.address);
    assert.equal(event.args.value, parseUnits('250', 18));
    assert.equal(r.logs[0].blockHash, r.blockHash);
    assert.equal(r.logs[0].transactionHash, tx.hash);
    assert.equal(await token.balanceOf(bob.address), parseUnits('250', 18));

    // The bloom of the receipt and of the block must admit the token's address.
    const block = await provider.send('eth_getBlockByHash', [r.blockHash, false]);
    assert.equal(block.logsBloom.length, 2 + 512);
    assert.notEqual(BigInt(block.logsBloom), 0n);
  });

  test('reads state at a past block and at latest', async () => {
    const address = await token.getAddress();
    const now = await provider.getBlockNumber();
    // The node keeps recent states (as geth keeps 128): the block before the deployment is one.
    const [atNow, before] = await Promise.all([
      provider.getCode(address, now),
      provider.getCode(address, deployBlock - 1),
    ]);
    assert.notEqual(atNow, '0x');
    assert.equal(before, '0x');
    assert.equal(await provider.getCode(address, deployBlock), atNow);
    const slot = await provider.getStorage(address, 2); // totalSupply
    assert.equal(BigInt(slot), parseUnits('1000000', 18));
  });

  test('surfaces revert reasons on eth_call and estimateGas', async () => {
    const rich = parseUnits('1000000000', 18);
    // require(..., "reason") on a call
    await assert.rejects(token.connect(bob).transfer.staticCall(alice.address, rich), (e) => {
      assert.ok(isError(e, 'CALL_EXCEPTION'), `${e.code}: ${e.message}`);
      assert.equal(e.reason, 'Token: transfer amount exceeds balance');
      assert.equal(e.revert?.name, 'Error');
      assert.deepEqual([...e.revert.args], ['Token: transfer amount exceeds balance']);
      return true;
    });
    // ... and on estimateGas (what sendTransaction does first)
    await assert.rejects(token.connect(bob).transfer.estimateGas(alice.address, rich), (e) => {
      assert.ok(isError(e, 'CALL_EXCEPTION'), `${e.code}: ${e.message}`);
      assert.equal(e.reason, 'Token: transfer amount exceeds balance');
      return true;
    });
    await assert.rejects(token.connect(bob).transfer(alice.address, rich), (e) => {
      assert.ok(isError(e, 'CALL_EXCEPTION'), `${e.code}: ${e.message}`);
      assert.equal(e.reason, 'Token: transfer amount exceeds balance');
      return true;
    });
    // a custom error, decoded from the ABI
    await assert.rejects(token.connect(bob).mint.staticCall(bob.address, 1n), (e) => {
      assert.ok(isError(e, 'CALL_EXCEPTION'), `${e.code}: ${e.message}`);
      assert.equal(e.revert?.name, 'NotOwner');
      assert.equal(e.revert.args[0], bob.address);
      return true;
    });
    // ethers decodes custom errors only for calls; for estimateGas it hands over the revert data.
    await assert.rejects(token.connect(bob).mint.estimateGas(bob.address, 1n), (e) => {
      assert.ok(isError(e, 'CALL_EXCEPTION'), `${e.code}: ${e.message}`);
      const decoded = token.interface.parseError(e.data);
      assert.equal(decoded?.name, 'NotOwner');
      assert.equal(decoded.args[0], bob.address);
      return true;
    });
    // a panic (division by zero)
    await assert.rejects(token.ratio(1n, 0n), (e) => {
      assert.ok(isError(e, 'CALL_EXCEPTION'), `${e.code}: ${e.message}`);
      assert.equal(e.revert?.name, 'Panic');
      assert.equal(BigInt(e.revert.args[0]), 0x12n);
      return true;
    });
  });

  test('a transaction that reverts on chain has status 0 and ethers says so', async () => {
    const tx = await token.connect(bob).transfer(alice.address, parseUnits('1000000000', 18), { gasLimit: 100_000 });
    await assert.rejects(tx.wait(), (e) => {
      assert.ok(isError(e, 'CALL_EXCEPTION'), `${e.code}: ${e.message}`);
      assert.equal(e.receipt.status, 0);
      return true;
    });
    const receipt = await provider.getTransactionReceipt(tx.hash);
    assert.equal(receipt.status, 0);
    assert.equal(receipt.logs.length, 0);
  });

  test('refuses a nonce that was used with NONCE_EXPIRED', async () => {
    const nonce = await provider.getTransactionCount(alice.address, 'latest');
    assert.ok(nonce > 0);
    await assert.rejects(alice.sendTransaction({ to: bob.address, value: 1n, nonce: nonce - 1 }), (e) => {
      assert.ok(isError(e, 'NONCE_EXPIRED'), `${e.code}: ${e.message}`);
      return true;
    });
  });

  test('refuses an unaffordable transaction with INSUFFICIENT_FUNDS', async () => {
    const poor = Wallet.createRandom(provider);
    await assert.rejects(
      poor.sendTransaction({ to: bob.address, value: 1n, gasLimit: 21000, maxFeePerGas: parseUnits('2', 'gwei'), maxPriorityFeePerGas: 1n }),
      (e) => {
        assert.ok(isError(e, 'INSUFFICIENT_FUNDS'), `${e.code}: ${e.message}`);
        return true;
      },
    );
    // estimateGas of a value transfer larger than the balance fails as well
    await assert.rejects(provider.estimateGas({ from: bob.address, to: alice.address, value: parseEther('100000000') }), (e) => {
      assert.ok(isError(e, 'INSUFFICIENT_FUNDS') || isError(e, 'CALL_EXCEPTION') || isError(e, 'UNKNOWN_ERROR'), `${e.code}: ${e.message}`);
      assert.match(e.message, /insufficient funds/);
      return true;
    });
  });

  test('refuses a replacement without a fee bump with REPLACEMENT_UNDERPRICED or accepts it once mined', async () => {
    // Send two different transactions with the same nonce at once: the second must be refused
    // (or, if the first was already executed, refused as nonce too low).
    const nonce = await provider.getTransactionCount(bob.address, 'latest');
    const fees = { maxFeePerGas: parseUnits('3', 'gwei'), maxPriorityFeePerGas: parseUnits('1', 'gwei'), gasLimit: 21000 };
    const first = await bob.sendTransaction({ to: alice.address, value: 1n, nonce, ...fees });
    await assert.rejects(bob.sendTransaction({ to: alice.address, value: 2n, nonce, ...fees }), (e) => {
      assert.ok(
        isError(e, 'REPLACEMENT_UNDERPRICED') || isError(e, 'NONCE_EXPIRED'),
        `${e.code}: ${e.message}`,
      );
      return true;
    });
    await first.wait();
  });

  test('batches concurrent requests into one JSON-RPC batch', async () => {
    const batching = new JsonRpcProvider(HTTP_URL, Network.from(CHAIN_ID), { staticNetwork: true, batchMaxCount: 50, batchStallTime: 20 });
    try {
      const addresses = [alice.address, bob.address, await token.getAddress()];
      const results = await Promise.all([
        batching.getBlockNumber(),
        ...addresses.map((a) => batching.getBalance(a)),
        ...addresses.map((a) => batching.getTransactionCount(a)),
        batching.getCode(await token.getAddress()),
        batching.call({ to: await token.getAddress(), data: token.interface.encodeFunctionData('totalSupply') }),
        batching.send('eth_chainId', []),
      ]);
      assert.equal(typeof results[0], 'number');
      assert.equal(results[1], await provider.getBalance(alice.address));
      assert.equal(results.at(-1), '0x539');
      assert.equal(BigInt(results.at(-2)), parseUnits('1000000', 18));
      // a batch where one call fails still answers the others
      const tokenAsBatch = token.connect(new Wallet(devKey(1), batching));
      const [ok, bad] = await Promise.allSettled([
        tokenAsBatch.balanceOf(bob.address),
        tokenAsBatch.transfer.staticCall(alice.address, parseUnits('1000000000', 18)),
      ]);
      assert.equal(ok.status, 'fulfilled');
      assert.equal(bad.status, 'rejected');
      assert.equal(bad.reason.reason, 'Token: transfer amount exceeds balance');
    } finally {
      batching.destroy();
    }
  });
});
