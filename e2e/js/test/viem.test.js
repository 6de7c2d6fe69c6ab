// viem v2: deployContract, writeContract with receipts, reads, simulateContract and estimateGas
// with decoded custom errors and reason strings, getLogs/getContractEvents, watchBlocks and
// watchContractEvent over WebSocket and HTTP polling, a batching HTTP transport, fees and proofs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BaseError,
  ContractFunctionRevertedError,
  InsufficientFundsError,
  NonceTooLowError,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  parseAbiItem,
  parseEther,
  parseGwei,
  webSocket,
  keccak256,
  fromRlp,
  hexToBigInt,
  numberToHex,
  encodeFunctionData,
} from 'viem';
import { privateKeyToAccount, generatePrivateKey } from 'viem/accounts';
import { CHAIN_ID, HTTP_URL, WS_URL, compileContracts, deferred, devKey, rawRpc } from '../lib.js';

const artifacts = compileContracts();
const chain = defineChain({
  id: CHAIN_ID,
  name: 'megaeth-dev',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [HTTP_URL], webSocket: [WS_URL] } },
});
const account = privateKeyToAccount(devKey(4));
const other = privateKeyToAccount(devKey(5));
const publicClient = createPublicClient({ chain, transport: http(HTTP_URL), pollingInterval: 200 });
const wallet = createWalletClient({ account, chain, transport: http(HTTP_URL), pollingInterval: 200 });
const otherWallet = createWalletClient({ account: other, chain, transport: http(HTTP_URL) });
const wsTransport = webSocket(WS_URL);
const wsClient = createPublicClient({ chain, transport: wsTransport });
let token;

function unwrap(e, type) {
  assert.ok(e instanceof BaseError, `a viem error, got ${e}`);
  const found = e.walk((x) => x instanceof type);
  assert.ok(found, `${type.name} inside ${e.name}: ${e.shortMessage}`);
  return found;
}

