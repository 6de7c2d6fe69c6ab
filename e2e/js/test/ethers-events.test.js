// ethers v6 events: queryFilter/getLogs with topics and ranges, contract.on over HTTP (which
// polls eth_newFilter/eth_getFilterChanges), raw filters, and WebSocketProvider subscriptions
// (newHeads for block events, logs for contract.on).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ContractFactory,
  JsonRpcProvider,
  NonceManager,
  WebSocketProvider,
  Wallet,
  encodeBytes32String,
  id,
  zeroPadValue,
  toBeHex,
  toQuantity,
} from 'ethers';
import { HTTP_URL, WS_URL, call, compileContracts, deferred, devKey, trackRequests, waitFor } from '../lib.js';

const artifacts = compileContracts();
let provider, ws, drainWs, wallet, emitter, emitterAddress, token, tokenAddress;
const PING = id('Ping(uint256,uint256,address,bytes32)');
const COUNTED = id('Counted(uint256,uint256)');

before(async () => {
  // No request cache: ethers shares identical requests made within 250 ms, so a send right after a
  // receipt that came quickly would reuse the pending nonce asked for the one before it.
  provider = new JsonRpcProvider(HTTP_URL, undefined, { pollingInterval: 200, cacheTimeout: -1 });
  ws = new WebSocketProvider(WS_URL);
  drainWs = trackRequests(ws);
  wallet = new Wallet(devKey(2), provider);
  // Back to back through a NonceManager: ethers caches identical requests for 250 ms, so without
  // it two sends in a row would be given the same pending nonce whatever the node says.
  const sender = new NonceManager(wallet);
  emitter = await new ContractFactory(artifacts.LogEmitter.abi, artifacts.LogEmitter.bytecode, sender).deploy();
  token = await new ContractFactory(artifacts.Token.abi, artifacts.Token.bytecode, sender).deploy('Events', 'EV', 10n ** 24n);
  await Promise.all([emitter.waitForDeployment(), token.waitForDeployment()]);
  emitter = emitter.connect(wallet);
  token = token.connect(wallet);
  emitterAddress = await emitter.getAddress();
  tokenAddress = await token.getAddress();
});

after(async () => {
  // let the eth_unsubscribe calls ethers sent for removed listeners finish first
  await drainWs();
  await ws.destroy();
  provider.destroy();
});

