#!/usr/bin/env bash
# The load generator (`megaeth-node bench`) against this node, anvil and Hardhat's node, one after
# the other on this machine, with the same load; prints each run's JSON summary line and a
# Markdown table. Results and the machine they came from go to docs/benchmarks.md.
#
#   scripts/bench-compare.sh                        # defaults below
#   TRANSACTIONS=50000 SENDERS=2000 scripts/bench-compare.sh
#   RUNS="megaeth:sync:ws anvil:send:http" scripts/bench-compare.sh
#
# Settings (environment):
#   RUNS          node:method:transport entries, run in this order
#                 (default: megaeth:send:ws megaeth:sync:ws megaeth:sync:http anvil:send:ws
#                 hardhat:send:ws). WebSocket by default: the load generator's HTTP client (the
#                 JDK's) costs it ~5x the CPU per request of its own WebSocket client (2.6 against
#                 0.5 s for 20,000 sync calls, session 13), CPU the node then lacks on a small
#                 machine. anvil also answers sync, but holds each call until its 1 s block, so
#                 such a run measures the block time, not the node.
#                 A node is started once for its consecutive entries and stopped before the next.
#   SENDERS       senders per run (default 1000)
#   TRANSACTIONS  transfers per run (default 20000)
#   CONCURRENCY   transfers in flight (default 256)
#   BATCH         transfers per JSON-RPC message, for every node alike: 1 sends each call alone,
#                 more sends JSON-RPC batches (default 1). Batches take per-message work (frames,
#                 parsing, waking request threads) off both the node and the load generator, which
#                 share this machine's cores
#   RATE          transfers per second, 0 = as fast as possible (default 0)
#   WARMUP        transfers of each unreported warm-up run on a node after it starts, so that
#                 JIT compilers (ours: HotSpot; Hardhat: V8) have compiled the hot paths before
#                 the measured runs; 0 for none (default 20000)
#   WARMUP_SECONDS warm-up runs repeat until this long has passed (default 60). Compilation
#                 takes time, not a count: HotSpot's C2 kept our node's second core busy for
#                 the first ~50 s of load, and runs of 60,000 after a fresh start accepted
#                 10,681, 10,494, 13,320, then 14,237 transfers/s; one warm-up of 150,000 (18 s
#                 on our node) left it compiling through the measured runs
#   BENCH_TOOLS   where hardhat@2 and @foundry-rs/anvil are installed with npm; installed there
#                 when missing (default /tmp/megaeth-bench-tools; never inside the repo)
#   MEGAETH_NODE  the command that runs this node and the load generator (default ./megaeth-node)
#   OUT_DIR       logs of the nodes and the runs (default: a new directory under /tmp)
#
# The nodes:
#   megaeth  ./megaeth-node --role=sequencer --dev (chain 1337, mini-blocks every 10 ms, blocks
#            every 1 s), a fresh data directory
#   anvil    --block-time 1 --gas-limit 300000000: automine (a block per transaction) stalls under
#            this load, so blocks are mined every second as ours are sealed, with room for ~8,000
#            transfers each
#   hardhat  `hardhat node` with interval mining (auto off, a block every 1000 ms) and a block gas
#            limit of 300,000,000, hardfork cancun: the same block shape as anvil's
# Each listens on a free loopback port; every one funds the "test ... junk" mnemonic's accounts.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
RUNS=${RUNS:-"megaeth:send:ws megaeth:sync:ws megaeth:sync:http anvil:send:ws hardhat:send:ws"}
SENDERS=${SENDERS:-1000}
TRANSACTIONS=${TRANSACTIONS:-20000}
CONCURRENCY=${CONCURRENCY:-256}
BATCH=${BATCH:-1}
RATE=${RATE:-0}
WARMUP=${WARMUP:-20000}
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
BENCH_TOOLS=${BENCH_TOOLS:-/tmp/megaeth-bench-tools}
MEGAETH_NODE=${MEGAETH_NODE:-"$ROOT/megaeth-node"}
OUT_DIR=${OUT_DIR:-$(mktemp -d /tmp/megaeth-bench-compare.XXXXXX)}
mkdir -p "$OUT_DIR"

