#!/usr/bin/env bash
# Side-by-side comparison of two builds or two sets of JVM flags of this node under the load
# generator: fresh nodes A, B, A, B, ... one after the other on this machine, each warmed up, then
# one measured run each, with the node's CPU per transfer by thread group (from /proc). On a shared,
# noisy machine only figures taken this way, alternating in one sitting, compare (docs/benchmarks.md).
#
#   A_JAVA_OPTS="-XX:-UseTransparentHugePages" scripts/bench-ab.sh      # flags against the default
#   A_DIR=/tmp/before B_DIR=/tmp/after scripts/bench-ab.sh              # two checkouts
#
# Settings (environment):
#   A_DIR, B_DIR          checkouts whose ./megaeth-node runs node and tool (default: this one)
#   A_JAVA_OPTS, B_JAVA_OPTS  MEGAETH_JAVA_OPTS for that side's node (default: none)
#   PAIRS                 A/B pairs (default 2)
#   WARMUP_SECONDS        warm-up per node: runs of 20,000 transfers until this long has passed
#                         (default 120; HotSpot's C2 needs about that)
#   TRANSACTIONS SENDERS CONCURRENCY BATCH METHOD  the measured run (defaults 150000 1000 512 64
#                         send); the tool always runs from A_DIR, so only the node differs
#   OUT_DIR               logs (default: a new directory under /tmp)
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
A_DIR=${A_DIR:-$ROOT}
B_DIR=${B_DIR:-$ROOT}
PAIRS=${PAIRS:-2}
WARMUP_SECONDS=${WARMUP_SECONDS:-120}
TRANSACTIONS=${TRANSACTIONS:-150000}
SENDERS=${SENDERS:-1000}
CONCURRENCY=${CONCURRENCY:-512}
BATCH=${BATCH:-64}
METHOD=${METHOD:-send}
OUT_DIR=${OUT_DIR:-$(mktemp -d /tmp/megaeth-bench-ab.XXXXXX)}
[ "$CONCURRENCY" -ge "$BATCH" ] || CONCURRENCY=$BATCH
mkdir -p "$OUT_DIR"

log() { echo "bench-ab: $*" >&2; }
for dir in "$A_DIR" "$B_DIR"; do
  [ -x "$dir/megaeth-node" ] || { log "no ./megaeth-node in $dir"; exit 2; }
done

free_port() { node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# CPU ticks per thread of process $1: "tid<TAB>name<TAB>ticks" lines.
snapshot() {
  local task line name rest
  for task in /proc/"$1"/task/*; do
    read -r line <"$task/stat" 2>/dev/null || continue
    name=${line#*(}
    name=${name%)*}
    rest=${line##*) }
    # shellcheck disable=SC2086
    set -- $rest
    printf '%s\t%s\t%s\n' "${task##*/}" "$name" "$((${12} + ${13}))"
  done
}

# Microseconds of CPU per transfer by thread group (names with their numbers folded), largest first;
# the JVM truncates thread names to 15 characters ("C2 CompilerThre").
per_transfer() {
  awk -F'\t' -v n="$TRANSACTIONS" -v hz="$(getconf CLK_TCK)" '
    FNR == NR { before[$1] = $3; next }
    { group = $2; gsub(/[-#]?[0-9]+$/, "-N", group); used[group] += $3 - before[$1]; total += $3 - before[$1] }
    END {
      printf "  %7.1f  total\n", total / hz * 1e6 / n
      fflush()
      for (g in used) if (used[g] > 0) printf "  %7.1f  %s\n", used[g] / hz * 1e6 / n, g | "sort -nr | head -12"
    }' "$1" "$2"
}

bench() { # dir port args...
  local dir=$1 port=$2
  shift 2
  "$dir/megaeth-node" bench --rpc "ws://127.0.0.1:$port" --transport ws --senders "$SENDERS" \
    --concurrency "$CONCURRENCY" --batch "$BATCH" "$@"
}

run_side() { # side dir opts pair
  local side=$1 dir=$2 opts=$3 pair=$4 port data pid until summary
  port=$(free_port)
  data="$OUT_DIR/data-$side"
  rm -rf "$data"
  MEGAETH_JAVA_OPTS="$opts" setsid "$dir/megaeth-node" --role=sequencer --dev --data-dir "$data" \
    --set "rpc.port=$port" >"$OUT_DIR/node-$side-$pair.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -s -m 1 -H 'content-type: application/json' \
      -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' \
      "http://127.0.0.1:$port" >/dev/null 2>&1 && break
    sleep 1
  done
  # The launcher execs java, so $pid is the node's JVM once it answers.
  until=$((SECONDS + WARMUP_SECONDS))
  while [ "$SECONDS" -lt "$until" ]; do
    bench "$A_DIR" "$port" --method send --transactions 20000 >"$OUT_DIR/warmup-$side.log" 2>&1 ||
      { log "warm-up failed; see $OUT_DIR/warmup-$side.log"; break; }
  done
  snapshot "$pid" >"$OUT_DIR/cpu-before"
  bench "$A_DIR" "$port" --method "$METHOD" --transactions "$TRANSACTIONS" \
    >"$OUT_DIR/run-$side-$pair.log" 2>&1 || true
  snapshot "$pid" >"$OUT_DIR/cpu-after"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  summary=$(grep '^{' "$OUT_DIR/run-$side-$pair.log" | tail -1 || true)
  if [ -z "$summary" ]; then
    log "$side (pair $pair): no summary; see $OUT_DIR/run-$side-$pair.log"
    return
  fi
  node -e 'const r=JSON.parse(process.argv[1]);console.log(`${process.argv[2]} pair ${process.argv[3]}: ${r.tps} included/s, ${r.sendTps} answered/s, p50 ${r.p50Ms} ms, tool ${(r.loadgenCpuSeconds*1e6/r.transactions).toFixed(1)} us/transfer`)' \
    "$summary" "$side" "$pair"
  per_transfer "$OUT_DIR/cpu-before" "$OUT_DIR/cpu-after"
}

log "A: $A_DIR ${A_JAVA_OPTS:-}; B: $B_DIR ${B_JAVA_OPTS:-}; logs in $OUT_DIR"
for pair in $(seq 1 "$PAIRS"); do
  run_side A "$A_DIR" "${A_JAVA_OPTS:-}" "$pair"
  run_side B "$B_DIR" "${B_JAVA_OPTS:-}" "$pair"
done