describe('ethers: log queries', () => {
  let first, second, firstTag, secondTag;

  before(async () => {
    firstTag = encodeBytes32String('first');
    secondTag = encodeBytes32String('second');
    first = await (await emitter.emitMany(40, firstTag)).wait();
    second = await (await emitter.emitMany(25, secondTag)).wait();
  });

  test('receipts carry every log with its position', () => {
    assert.equal(first.logs.length, 42); // 40 Ping + Plain + Counted
    first.logs.forEach((log, i) => {
      assert.equal(log.index, first.logs[0].index + i);
      assert.equal(log.blockNumber, first.blockNumber);
      assert.equal(log.blockHash, first.blockHash);
      assert.equal(log.transactionHash, first.hash);
      assert.equal(log.address, emitterAddress);
    });
    const anonymous = first.logs[40];
    assert.equal(anonymous.topics.length, 0);
    assert.equal(BigInt(anonymous.data), 40n);
  });

  test('queryFilter by event and indexed argument over a block range', async () => {
    const all = await emitter.queryFilter(emitter.filters.Ping(), first.blockNumber, second.blockNumber);
    assert.equal(all.length, 65);
    assert.equal(all[0].args.round, 1n);
    assert.equal(all[0].args.index, 0n);
    assert.equal(all[0].args.sender, wallet.address);
    assert.equal(all[0].args.tag, firstTag);
    assert.equal(all[64].args.round, 2n);
    assert.equal(all[64].args.index, 24n);

    const roundTwo = await emitter.queryFilter(emitter.filters.Ping(2n), first.blockNumber, 'latest');
    assert.equal(roundTwo.length, 25);
    assert.ok(roundTwo.every((e) => e.args.tag === secondTag));

    // OR within a topic position, null as a wildcard
    const indexFive = await emitter.queryFilter(emitter.filters.Ping(null, 5n), first.blockNumber, second.blockNumber);
    assert.deepEqual(indexFive.map((e) => e.args.round), [1n, 2n]);

    // a range that holds only the first transaction's block
    if (first.blockNumber !== second.blockNumber) {
      const onlyFirst = await emitter.queryFilter(emitter.filters.Ping(), first.blockNumber, first.blockNumber);
      assert.equal(onlyFirst.length, 40);
    }
    // blockHash instead of a range (ethers' queryFilter takes only numbers and tags)
    const byHash = await provider.getLogs({ address: emitterAddress, topics: [COUNTED], blockHash: first.blockHash });
    assert.ok(byHash.some((l) => l.transactionHash === first.hash));
    assert.ok(byHash.every((l) => l.blockHash === first.blockHash));
  });

  test('getLogs with topic arrays, several addresses and an empty result', async () => {
    const logs = await provider.getLogs({
      address: [emitterAddress, tokenAddress],
      topics: [[PING, COUNTED], null, zeroPadValue(toBeHex(3), 32)],
      fromBlock: first.blockNumber,
      toBlock: second.blockNumber,
    });
    // Ping with index 3 (rounds 1 and 2); Counted has no second indexed topic
    assert.equal(logs.length, 2);
    assert.ok(logs.every((l) => l.topics[0] === PING));
    const none = await provider.getLogs({ address: emitterAddress, topics: [id('Nope()')], fromBlock: 0 });
    assert.deepEqual(none, []);
    const raw = await call('eth_getLogs', [{ address: emitterAddress, fromBlock: toQuantity(first.blockNumber), toBlock: toQuantity(second.blockNumber) }]);
    assert.equal(raw.length, 42 + 27);
    for (const field of ['address', 'topics', 'data', 'blockNumber', 'blockHash', 'transactionHash', 'transactionIndex', 'logIndex', 'removed']) {
      assert.ok(field in raw[0], `log has ${field}`);
    }
    assert.equal(raw[0].removed, false);
  });

  test('LOG0 to LOG4 keep their topics', async () => {
    const words = ['a', 'b', 'c', 'd'].map((s) => encodeBytes32String(s));
    const r = await (await emitter.emitRaw(...words)).wait();
    assert.deepEqual(r.logs.map((l) => l.topics.length), [0, 1, 2, 3, 4]);
    assert.deepEqual([...r.logs[4].topics], words);
    const viaFilter = await provider.getLogs({ address: emitterAddress, topics: [words[0], null, null, words[3]], blockHash: r.blockHash });
    assert.equal(viaFilter.length, 1);
    assert.equal(viaFilter[0].index, r.logs[4].index);
  });

  test('an invalid range or filter is refused with an error', async () => {
    const head = await provider.getBlockNumber();
    // geth's words; geth says -32000, this node -32602 (bad parameters)
    await assert.rejects(call('eth_getLogs', [{ fromBlock: toQuantity(head), toBlock: toQuantity(Math.max(0, head - 1)) }]), (e) => {
      assert.ok(e.code === -32602 || e.code === -32000, e.message);
      assert.match(e.rpcMessage, /invalid block range/);
      return true;
    });
    await assert.rejects(call('eth_getLogs', [{ blockHash: first.blockHash, fromBlock: '0x0' }]), (e) => {
      assert.equal(e.code, -32602);
      return true;
    });
  });
});

