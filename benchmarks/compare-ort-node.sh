#!/usr/bin/env bash
# Side by side: the same model (tests/fixtures/models/bench_640.onnx), the same input and the same
# session settings through the official onnxruntime-node binding and through TriVision's binding,
# alternating for several rounds so that both see the same machine load. Prints each round, the
# median of the rounds' medians, and the ratio TriVision / node (goal: <= 1.05).
#
#   benchmarks/compare-ort-node.sh [ROUNDS]        (default 5; TRIVISION_BENCH_THREADS=N, default 1)
#
# Needs: node + npm (installs benchmarks/node/node_modules on first use, without install scripts),
# the .NET SDK, and the ONNX Runtime library from scripts/setup.sh.
set -euo pipefail
ROUNDS="${1:-5}"
export TRIVISION_BENCH_THREADS="${TRIVISION_BENCH_THREADS:-1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_DIR="$ROOT/benchmarks/node"
BENCH_PROJ="$ROOT/benchmarks/TriVision.Benchmarks"
BENCH_DLL="$BENCH_PROJ/bin/Release/net10.0/TriVision.Benchmarks.dll"
WORK="$(mktemp -d -t trivision-ort-node-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

command -v node >/dev/null || { echo "compare-ort-node: node is not installed (apt-get install nodejs, or use nvm)" >&2; exit 1; }
if [[ ! -d "$NODE_DIR/node_modules/onnxruntime-node" ]]; then
  echo "== installing onnxruntime-node into benchmarks/node (npm install --ignore-scripts)"
  (cd "$NODE_DIR" && npm install --ignore-scripts --no-audit --no-fund >/dev/null)
fi
echo "== building benchmarks (Release)"
dotnet build "$BENCH_PROJ" -c Release -v q -nologo >/dev/null

node_round() {
  node "$NODE_DIR/bench.js" --threads "$TRIVISION_BENCH_THREADS"
}

csharp_round() {
  local art="$WORK/bdn-$1"
  (cd "$WORK" && dotnet "$BENCH_DLL" --filter '*OrtNodeCompareBenchmarks*' --exporters json --artifacts "$art" >"$art.out" 2>&1) \
    || { cat "$art.out" >&2; echo "compare-ort-node: TriVision benchmark failed" >&2; exit 1; }
  local json; json="$(ls "$art"/results/*OrtNodeCompareBenchmarks-report-full-compressed.json)"
  local checksum; checksum="$(grep -o 'checksum=[0-9.]*' "$art.out" | head -1 | cut -d= -f2)"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).Benchmarks[0];
    console.log(JSON.stringify({ impl: "trivision", median_ms: +(r.Statistics.Median / 1e6).toFixed(4),
      min_ms: +(r.Statistics.Min / 1e6).toFixed(4), allocated_bytes_per_op: r.Memory.BytesAllocatedPerOperation,
      checksum: +process.argv[2] }));' "$json" "$checksum"
}

echo "== bench_640.onnx, CPU, intra-op threads $TRIVISION_BENCH_THREADS, inter-op 1, $ROUNDS rounds (node first, then TriVision)"
: >"$WORK/node.txt"; : >"$WORK/trivision.txt"
for ((r = 1; r <= ROUNDS; r++)); do
  n="$(node_round)"; t="$(csharp_round "$r")"
  echo "round $r  node: $n"
  echo "round $r  trivision: $t"
  echo "$n" >>"$WORK/node.txt"; echo "$t" >>"$WORK/trivision.txt"
done

node -e '
  const fs = require("fs");
  const read = (f) => fs.readFileSync(f, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const node = read(process.argv[1]), tv = read(process.argv[2]);
  const mn = median(node.map((x) => x.median_ms)), mt = median(tv.map((x) => x.median_ms));
  const sameOutput = node.every((x) => tv.every((y) => Math.abs(x.checksum - y.checksum) <= 1e-3 * Math.max(1, Math.abs(x.checksum))));
  console.log("");
  console.log(`onnxruntime-node ${node[0].version}: median ${mn.toFixed(3)} ms per run`);
  console.log(`TriVision binding:      median ${mt.toFixed(3)} ms per run, ${tv[0].allocated_bytes_per_op} B allocated per run`);
  console.log(`ratio TriVision / node: ${(mt / mn).toFixed(3)}  (goal <= 1.05)`);
  const fn = median(node.map((x) => x.min_ms)), ft = median(tv.map((x) => x.min_ms));
  console.log(`fastest sample (median over rounds): node ${fn.toFixed(3)} ms, TriVision ${ft.toFixed(3)} ms, ratio ${(ft / fn).toFixed(3)} (less sensitive to machine load)`);
  console.log(`same output: ${sameOutput ? "yes" : "NO"} (checksums node ${node[0].checksum}, TriVision ${tv[0].checksum})`);
  if (!sameOutput) process.exit(2);
' "$WORK/node.txt" "$WORK/trivision.txt"