case "$BENCH_TOOLS" in
  "$ROOT"/*) echo "bench-compare: BENCH_TOOLS must be outside the repository" >&2; exit 2 ;;
esac

log() { echo "bench-compare: $*" >&2; }

need_tools() {
  if [ ! -x "$BENCH_TOOLS/node_modules/.bin/hardhat" ] || [ -z "$(anvil_binary)" ]; then
    command -v npm >/dev/null || { log "npm is needed to install hardhat@2 and @foundry-rs/anvil"; exit 1; }
    log "installing hardhat@2 and @foundry-rs/anvil into $BENCH_TOOLS"
    mkdir -p "$BENCH_TOOLS"
    [ -f "$BENCH_TOOLS/package.json" ] || echo '{"private": true}' >"$BENCH_TOOLS/package.json"
    npm install --prefix "$BENCH_TOOLS" --no-audit --no-fund hardhat@2 @foundry-rs/anvil >&2
  fi
  # Hardhat's node runs inside a "project": a config file beside its node_modules.
  cat > "$BENCH_TOOLS/hardhat.config.js" <<'EOF'
// Written by scripts/bench-compare.sh: interval mining so a flood of transactions does not stall
// automine, and blocks as large as anvil's in this comparison.
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      hardfork: "cancun",
      blockGasLimit: 300000000,
      mining: { auto: false, interval: 1000 },
    },
  },
};
EOF
}

# The platform binary of @foundry-rs/anvil (its bin.mjs wrapper would add a node process).
anvil_binary() {
  local candidate
  for candidate in "$BENCH_TOOLS"/node_modules/@foundry-rs/anvil-*/bin/anvil; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

rpc_ready() {
  curl -s -m 2 -H 'Content-Type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$1" | grep -q '"result"'
}

NODE_PID=""
NODE_NAME=""
NODE_URL=""

start_node() {
  local name=$1 port
  port=$(free_port)
  NODE_NAME=$name
  NODE_URL="http://127.0.0.1:$port"
  local logfile="$OUT_DIR/$name-node.log"
  case "$name" in
    megaeth)
      local data="$OUT_DIR/megaeth-data"
      rm -rf "$data"
      setsid "$MEGAETH_NODE" --role=sequencer --dev --data-dir "$data" --set "rpc.port=$port" \
        >"$logfile" 2>&1 </dev/null &
      ;;
    anvil)
      setsid "$(anvil_binary)" --host 127.0.0.1 --port "$port" --block-time 1 \
        --gas-limit 300000000 >"$logfile" 2>&1 </dev/null &
      ;;
    hardhat)
      (cd "$BENCH_TOOLS" && HARDHAT_DISABLE_TELEMETRY_PROMPT=true exec setsid \
        ./node_modules/.bin/hardhat node --hostname 127.0.0.1 --port "$port") \
        >"$logfile" 2>&1 </dev/null &
      ;;
    *) log "unknown node '$name' (megaeth, anvil or hardhat)"; exit 2 ;;
  esac
  NODE_PID=$!
  local waited=0
  until rpc_ready "$NODE_URL"; do
    if ! kill -0 "$NODE_PID" 2>/dev/null; then
      log "$name exited before serving JSON-RPC; its log ($logfile) ends with:"
      tail -20 "$logfile" >&2
      exit 1
    fi
    if [ "$waited" -ge 600 ]; then # ./megaeth-node may build first
      log "$name did not answer on $NODE_URL within 300 s"; stop_node; exit 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  log "$name serves $NODE_URL (pid $NODE_PID)"
}

stop_node() {
  if [ -n "$NODE_PID" ] && kill -0 "$NODE_PID" 2>/dev/null; then
    # setsid made the node the leader of its own process group: stop that group, nothing else.
    kill -TERM -- "-$NODE_PID" 2>/dev/null || kill -TERM "$NODE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$NODE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$NODE_PID" 2>/dev/null || true
    wait "$NODE_PID" 2>/dev/null || true
  fi
  NODE_PID=""
  NODE_NAME=""
}
trap stop_node EXIT
trap 'exit 130' INT TERM # through the EXIT trap: the node is stopped too

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

