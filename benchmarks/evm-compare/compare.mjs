// Compares the two EVMs' outputs for run.sh.
//   node compare.mjs check JAVA.jsonl JS.jsonl   same gas, outputs and state? exit 1 when not
//   node compare.mjs table JMH.json JS.json      side-by-side throughput table (markdown)
import { readFileSync } from 'node:fs';

const [mode, javaFile, jsFile] = process.argv.slice(2);

function jsonLines(file) {
  const byWorkload = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue; // the JVM's libraries print a line or two of their own
    const obj = JSON.parse(line);
    byWorkload.set(obj.workload, obj);
  }
  return byWorkload;
}

function diff(a, b, path, out) {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], `${path}.${k}`, out);
  } else if (a !== b) {
    out.push(`${path}: java=${JSON.stringify(a)} ethereumjs=${JSON.stringify(b)}`);
  }
}

function check() {
  const java = jsonLines(javaFile);
  const js = jsonLines(jsFile);
  let bad = 0;
  for (const name of new Set([...java.keys(), ...js.keys()])) {
    const out = [];
    diff(java.get(name), js.get(name), name, out);
    if (out.length === 0) {
      const w = java.get(name);
      const detail = w.ops !== undefined ? `${w.ops} txs, gas ${w.gasTotal}, digest ${w.digest.slice(0, 18)}…` : '';
      console.log(`OK        ${name.padEnd(16)} ${detail}`);
    } else {
      bad++;
      console.log(`!!!!!!!!! MISMATCH ${name}: the two EVMs did different work !!!!!!!!!`);
      for (const line of out.slice(0, 20)) console.log(`    ${line}`);
    }
  }
  if (bad > 0) {
    console.log(`\n*** ${bad} WORKLOAD(S) DIFFER BETWEEN THE JAVA EVM AND @ethereumjs/evm ***\n`);
    process.exit(1);
  }
}

const LABELS = {
  erc20_transfer: ['ERC-20 transfer (10,000 holders)', 'tx/s'],
  uniswap_v2_swap: ['Uniswap V2 swap (Router02)', 'tx/s'],
  keccak: ['KECCAK256 loop (4.62 Mgas/tx)', 'tx/s'],
  raytracer: ['RayTracer 24x16 (14.28 Mgas/tx)', 'tx/s'],
};

function jmhName(entry) {
  const b = entry.benchmark;
  if (b.endsWith('Erc20TransferBenchmark.transfer')) return 'erc20_transfer';
  if (b.endsWith('UniswapV2SwapBenchmark.swap')) return 'uniswap_v2_swap';
  if (b.endsWith('ComputeBenchmark.call')) return entry.params.contract;
  if (b.endsWith('PrecompileBenchmark.call')) return `precompile:${entry.params.input}`;
  return undefined;
}

const fmt = (x, digits = 0) =>
  x === undefined ? '-' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table() {
  const java = new Map();
  for (const e of JSON.parse(readFileSync(javaFile, 'utf8'))) {
    const name = jmhName(e);
    if (name === undefined) continue;
    java.set(name, {
      score: e.primaryMetric.score,
      error: e.primaryMetric.scoreError,
      gasPerSec: e.secondaryMetrics?.gas?.score,
    });
  }
  const js = new Map(JSON.parse(readFileSync(jsFile, 'utf8')).map((r) => [r.name, r]));

  console.log('| workload | megaeth EVM (Java) | @ethereumjs/evm | Java / ethereumjs |');
  console.log('|---|---|---|---|');
  for (const [name, [label, unit]] of Object.entries(LABELS)) {
    const j = java.get(name);
    const e = js.get(name);
    const cell = (r) =>
      r === undefined
        ? '-'
        : `${fmt(r.score, r.score < 100 ? 1 : 0)} ± ${fmt(r.error, r.error < 100 ? 1 : 0)} ${unit}` +
          (r.gasPerSec !== undefined ? ` (${fmt(r.gasPerSec / 1e6, 1)} Mgas/s)` : '');
    const ratio = j && e ? `${(j.score / e.score).toFixed(1)}x` : '-';
    console.log(`| ${label} | ${cell(j)} | ${cell(e)} | ${ratio} |`);
  }
  console.log('');
  console.log('| precompile call | megaeth EVM (Java) | @ethereumjs/evm | ethereumjs / Java |');
  console.log('|---|---|---|---|');
  const names = [...new Set([...java.keys(), ...js.keys()])].filter((n) => n.startsWith('precompile:'));
  for (const name of names) {
    const j = java.get(name);
    const e = js.get(name);
    const cell = (r) => (r === undefined ? '-' : `${fmt(r.score)} ± ${fmt(r.error)} ns`);
    const ratio = j && e ? `${(e.score / j.score).toFixed(1)}x` : '-';
    console.log(`| ${name.slice('precompile:'.length)} | ${cell(j)} | ${cell(e)} | ${ratio} |`);
  }
  const erc20 = java.get('erc20_transfer');
  const swap = java.get('uniswap_v2_swap');
  console.log('');
  if (erc20) console.log(`ERC-20 target 100,000 tx/s per core: ${fmt(erc20.score)} = ${((100 * erc20.score) / 100_000).toFixed(0)}% of target`);
  if (swap) console.log(`Uniswap target 6,000 swaps/s per core: ${fmt(swap.score)} = ${((100 * swap.score) / 6_000).toFixed(0)}% of target`);
}

if (mode === 'check') check();
else if (mode === 'table') table();
else {
  console.error('usage: compare.mjs check JAVA.jsonl JS.jsonl | table JMH.json JS.json');
  process.exit(2);
}