describe('ethers: filters over HTTP', () => {
  test('eth_newFilter + eth_getFilterChanges return each log once', async () => {
    const filterId = await call('eth_newFilter', [{ address: emitterAddress, topics: [COUNTED] }]);
    assert.match(filterId, /^0x[0-9a-f]+$/);
    const r = await (await emitter.emitMany(3, encodeBytes32String('filter'))).wait();
    const changes = await waitFor('the filter to see the Counted log', async () => {
      const c = await call('eth_getFilterChanges', [filterId]);
      return c.length > 0 ? c : undefined;
    });
    assert.equal(changes.length, 1);
    assert.equal(changes[0].transactionHash, r.hash);
    assert.equal(changes[0].blockHash, r.blockHash);
    assert.deepEqual(await call('eth_getFilterChanges', [filterId]), []);
    const logs = await call('eth_getFilterLogs', [filterId]);
    assert.ok(logs.some((l) => l.transactionHash === r.hash));
    assert.equal(await call('eth_uninstallFilter', [filterId]), true);
    assert.equal(await call('eth_uninstallFilter', [filterId]), false);
    await assert.rejects(call('eth_getFilterChanges', [filterId]), (e) => {
      assert.equal(e.code, -32000);
      assert.match(e.rpcMessage, /filter not found/);
      return true;
    });
  });

  test('eth_newBlockFilter returns new block hashes', async () => {
    const filterId = await call('eth_newBlockFilter', []);
    const hashes = await waitFor('a new block hash', async () => {
      const c = await call('eth_getFilterChanges', [filterId]);
      return c.length > 0 ? c : undefined;
    });
    const block = await provider.getBlock(hashes[0]);
    assert.equal(block.hash, hashes[0]);
    await call('eth_uninstallFilter', [filterId]);
  });

  test('contract.on over HTTP delivers events', async () => {
    const polling = new JsonRpcProvider(HTTP_URL, undefined, { pollingInterval: 200 });
    const drain = trackRequests(polling);
    try {
      const watched = emitter.connect(polling);
      const got = deferred('Counted over HTTP polling');
      await watched.on('Counted', (round, total, event) => got.resolve({ round, total, event }));
      // ethers installs its filter asynchronously; send once it is listening.
      await waitFor('the listener', async () => (await watched.listenerCount('Counted')) > 0);
      const tx = await emitter.emitMany(2, encodeBytes32String('on-http'));
      const { total, event } = await got.promise;
      assert.equal(total, 2n);
      assert.equal(event.log.transactionHash, tx.hash);
      await watched.removeAllListeners();
    } finally {
      await polling.removeAllListeners();
      await drain();
      polling.destroy();
    }
  });

  test('provider.on("block") over HTTP counts up', async () => {
    const polling = new JsonRpcProvider(HTTP_URL, undefined, { pollingInterval: 200 });
    const drain = trackRequests(polling);
    try {
      const seen = [];
      const two = deferred('two block events over HTTP');
      await polling.on('block', (n) => {
        seen.push(n);
        if (seen.length === 2) two.resolve();
      });
      await two.promise;
      assert.ok(seen[1] > seen[0]);
    } finally {
      await polling.removeAllListeners();
      await drain();
      polling.destroy();
    }
  });
});