need_tools
JDK_VERSION=$( (. "$ROOT/scripts/find-jdk.sh" && find_jdk >/dev/null 2>&1 && "$JAVA" -version 2>&1 | head -1) || echo unknown)
{
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "jdk: $JDK_VERSION"
  echo "node: $(node --version), npm: $(npm --version)"
  echo "anvil: $("$(anvil_binary)" --version | head -1)"
  echo "hardhat: $(cd "$BENCH_TOOLS" && ./node_modules/.bin/hardhat --version 2>/dev/null | tail -1)"
  echo "load: senders $SENDERS, transactions $TRANSACTIONS, concurrency $CONCURRENCY, batch $BATCH, rate $RATE, warm-up runs of $WARMUP for ${WARMUP_SECONDS}s"
  echo "load average at start: $(loadavg)"
} | tee "$OUT_DIR/environment.txt" >&2

RESULTS="$OUT_DIR/results.jsonl"
: >"$RESULTS"
for run in $RUNS; do
  IFS=: read -r name method transport <<<"$run"
  if [ "$name" != "$NODE_NAME" ]; then
    stop_node
    start_node "$name"
    if [ "$WARMUP" -gt 0 ]; then
      warmup_senders=$((SENDERS < WARMUP ? SENDERS : WARMUP))
      warmup_until=$((SECONDS + WARMUP_SECONDS))
      warmup_runs=0
      log "warm-up: runs of $WARMUP transfers on $name for ${WARMUP_SECONDS}s, not reported"
      while :; do
        warmup_runs=$((warmup_runs + 1))
        if ! "$MEGAETH_NODE" bench --rpc "$NODE_URL" --label "$name" --method send \
          --transport "$transport" --senders "$warmup_senders" --transactions "$WARMUP" \
          --concurrency "$CONCURRENCY" --batch "$BATCH" >"$OUT_DIR/$name-warmup.log" 2>&1; then
          log "the warm-up on $name failed; see $OUT_DIR/$name-warmup.log"
          break
        fi
        [ "$SECONDS" -lt "$warmup_until" ] || break
      done
      log "warm-up: $warmup_runs runs on $name"
    fi
  fi
  runlog="$OUT_DIR/$name-$method-$transport.log"
  before=$(loadavg)
  log "run $run (load average $before)"
  status=0
  "$MEGAETH_NODE" bench --rpc "$NODE_URL" --label "$name" --method "$method" \
    --transport "$transport" --senders "$SENDERS" --transactions "$TRANSACTIONS" \
    --concurrency "$CONCURRENCY" --batch "$BATCH" --rate "$RATE" >"$runlog" 2>&1 || status=$?
  after=$(loadavg)
  json=$(grep '^{' "$runlog" | tail -1 || true)
  if [ -n "$json" ]; then
    # The load average around the run goes into its line: the machine may be shared.
    node -e 'const r=JSON.parse(process.argv[1]);r.exit=+process.argv[2];r.loadBefore=process.argv[3];r.loadAfter=process.argv[4];console.log(JSON.stringify(r))' \
      "$json" "$status" "$before" "$after" | tee -a "$RESULTS"
  else
    log "run $run produced no summary (exit $status); its log ($runlog) ends with:"
    tail -5 "$runlog" >&2
    node -e 'console.log(JSON.stringify({node:process.argv[1],method:process.argv[2],transport:process.argv[3],error:process.argv[4],exit:+process.argv[5]}))' \
      "$name" "$method" "$transport" "$(tail -1 "$runlog")" "$status" | tee -a "$RESULTS"
  fi
done
stop_node

echo
echo "| node | method | transport | included | failed | inclusion tx/s | p50 ms | p99 ms | max ms | load generator CPU s | load avg before / after |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean);
  for (const line of lines) {
    const r = JSON.parse(line);
    if (r.error) { console.log(`| ${r.node} | ${r.method} | ${r.transport} | - | - | - | - | - | - | - | ${r.error} |`); continue; }
    const f = (x, d) => Number(x).toLocaleString("en-US", {maximumFractionDigits: d, minimumFractionDigits: d});
    console.log(`| ${r.node} | ${r.method} | ${r.transport} | ${f(r.included,0)} of ${f(r.transactions,0)} | ${f(r.failed,0)} | ${f(r.tps,0)} | ${f(r.p50Ms,1)} | ${f(r.p99Ms,1)} | ${f(r.maxMs,1)} | ${f(r.loadgenCpuSeconds,1)} | ${r.loadBefore} / ${r.loadAfter} |`);
  }' "$RESULTS"
echo
log "logs and results in $OUT_DIR"