before(async () => {
  const hash = await wallet.deployContract({
    abi: artifacts.Token.abi,
    bytecode: artifacts.Token.bytecode,
    args: ['Viem Token', 'VT', parseEther('1000000')],
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  assert.equal(receipt.status, 'success');
  token = { address: receipt.contractAddress, abi: artifacts.Token.abi };
});

after(async () => {
  const rpc = await wsTransport({ chain }).value?.getRpcClient?.();
  rpc?.close?.();
});

describe('viem: contracts', () => {
  test('reads what deployContract wrote', async () => {
    const [name, supply, balance] = await Promise.all([
      publicClient.readContract({ ...token, functionName: 'name' }),
      publicClient.readContract({ ...token, functionName: 'totalSupply' }),
      publicClient.readContract({ ...token, functionName: 'balanceOf', args: [account.address] }),
    ]);
    assert.equal(name, 'Viem Token');
    assert.equal(supply, parseEther('1000000'));
    assert.equal(balance, supply);
    const code = await publicClient.getCode({ address: token.address });
    assert.ok(code.length > 100);
  });

  test('writeContract, receipt and decoded logs', async () => {
    const { request } = await publicClient.simulateContract({
      ...token,
      account,
      functionName: 'transfer',
      args: [other.address, 777n],
    });
    const hash = await wallet.writeContract(request);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    assert.equal(receipt.status, 'success');
    assert.equal(receipt.logs.length, 1);
    const events = await publicClient.getContractEvents({
      ...token,
      eventName: 'Transfer',
      args: { to: other.address },
      fromBlock: receipt.blockNumber,
      toBlock: receipt.blockNumber,
    });
    assert.equal(events.length, 1);
    assert.equal(events[0].args.value, 777n);
    assert.equal(events[0].args.from, account.address);
    const logs = await publicClient.getLogs({
      address: token.address,
      event: parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)'),
      args: { from: account.address },
      fromBlock: receipt.blockNumber,
      toBlock: 'latest',
    });
    assert.ok(logs.some((l) => l.transactionHash === hash));
    const tx = await publicClient.getTransaction({ hash });
    assert.equal(tx.blockHash, receipt.blockHash);
    assert.equal(tx.from, account.address.toLowerCase());
    assert.equal(tx.typeHex, '0x2');
  });

  test('two writes in a row without waiting in between', async () => {
    const a = await wallet.writeContract({ ...token, functionName: 'approve', args: [other.address, 5n] });
    const b = await wallet.writeContract({ ...token, functionName: 'transfer', args: [other.address, 6n] });
    const [ra, rb] = await Promise.all([
      publicClient.waitForTransactionReceipt({ hash: a }),
      publicClient.waitForTransactionReceipt({ hash: b }),
    ]);
    assert.equal(ra.status, 'success');
    assert.equal(rb.status, 'success');
    assert.equal(await publicClient.readContract({ ...token, functionName: 'allowance', args: [account.address, other.address] }), 5n);
  });

  test('simulateContract decodes a custom error', async () => {
    await assert.rejects(
      publicClient.simulateContract({ ...token, account: other, functionName: 'mint', args: [other.address, 1n] }),
      (e) => {
        const reverted = unwrap(e, ContractFunctionRevertedError);
        assert.equal(reverted.data?.errorName, 'NotOwner');
        assert.deepEqual(reverted.data.args, [other.address]);
        return true;
      },
    );
    await assert.rejects(
      publicClient.simulateContract({
        ...token,
        account: other,
        functionName: 'transferFrom',
        args: [account.address, other.address, 10n],
      }),
      (e) => {
        const reverted = unwrap(e, ContractFunctionRevertedError);
        assert.equal(reverted.data?.errorName, 'InsufficientAllowance');
        assert.deepEqual(reverted.data.args, [other.address, 5n, 10n]);
        return true;
      },
    );
  });

  test('readContract and estimateContractGas decode a reason string and a panic', async () => {
    await assert.rejects(
      publicClient.estimateContractGas({ ...token, account: other, functionName: 'transfer', args: [account.address, parseEther('1000000000')] }),
      (e) => {
        const reverted = unwrap(e, ContractFunctionRevertedError);
        assert.equal(reverted.reason, 'Token: transfer amount exceeds balance');
        return true;
      },
    );
    await assert.rejects(
      publicClient.estimateContractGas({ ...token, account: other, functionName: 'mint', args: [other.address, 1n] }),
      (e) => {
        const reverted = unwrap(e, ContractFunctionRevertedError);
        assert.equal(reverted.data?.errorName, 'NotOwner');
        return true;
      },
    );
    await assert.rejects(publicClient.readContract({ ...token, functionName: 'ratio', args: [1n, 0n] }), (e) => {
      const reverted = unwrap(e, ContractFunctionRevertedError);
      assert.equal(reverted.data?.errorName, 'Panic');
      assert.equal(reverted.data.args[0], 0x12n);
      return true;
    });
  });

  test('writeContract of a reverting call fails before sending', async () => {
    const nonce = await publicClient.getTransactionCount({ address: other.address });
    await assert.rejects(
      otherWallet.writeContract({ ...token, functionName: 'transfer', args: [account.address, parseEther('1000000000')] }),
      (e) => {
        const reverted = unwrap(e, ContractFunctionRevertedError);
        assert.equal(reverted.reason, 'Token: transfer amount exceeds balance');
        return true;
      },
    );
    assert.equal(await publicClient.getTransactionCount({ address: other.address }), nonce);
  });
});

describe('viem: transactions and errors', () => {
  test('sendTransaction moves ETH', async () => {
    const to = privateKeyToAccount(generatePrivateKey()).address;
    const hash = await wallet.sendTransaction({ to, value: parseEther('0.25') });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    assert.equal(receipt.status, 'success');
    assert.equal(receipt.gasUsed, 21000n);
    assert.equal(await publicClient.getBalance({ address: to }), parseEther('0.25'));
    const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber, includeTransactions: true });
    assert.ok(block.transactions.some((t) => t.hash === hash));
    assert.equal(block.hash, receipt.blockHash);
  });

  test('sendTransactionSync and writeContractSync (EIP-7966) return the preconfirmed receipt', async () => {
    const to = privateKeyToAccount(generatePrivateKey()).address;
    const receipt = await wallet.sendTransactionSync({ to, value: 3n });
    assert.equal(receipt.status, 'success');
    assert.equal(receipt.to, to.toLowerCase());
    assert.equal(receipt.gasUsed, 21000n);
    assert.equal(typeof receipt.blockNumber, 'bigint');
    // preconfirmed: the state shows it at once
    assert.equal(await publicClient.getBalance({ address: to }), 3n);
    const written = await wallet.writeContractSync({ ...token, functionName: 'transfer', args: [to, 9n] });
    assert.equal(written.status, 'success');
    assert.equal(written.logs.length, 1);
    assert.equal(await publicClient.readContract({ ...token, functionName: 'balanceOf', args: [to] }), 9n);
    const sealed = await publicClient.waitForTransactionReceipt({ hash: written.transactionHash });
    assert.equal(sealed.blockNumber, written.blockNumber);
    assert.equal(sealed.gasUsed, written.gasUsed);
    assert.equal(sealed.logs[0].logIndex, written.logs[0].logIndex);
  });

  test('a used nonce is a NonceTooLowError', async () => {
    const nonce = await publicClient.getTransactionCount({ address: account.address });
    await assert.rejects(wallet.sendTransaction({ to: other.address, value: 1n, nonce: nonce - 1 }), (e) => {
      unwrap(e, NonceTooLowError);
      return true;
    });
  });

  test('an unaffordable transaction is an InsufficientFundsError', async () => {
    const poor = createWalletClient({ account: privateKeyToAccount(generatePrivateKey()), chain, transport: http(HTTP_URL) });
    await assert.rejects(
      poor.sendTransaction({ to: other.address, value: parseEther('1'), gas: 21000n, maxFeePerGas: parseGwei('2'), maxPriorityFeePerGas: 1n }),
      (e) => {
        unwrap(e, InsufficientFundsError);
        return true;
      },
    );
  });

  test('fees: estimateFeesPerGas, gasPrice, feeHistory', async () => {
    const fees = await publicClient.estimateFeesPerGas();
    assert.ok(fees.maxFeePerGas > 0n);
    assert.ok(fees.maxPriorityFeePerGas >= 0n);
    assert.ok((await publicClient.getGasPrice()) > 0n);
    const history = await publicClient.getFeeHistory({ blockCount: 5, rewardPercentiles: [10, 50, 90] });
    assert.equal(history.baseFeePerGas.length, history.gasUsedRatio.length + 1);
    assert.equal(history.reward.length, history.gasUsedRatio.length);
    assert.ok(history.reward.every((r) => r.length === 3));
    assert.equal(typeof history.oldestBlock, 'bigint');
  });

  test('getProof verifies against the block state root', async () => {
    const blockNumber = await publicClient.getBlockNumber();
    const block = await publicClient.getBlock({ blockNumber });
    const slot = numberToHex(2, { size: 32 }); // totalSupply
    const proof = await publicClient.getProof({ address: token.address, storageKeys: [slot], blockNumber });
    const account = fromRlp(walkProof(block.stateRoot, keccak256(token.address), proof.accountProof));
    const quantity = (hex) => (hex === '0x' ? 0n : hexToBigInt(hex));
    assert.equal(quantity(account[0]), BigInt(proof.nonce));
    assert.equal(quantity(account[1]), proof.balance);
    assert.equal(account[2], proof.storageHash);
    assert.equal(account[3], proof.codeHash);
    assert.equal(account[3], keccak256(await publicClient.getCode({ address: token.address, blockNumber })));
    const stored = fromRlp(walkProof(proof.storageHash, keccak256(slot), proof.storageProof[0].proof));
    assert.equal(hexToBigInt(stored), parseEther('1000000'));
    assert.equal(proof.storageProof[0].value, parseEther('1000000'));
  });
});

