// MegaETH's realtime API over raw JSON-RPC: eth_sendRawTransactionSync and
// realtime_sendRawTransaction return the preconfirmed receipt (no blockHash), which then becomes
// the sealed receipt; the miniBlocks subscription; JSON-RPC error classes seen on the wire.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { ContractFactory, JsonRpcProvider, Wallet, parseEther, Transaction } from 'ethers';
import { CHAIN_ID, HTTP_URL, WS_URL, call, compileContracts, deferred, devKey, rawRpc, waitFor } from '../lib.js';

const artifacts = compileContracts();
let provider, wallet, nonce;

before(async () => {
  // No request cache: ethers shares identical requests made within 250 ms, so a send right after a
  // receipt that came quickly would reuse the pending nonce asked for the one before it.
  provider = new JsonRpcProvider(HTTP_URL, undefined, { pollingInterval: 200, cacheTimeout: -1 });
  wallet = new Wallet(devKey(8), provider);
  nonce = await provider.getTransactionCount(wallet.address, 'pending');
});

after(() => provider.destroy());

async function signTransfer(to, value, extra = {}) {
  const fees = await provider.getFeeData();
  return wallet.signTransaction({
    type: 2,
    chainId: CHAIN_ID,
    nonce: nonce++,
    to,
    value,
    gasLimit: 21000,
    maxFeePerGas: fees.maxFeePerGas,
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    ...extra,
  });
}

/** A raw WebSocket JSON-RPC client: requests by id, notifications by subscription id. */
class RawSocket {
  static async open(url) {
    const s = new RawSocket(new WebSocket(url));
    await new Promise((resolve, reject) => {
      s.ws.once('open', resolve);
      s.ws.once('error', reject);
    });
    return s;
  }

  constructor(ws) {
    this.ws = ws;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Map();
    this.order = [];
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.method === 'eth_subscription') {
        this.order.push(`note:${msg.params.subscription}`);
        this.listeners.get(msg.params.subscription)?.(msg.params.result);
      } else {
        this.order.push(`resp:${msg.id}`);
        this.pending.get(msg.id)?.(msg);
        this.pending.delete(msg.id);
      }
    });
  }

  request(method, params = []) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  close() {
    this.ws.close();
  }
}

describe('realtime: synchronous sends', () => {
  for (const method of ['eth_sendRawTransactionSync', 'realtime_sendRawTransaction']) {
    test(`${method} returns the preconfirmed receipt, then the sealed one`, async () => {
      const to = Wallet.createRandom().address;
      const raw = await signTransfer(to, parseEther('0.01'));
      const hash = Transaction.from(raw).hash;
      const receipt = await call(method, [raw]);
      assert.equal(receipt.transactionHash, hash);
      assert.equal(receipt.status, '0x1');
      assert.equal(receipt.gasUsed, '0x5208');
      assert.equal(receipt.from, wallet.address.toLowerCase());
      assert.equal(receipt.to, to.toLowerCase());
      assert.equal(receipt.type, '0x2');
      assert.match(receipt.blockNumber, /^0x[0-9a-f]+$/);
      assert.ok(receipt.blockHash === undefined || receipt.blockHash === null || /^0x[0-9a-f]{64}$/.test(receipt.blockHash));
      // The state already shows it, before the block is sealed.
      assert.equal(await provider.getBalance(to), parseEther('0.01'));
      const sealed = await waitFor('the sealed receipt', () => provider.getTransactionReceipt(hash));
      assert.equal(sealed.blockNumber, Number(receipt.blockNumber));
      assert.equal(sealed.gasUsed, 21000n);
      assert.match(sealed.blockHash, /^0x[0-9a-f]{64}$/);
    });
  }

  test('a timeout in milliseconds is accepted; an error from the pool comes back at once', async () => {
    const raw = await signTransfer(Wallet.createRandom().address, 1n);
    const receipt = await call('eth_sendRawTransactionSync', [raw, 5000]);
    assert.equal(receipt.status, '0x1');
    // The same transaction again: the pool knows it (or it is already executed: nonce too low).
    await assert.rejects(call('eth_sendRawTransactionSync', [raw]), (e) => {
      assert.equal(e.code, -32000);
      assert.match(e.rpcMessage, /already known|nonce too low/);
      return true;
    });
  });

  test('a sync send whose nonce leaves a gap times out with EIP-7966 code 4 and the hash', async () => {
    const fees = await provider.getFeeData();
    const raw = await wallet.signTransaction({
      type: 2,
      chainId: CHAIN_ID,
      nonce: nonce + 1000,
      to: wallet.address,
      value: 1n,
      gasLimit: 21000,
      maxFeePerGas: fees.maxFeePerGas,
      maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    });
    try {
      await call('eth_sendRawTransactionSync', [raw, 300]);
      assert.fail('a transaction with a nonce gap cannot execute');
    } catch (e) {
      if (e.code === -32000) {
        // a node may refuse a far-future nonce outright, as geth does beyond its queue limit
        assert.match(e.rpcMessage, /nonce too high|gapped/);
      } else {
        assert.equal(e.code, 4, e.message);
        assert.equal(e.data, Transaction.from(raw).hash);
        assert.match(e.rpcMessage, /300ms/);
      }
    }
  });
});

