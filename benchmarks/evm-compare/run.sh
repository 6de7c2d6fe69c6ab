#!/usr/bin/env bash
# Runs the EVM benchmarks on the megaeth Java EVM (JMH) and on @ethereumjs/evm back to back, on the
# same bytecode, calldata and state, after checking that both EVMs do the same work (same gas per
# transaction, return data and resulting balances). Prints a side-by-side table.
#
#   benchmarks/evm-compare/run.sh            full run (~15 min on a 2-core VM)
#   QUICK=1 benchmarks/evm-compare/run.sh    fewer, shorter iterations (~6 min), for a smoke test
#   ONLY=erc20 benchmarks/evm-compare/run.sh one workload (erc20|uniswap|keccak|raytracer|precompile)
#
# Needs JDK 21+ (JAVA_HOME or java on PATH), Node.js 20+ and npm. Results go to
# benchmarks/evm-compare/results/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="${JAR:-$root/benchmarks/target/benchmarks.jar}"
out="$here/results"
mkdir -p "$out"

if [[ "${QUICK:-0}" == 1 ]]; then
  jmh_iter=(-wi 3 -w 1 -i 3 -r 1)
  js_iter=(--warmup 3 --time 1 --iterations 3)
else
  jmh_iter=(-wi 5 -w 2 -i 5 -r 2)
  js_iter=(--warmup 5 --time 2 --iterations 5)
fi

case "${ONLY:-}" in
  "") jmh_re='org.megaeth.benchmarks.evm.(Erc20TransferBenchmark|UniswapV2SwapBenchmark|ComputeBenchmark|PrecompileBenchmark)'; js_re='.' ;;
  erc20) jmh_re='org.megaeth.benchmarks.evm.Erc20TransferBenchmark'; js_re='erc20' ;;
  uniswap) jmh_re='org.megaeth.benchmarks.evm.UniswapV2SwapBenchmark'; js_re='uniswap' ;;
  keccak|raytracer) jmh_re="org.megaeth.benchmarks.evm.ComputeBenchmark"; js_re="$ONLY"; jmh_iter+=(-p "contract=$ONLY") ;;
  precompile) jmh_re='org.megaeth.benchmarks.evm.PrecompileBenchmark'; js_re='precompile' ;;
  *) echo "unknown ONLY=$ONLY" >&2; exit 2 ;;
esac

cd "$here"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
node build-contracts.mjs --check

if [[ ! -f "$jar" ]]; then
  (cd "$root" && ./mvnw -q -pl benchmarks -am package -DskipTests)
fi

echo "== machine"
uptime
"$java" -version 2>&1 | head -1
echo "node $(node --version); @ethereumjs/evm $(node -p "require('./node_modules/@ethereumjs/evm/package.json').version"), @ethereumjs/vm $(node -p "require('./node_modules/@ethereumjs/vm/package.json').version")"

echo "== same work? (gas per transaction, return data and state after the first transactions)"
"$java" --enable-native-access=ALL-UNNAMED -cp "$jar" org.megaeth.benchmarks.evm.EvmCompareCheck \
  >"$out/java-check.jsonl" 2>/dev/null
node ethereumjs-bench.mjs --check >"$out/ethereumjs-check.jsonl"
same=0
node compare.mjs check "$out/java-check.jsonl" "$out/ethereumjs-check.jsonl" || same=$?

echo "== Java EVM (JMH)"
# The development machines are shared: another session's JMH run must not stop this one (its
# lock only guards against two runs disturbing each other, which the load average shows anyway).
"$java" -Djmh.ignoreLock=true --enable-native-access=ALL-UNNAMED -jar "$jar" "$jmh_re" "${jmh_iter[@]}" -f 1 \
  -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt" | grep -E '^(Benchmark|[A-Z][A-Za-z0-9]+Benchmark\.)|Run complete' || true
uptime

echo "== @ethereumjs/evm"
node ethereumjs-bench.mjs --only "$js_re" "${js_iter[@]}" --out "$out/ethereumjs.json"
uptime

echo "== side by side"
node compare.mjs table "$out/jmh.json" "$out/ethereumjs.json"
if [[ "$same" != 0 ]]; then
  echo
  echo "*** WARNING: the check above found a MISMATCH between the two EVMs: the figures do not compare the same work ***"
  exit 1
fi
