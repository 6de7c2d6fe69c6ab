// Shared helpers for the end-to-end tests: where the node is, the dev accounts, the contracts
// compiled from contracts/*.sol with solc-js, and waiting for a condition without racing.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';
import { HDNodeWallet } from 'ethers';

export const HTTP_URL = process.env.MEGAETH_HTTP_URL ?? 'http://127.0.0.1:8545';
export const WS_URL = process.env.MEGAETH_WS_URL ?? HTTP_URL.replace(/^http/, 'ws');
export const CHAIN_ID = 1337;
export const MNEMONIC = 'test test test test test test test test test test test junk';

const ROOT = dirname(fileURLToPath(import.meta.url));
const CONTRACTS = join(ROOT, 'contracts');

/**
 * The private key of dev account i (the standard mnemonic's m/44'/60'/0'/0/i), derived here rather
 * than copied so the test also checks that the node funded the accounts every wallet derives.
 * Each test file uses its own accounts, so files can run in parallel without nonce clashes.
 */
export function devKey(i) {
  return HDNodeWallet.fromPhrase(MNEMONIC, undefined, `m/44'/60'/0'/0/${i}`).privateKey;
}

/**
 * Compiles every contract in contracts/ (solc-js, optimizer on, EVM version cancun as the dev
 * chain) and returns {ContractName: {abi, bytecode}}. The output is cached in the temp folder
 * under a hash of the sources and the compiler version, because each test file runs in its own
 * process and solc-js takes seconds per compile.
 */
export function compileContracts() {
  const files = readdirSync(CONTRACTS).filter((f) => f.endsWith('.sol')).sort();
  const sources = {};
  for (const f of files) sources[f] = { content: readFileSync(join(CONTRACTS, f), 'utf8') };
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  };
  const key = createHash('sha256').update(solc.version()).update(JSON.stringify(input)).digest('hex');
  const cacheDir = join(tmpdir(), 'megaeth-e2e-solc');
  const cacheFile = join(cacheDir, `${key}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8'));

  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new Error('solc failed:\n' + errors.map((e) => e.formattedMessage).join('\n'));
  }
  const result = {};
  for (const file of Object.keys(output.contracts)) {
    for (const [name, c] of Object.entries(output.contracts[file])) {
      result[name] = {
        abi: c.abi,
        bytecode: '0x' + c.evm.bytecode.object,
        deployedBytecode: '0x' + c.evm.deployedBytecode.object,
      };
    }
  }
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename: a parallel test process never reads a half-written file.
  const partial = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(result));
  renameSync(partial, cacheFile);
  return result;
}

/**
 * Polls check() until it returns a value other than undefined/null/false, or fails after
 * timeoutMs with a message naming what was awaited.
 */
export async function waitFor(what, check, { timeoutMs = 20_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== null && v !== false) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}` + (lastError ? `: ${lastError.message}` : ''));
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A promise that settles with the first value passed to resolve, or rejects after timeoutMs. */
export function deferred(what, timeoutMs = 20_000) {
  let resolve, reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  promise.finally(() => clearTimeout(timer)).catch(() => {});
  return { promise, resolve, reject };
}

/** A raw JSON-RPC call over HTTP (body may be one request or a batch); returns the parsed body. */
export async function rawRpc(body, url = HTTP_URL) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text}`);
  return text.length === 0 ? undefined : JSON.parse(text);
}

let nextId = 1;
/** Calls one method over raw HTTP; returns the result or throws an Error carrying code and data. */
export async function call(method, params = []) {
  const r = await rawRpc({ jsonrpc: '2.0', id: nextId++, method, params });
  if (r.error) {
    const e = new Error(`${method}: ${r.error.code} ${r.error.message}`);
    e.code = r.error.code;
    e.data = r.error.data;
    e.rpcMessage = r.error.message;
    throw e;
  }
  return r.result;
}

/**
 * Wraps an ethers provider's send so that drain() waits for every request in flight. ethers sends
 * eth_unsubscribe fire-and-forget when a listener is removed; destroying the provider before its
 * answer rejects it with nobody to catch it, which the test runner reports as a failure.
 */
export function trackRequests(provider) {
  const inflight = new Set();
  const send = provider.send.bind(provider);
  provider.send = (method, params) => {
    const request = send(method, params);
    inflight.add(request);
    request.then(
      () => inflight.delete(request),
      () => inflight.delete(request),
    );
    return request;
  };
  return async function drain() {
    while (inflight.size > 0) await Promise.allSettled([...inflight]);
  };
}