describe('realtime: subscriptions', () => {
  let socket;
  before(async () => {
    socket = await RawSocket.open(WS_URL);
  });
  after(() => socket.close());

  test('miniBlocks carry the transaction and its preconfirmed receipt before the block is sealed', async () => {
    const sub = await socket.request('eth_subscribe', ['miniBlocks']);
    assert.ok(sub.result, JSON.stringify(sub.error));
    const mini = [];
    const withOurs = deferred('a mini-block with our transaction');
    const to = Wallet.createRandom().address;
    const raw = await signTransfer(to, 5n);
    const hash = Transaction.from(raw).hash;
    socket.listeners.set(sub.result, (m) => {
      mini.push(m);
      if (m.transactions.some((t) => (typeof t === 'string' ? t : t.hash) === hash)) withOurs.resolve(m);
    });
    await call('eth_sendRawTransaction', [raw]);
    const m = await withOurs.promise;
    for (const field of ['sequenceNumber', 'blockNumber', 'index', 'timestamp', 'transactions', 'receipts']) {
      assert.ok(field in m, `miniBlock has ${field}`);
    }
    const i = m.transactions.findIndex((t) => t.hash === hash);
    const tx = m.transactions[i];
    assert.equal(tx.from, wallet.address.toLowerCase());
    assert.equal(tx.to, to.toLowerCase());
    assert.equal(tx.value, '0x5');
    const receipt = m.receipts[i];
    assert.equal(receipt.transactionHash, hash);
    assert.equal(receipt.status, '0x1');
    assert.ok(!receipt.blockHash, 'a preconfirmed receipt has no block hash');
    // Sequence numbers increase by one from mini-block to mini-block.
    for (let k = 1; k < mini.length; k++) {
      assert.equal(BigInt(mini[k].sequenceNumber), BigInt(mini[k - 1].sequenceNumber) + 1n);
    }
    // The block it names is not sealed yet when the mini-block arrives, or is the newest one.
    const sealed = await waitFor('the sealed receipt', () => provider.getTransactionReceipt(hash));
    assert.equal(BigInt(sealed.blockNumber), BigInt(m.blockNumber));
    const unsub = await socket.request('eth_unsubscribe', [sub.result]);
    assert.equal(unsub.result, true);
  });

  test('a subscription answers before its first notification', async () => {
    const sub = await socket.request('eth_subscribe', ['newHeads']);
    const first = deferred('a newHeads notification');
    socket.listeners.set(sub.result, first.resolve);
    await first.promise;
    const respAt = socket.order.indexOf(`resp:${socket.nextId - 1}`);
    const noteAt = socket.order.indexOf(`note:${sub.result}`);
    assert.ok(respAt >= 0 && respAt < noteAt);
    await socket.request('eth_unsubscribe', [sub.result]);
  });

  test('pending logs over the logs subscription with fromBlock pending', async () => {
    const emitter = await deployEmitter();
    const sub = await socket.request('eth_subscribe', ['logs', { address: emitter.address, fromBlock: 'pending' }]);
    assert.ok(sub.result, JSON.stringify(sub.error));
    const got = deferred('a pending log');
    socket.listeners.set(sub.result, got.resolve);
    const data = emitter.iface.encodeFunctionData('emitMany', [1, '0x' + '11'.repeat(32)]);
    const fees = await provider.getFeeData();
    const raw = await wallet.signTransaction({
      type: 2, chainId: CHAIN_ID, nonce: nonce++, to: emitter.address, data, gasLimit: 200_000,
      maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    });
    await call('eth_sendRawTransaction', [raw]);
    const log = await got.promise;
    assert.equal(log.address, emitter.address.toLowerCase());
    assert.equal(log.transactionHash, Transaction.from(raw).hash);
    await socket.request('eth_unsubscribe', [sub.result]);
  });
});

async function deployEmitter() {
  const c = await new ContractFactory(artifacts.LogEmitter.abi, artifacts.LogEmitter.bytecode, wallet).deploy({ nonce: nonce++ });
  await c.waitForDeployment();
  return { address: await c.getAddress(), iface: c.interface };
}