describe('ethers: WebSocket subscriptions', () => {
  test('block events arrive in order with their headers', async () => {
    const seen = [];
    const three = deferred('three block events over WebSocket');
    await ws.on('block', (n) => {
      seen.push(n);
      if (seen.length === 3) three.resolve();
    });
    await three.promise;
    await ws.off('block');
    assert.deepEqual(seen, [seen[0], seen[0] + 1, seen[0] + 2]);
    const block = await ws.getBlock(seen[2]);
    assert.equal(block.number, seen[2]);
  });

  test('contract.on over WebSocket delivers Transfer events with decoded args', async () => {
    const watched = token.connect(ws);
    const to = Wallet.createRandom().address;
    const got = deferred('Transfer over WebSocket');
    // With an argument filter ethers hands the listener only the payload (args are on it).
    await watched.on(token.filters.Transfer(wallet.address, to), (event) =>
      got.resolve({ from: event.args[0], toArg: event.args[1], value: event.args[2], event }),
    );
    const tx = await token.transfer(to, 1234n);
    const { from, toArg, value, event } = await got.promise;
    assert.equal(from, wallet.address);
    assert.equal(toArg, to);
    assert.equal(value, 1234n);
    assert.equal(event.log.transactionHash, tx.hash);
    assert.ok(event.log.blockHash, 'a sealed log has its block hash');
    await watched.removeAllListeners();
  });

  test('raw eth_subscribe logs and newHeads payloads', async () => {
    const heads = [];
    const logs = [];
    const headSeen = deferred('a newHeads notification');
    const logSeen = deferred('a logs notification');
    const headSub = await ws.send('eth_subscribe', ['newHeads']);
    const logSub = await ws.send('eth_subscribe', ['logs', { address: emitterAddress, topics: [COUNTED] }]);
    assert.match(headSub, /^0x[0-9a-f]+$/);
    assert.notEqual(headSub, logSub);
    const socket = ws.websocket;
    const onMessage = (m) => {
      const msg = JSON.parse(typeof m === 'string' ? m : m.data);
      if (msg.method !== 'eth_subscription') return;
      if (msg.params.subscription === headSub) {
        heads.push(msg.params.result);
        headSeen.resolve();
      } else if (msg.params.subscription === logSub) {
        logs.push(msg.params.result);
        logSeen.resolve();
      }
    };
    socket.addEventListener('message', onMessage);
    try {
      const r = await (await emitter.emitMany(1, encodeBytes32String('raw-sub'))).wait();
      await Promise.all([headSeen.promise, logSeen.promise]);
      const head = heads[0];
      for (const field of ['number', 'hash', 'parentHash', 'stateRoot', 'timestamp', 'baseFeePerGas', 'logsBloom', 'gasLimit', 'gasUsed', 'miner']) {
        assert.ok(field in head, `newHeads has ${field}`);
      }
      assert.equal(logs[0].transactionHash, r.hash);
      assert.equal(logs[0].topics[0], COUNTED);
      assert.equal(await ws.send('eth_unsubscribe', [headSub]), true);
      assert.equal(await ws.send('eth_unsubscribe', [logSub]), true);
      // geth answers an id it no longer has with an error, not false
      await assert.rejects(ws.send('eth_unsubscribe', [logSub]), /subscription not found/);
    } finally {
      socket.removeEventListener('message', onMessage);
    }
  });

  test('eth_subscribe over HTTP is refused', async () => {
    await assert.rejects(call('eth_subscribe', ['newHeads']), (e) => {
      assert.equal(e.code, -32001);
      return true;
    });
  });

  test('pending transaction hashes over WebSocket', async () => {
    const seen = new Set();
    let target;
    const got = deferred('our transaction in newPendingTransactions');
    await ws.on('pending', (hash) => {
      seen.add(hash);
      if (target && seen.has(target)) got.resolve();
    });
    // ethers subscribes asynchronously: send until the subscription is live and sees ours.
    const sub = await waitFor('the pending subscription', async () => {
      const tx = await wallet.sendTransaction({ to: wallet.address, value: 1n });
      target = tx.hash;
      if (seen.has(target)) got.resolve();
      await tx.wait();
      return seen.has(target) ? tx : undefined;
    }, { timeoutMs: 20_000, intervalMs: 0 });
    await got.promise;
    assert.ok(seen.has(sub.hash));
    await ws.off('pending');
  });

  test('a batch over WebSocket is answered as one array', async () => {
    const socket = ws.websocket;
    const answer = deferred('the WebSocket batch answer');
    const onMessage = (m) => {
      const msg = JSON.parse(typeof m === 'string' ? m : m.data);
      if (Array.isArray(msg)) answer.resolve(msg);
    };
    socket.addEventListener('message', onMessage);
    try {
      socket.send(JSON.stringify([
        { jsonrpc: '2.0', id: 9001, method: 'eth_chainId', params: [] },
        { jsonrpc: '2.0', id: 9002, method: 'eth_getBalance', params: [wallet.address, 'latest'] },
        { jsonrpc: '2.0', id: 9003, method: 'eth_nope', params: [] },
      ]));
      const replies = await answer.promise;
      const byId = Object.fromEntries(replies.map((r) => [r.id, r]));
      assert.equal(byId[9001].result, '0x539');
      assert.match(byId[9002].result, /^0x[0-9a-f]+$/);
      assert.equal(byId[9003].error.code, -32601);
    } finally {
      socket.removeEventListener('message', onMessage);
    }
  });
});
