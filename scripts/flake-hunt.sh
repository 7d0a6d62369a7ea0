#!/usr/bin/env bash
# The flake hunt: runs the whole integration and end-to-end suite several times in a row while
# busy loops keep every core loaded, as on a crowded CI machine, and prints each run's time.
# A test that races a read model, a consumer or a timer fails here long before it fails in CI.
#   bash scripts/flake-hunt.sh            3 runs, one busy loop per core
#   RUNS=5 LOAD=4 bash scripts/flake-hunt.sh [jest path…]
# Exits non-zero when any run fails; each run's jest JSON is kept in .run/flake-hunt/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$root"

runs="${RUNS:-3}"
load="${LOAD:-$(nproc)}"
out="$run_dir/flake-hunt"
mkdir -p "$out"

ensure_node_modules
DW_DATABASE="${DW_DATABASE:-dw_test}" ensure_infrastructure

busy=()
stop_load() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_load EXIT
for _ in $(seq 1 "$load"); do
  (while :; do :; done) &
  busy+=($!)
done
say "flake hunt: $runs runs of the int/e2e suite with $load busy loops (pids ${busy[*]})"

failed=0
summary=()
for run in $(seq 1 "$runs"); do
  started=$(date +%s)
  if JEST_KIND="{int,e2e}" npx jest --ci --json --outputFile="$out/run-$run.json" "$@" >"$out/run-$run.log" 2>&1; then
    verdict=passed
  else
    verdict=FAILED
    failed=1
  fi
  seconds=$(( $(date +%s) - started ))
  counts=$(node -e 'const r=require(process.argv[1]); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$out/run-$run.json" 2>/dev/null || echo "no results")
  summary+=("run $run: $verdict in ${seconds}s ($counts)")
  say "${summary[-1]}"
  if [ "$verdict" = FAILED ]; then
    grep -E '^\s+● ' "$out/run-$run.log" | sort -u | head -20 >&2 || true
  fi
done

say ""
say "flake hunt, $load busy loops on $(nproc) cores:"
for line in "${summary[@]}"; do say "  $line"; done
exit "$failed"