describe('viem: batching and watching', () => {
  test('an HTTP transport with batch: true', async () => {
    const batched = createPublicClient({ chain, transport: http(HTTP_URL, { batch: { batchSize: 20, wait: 10 } }) });
    const [block, balance, code, supply, count] = await Promise.all([
      batched.getBlockNumber(),
      batched.getBalance({ address: account.address }),
      batched.getCode({ address: token.address }),
      batched.readContract({ ...token, functionName: 'totalSupply' }),
      batched.getTransactionCount({ address: account.address }),
    ]);
    assert.ok(block > 0n);
    assert.ok(balance > 0n);
    assert.ok(code.length > 2);
    assert.equal(supply, parseEther('1000000'));
    assert.ok(count > 0);
    // and a raw batch with a failing member keeps the others' results, matched by id
    const answers = await rawRpc([
      { jsonrpc: '2.0', id: 'a', method: 'eth_chainId', params: [] },
      { jsonrpc: '2.0', id: 'b', method: 'eth_nope', params: [] },
      { jsonrpc: '2.0', id: 'c', method: 'eth_call', params: [{ to: token.address, data: encodeFunctionData({ ...token, functionName: 'ratio', args: [1n, 0n] }) }, 'latest'] },
      { jsonrpc: '2.0', method: 'eth_chainId', params: [] },
    ]);
    assert.equal(answers.length, 3);
    const byId = Object.fromEntries(answers.map((a) => [a.id, a]));
    assert.equal(byId.a.result, '0x539');
    assert.equal(byId.b.error.code, -32601);
    assert.equal(byId.c.error.code, 3);
    assert.match(byId.c.error.data, /^0x4e487b71/);
  });

  test('watchBlocks over WebSocket and over HTTP polling', async () => {
    for (const client of [wsClient, publicClient]) {
      const blocks = [];
      const two = deferred('two blocks from watchBlocks');
      const unwatch = client.watchBlocks({
        onBlock: (b) => {
          blocks.push(b);
          if (blocks.length === 2) two.resolve();
        },
        onError: (e) => two.reject(e),
        pollingInterval: 200,
      });
      try {
        await two.promise;
      } finally {
        unwatch();
      }
      assert.equal(blocks[1].number, blocks[0].number + 1n);
      assert.equal(blocks[1].parentHash, blocks[0].hash);
    }
  });

  test('watchContractEvent over WebSocket and over HTTP polling', async () => {
    for (const [client, label] of [
      [wsClient, 'ws'],
      [publicClient, 'http'],
    ]) {
      const to = privateKeyToAccount(generatePrivateKey()).address;
      const seen = deferred(`Transfer from watchContractEvent over ${label}`);
      const unwatch = client.watchContractEvent({
        ...token,
        eventName: 'Transfer',
        args: { to },
        pollingInterval: 200,
        onLogs: (logs) => seen.resolve(logs),
        onError: (e) => seen.reject(e),
      });
      try {
        // viem sets up its filter or subscription asynchronously; keep sending until it sees one.
        let sent = 0;
        const hashes = [];
        const sender = (async () => {
          while (sent < 20) {
            hashes.push(await wallet.writeContract({ ...token, functionName: 'transfer', args: [to, 1n] }));
            sent++;
            const r = await Promise.race([seen.promise.then(() => 'seen'), new Promise((res) => setTimeout(res, 1500))]);
            if (r === 'seen') return;
          }
        })();
        const logs = await seen.promise;
        await sender;
        assert.equal(logs[0].args.to, to);
        assert.equal(logs[0].args.value, 1n);
        assert.ok(hashes.includes(logs[0].transactionHash));
      } finally {
        unwatch();
      }
    }
  });
});