describe('JSON-RPC error classes on the wire', () => {
  test('parse error, invalid request, unknown method, bad params', async () => {
    const res = await fetch(HTTP_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0",' });
    const parse = await res.json();
    assert.equal(parse.error.code, -32700);
    assert.equal(parse.id, null);
    assert.equal((await rawRpc({ jsonrpc: '1.0', id: 1, method: 'eth_chainId' })).error.code, -32600);
    assert.equal((await rawRpc([])).error.code, -32600);
    const unknown = await rawRpc({ jsonrpc: '2.0', id: 1, method: 'eth_doesNotExist', params: [] });
    assert.equal(unknown.error.code, -32601);
    assert.match(unknown.error.message, /does not exist/);
    const bad = await rawRpc({ jsonrpc: '2.0', id: 1, method: 'eth_getBalance', params: ['0x1234'] });
    assert.equal(bad.error.code, -32602);
    const missing = await rawRpc({ jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: [] });
    assert.equal(missing.error.code, -32602);
  });

  test('a batch over the limit and malformed requests, answered as geth answers them', async () => {
    // geth: a batch holding one error, with the id of the batch's first call
    const batch = [{ jsonrpc: '2.0', method: 'eth_chainId' }];
    for (let i = 0; i < 1000; i++) batch.push({ jsonrpc: '2.0', id: `call-${i}`, method: 'eth_chainId', params: [] });
    const tooLarge = await rawRpc(batch);
    assert.ok(Array.isArray(tooLarge), JSON.stringify(tooLarge));
    assert.equal(tooLarge.length, 1);
    assert.deepEqual(tooLarge[0], { jsonrpc: '2.0', id: 'call-0', error: { code: -32600, message: 'batch too large' } });
    for (const bad of [{ jsonrpc: '1.0', id: 7, method: 'eth_chainId' }, { jsonrpc: '2.0', id: 7 }, { jsonrpc: '2.0', id: 7, method: '' }]) {
      assert.deepEqual(await rawRpc(bad), { jsonrpc: '2.0', id: 7, error: { code: -32600, message: 'invalid request' } });
    }
    const named = await rawRpc({ jsonrpc: '2.0', id: 8, method: 'eth_getBalance', params: { address: wallet.address } });
    assert.deepEqual(named.error, { code: -32602, message: 'non-array args' });
    // eth_call with too little gas: geth's state-transition words
    await assert.rejects(call('eth_call', [{ from: wallet.address, to: wallet.address, gas: '0x4e20' }, 'latest']), (e) => {
      assert.equal(e.code, -32000);
      assert.equal(e.rpcMessage, 'err: intrinsic gas too low: have 20000, want 21000 (supplied gas 20000)');
      return true;
    });
  });

  test('transaction refusals in geth words', async () => {
    const fees = await provider.getFeeData();
    const base = { type: 2, chainId: CHAIN_ID, to: wallet.address, value: 1n, maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas };
    const cases = [
      [{ ...base, nonce: 0, gasLimit: 21000 }, /^nonce too low/],
      [{ ...base, nonce, gasLimit: 20000 }, /^intrinsic gas too low/],
      [{ ...base, nonce, gasLimit: 100_000_000_000 }, /exceeds block gas limit/],
      [{ ...base, nonce, gasLimit: 21000, chainId: 1 }, /chain id|chainid|invalid sender/i],
      [{ ...base, nonce, gasLimit: 21000, value: parseEther('100000000') }, /^insufficient funds for gas \* price \+ value/],
    ];
    for (const [tx, pattern] of cases) {
      const raw = await wallet.signTransaction(tx);
      await assert.rejects(call('eth_sendRawTransaction', [raw]), (e) => {
        assert.equal(e.code, -32000, e.message);
        assert.match(e.rpcMessage, pattern);
        return true;
      });
    }
    // garbage bytes
    await assert.rejects(call('eth_sendRawTransaction', ['0x01']), (e) => {
      assert.ok(e.code === -32000 || e.code === -32602, e.message);
      return true;
    });
  });

  test('an unknown block and an execution error', async () => {
    assert.equal(await call('eth_getBlockByNumber', ['0xffffffff', false]), null);
    await assert.rejects(call('eth_getBalance', [wallet.address, '0xffffffff']), (e) => {
      assert.equal(e.code, -32000);
      assert.match(e.rpcMessage, /header not found/);
      return true;
    });
    // a call that runs out of gas
    const loop = '0x5b600056'; // JUMPDEST PUSH1 0 JUMP
    await assert.rejects(call('eth_call', [{ data: '0x600480600b6000396000f3' + loop.slice(2), gas: '0x10000' }, 'latest']).then(async () => {
      // deployed by call? no: call the loop as code through a state override
      return call('eth_call', [{ to: '0x00000000000000000000000000000000000000aa', gas: '0x10000' }, 'latest', { '0x00000000000000000000000000000000000000aa': { code: loop } }]);
    }), (e) => {
      assert.equal(e.code, -32000);
      assert.match(e.rpcMessage, /out of gas/);
      return true;
    });
    assert.equal(await call('eth_getTransactionReceipt', ['0x' + '00'.repeat(32)]), null);
    assert.equal(await call('eth_getTransactionByHash', ['0x' + '00'.repeat(32)]), null);
  });
});