describe('viem: filters', () => {
  test('createContractEventFilter and getFilterChanges', async () => {
    const filter = await publicClient.createContractEventFilter({ ...token, eventName: 'Transfer', args: { from: account.address } });
    const hash = await wallet.writeContract({ ...token, functionName: 'transfer', args: [other.address, 42n] });
    await publicClient.waitForTransactionReceipt({ hash });
    const logs = await waitForChanges(() => publicClient.getFilterChanges({ filter }));
    assert.equal(logs.length, 1);
    assert.equal(logs[0].eventName, 'Transfer');
    assert.equal(logs[0].args.value, 42n);
    assert.equal(logs[0].transactionHash, hash);
    const all = await publicClient.getFilterLogs({ filter });
    assert.ok(all.some((l) => l.transactionHash === hash));
    assert.equal(await publicClient.uninstallFilter({ filter }), true);
  });

  test('createBlockFilter and createPendingTransactionFilter', async () => {
    const blocks = await publicClient.createBlockFilter();
    const pending = await publicClient.createPendingTransactionFilter();
    const hash = await wallet.sendTransaction({ to: other.address, value: 1n });
    const hashes = await waitForChanges(() => publicClient.getFilterChanges({ filter: pending }), (c) => c.includes(hash));
    assert.ok(hashes.includes(hash));
    await publicClient.waitForTransactionReceipt({ hash });
    const newBlocks = await waitForChanges(() => publicClient.getFilterChanges({ filter: blocks }));
    assert.match(newBlocks[0], /^0x[0-9a-f]{64}$/);
    await publicClient.uninstallFilter({ filter: blocks });
    await publicClient.uninstallFilter({ filter: pending });
  });
});

/** Polls a filter until it reports changes that satisfy accept, gathering them across polls. */
async function waitForChanges(poll, accept = (c) => c.length > 0, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  const gathered = [];
  for (;;) {
    gathered.push(...(await poll()));
    if (accept(gathered)) return gathered;
    if (Date.now() > deadline) throw new Error(`no filter changes within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Follows a Merkle-Patricia proof from root along key (a 32-byte hash) and returns the leaf's value:
 * every node must hash to what its parent names, and the path must be consumed exactly.
 */
function walkProof(root, key, nodes) {
  const path = key.slice(2);
  let at = 0;
  let expected = root;
  for (const node of nodes) {
    assert.equal(keccak256(node), expected, `proof node at nibble ${at} hashes to its parent's reference`);
    const items = fromRlp(node);
    if (items.length === 17) {
      expected = items[parseInt(path[at], 16)];
      at += 1;
      continue;
    }
    // extension or leaf: hex-prefix encoded path (EIP yellow paper appendix C)
    const encoded = items[0].slice(2);
    const flag = parseInt(encoded[0], 16);
    const nibbles = encoded.slice(flag % 2 === 1 ? 1 : 2);
    assert.equal(path.slice(at, at + nibbles.length), nibbles, 'the node path matches the key');
    at += nibbles.length;
    if (flag >= 2) {
      assert.equal(at, 64, 'the leaf ends the key');
      return items[1];
    }
    expected = items[1];
  }
  throw new Error('the proof ended without a leaf');
}
