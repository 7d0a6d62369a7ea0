#!/usr/bin/env bash
# The test command (README, and what .ci/run calls): installs what is needed, starts PostgreSQL
# and Kafka when none are given, then runs every check: typecheck, lint, contracts (buf lint,
# breaking, stale generated code), unit tests, then integration and end-to-end tests against the
# real PostgreSQL and Kafka. Extra arguments go to jest (e.g. a path).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$root"
started=$(date +%s)
step() { say ""; say "== $* ($(( $(date +%s) - started ))s)"; }

step "install"
ensure_node_modules

step "infrastructure"
DW_DATABASE="${DW_DATABASE:-dw_test}" ensure_infrastructure

if [ "$#" -eq 0 ]; then
  step "typecheck"
  npx tsc -p tsconfig.json --noEmit

  step "lint"
  npm run -s lint

  step "contracts (buf lint, format, breaking, generated code)"
  bash scripts/proto-check.sh
fi

# A path given narrows the run; then one of the two kinds may have nothing to run.
narrow=()
[ "$#" -gt 0 ] && narrow=(--passWithNoTests)
results="$run_dir/test-results"
mkdir -p "$results"
rm -f "$results"/*.json

step "unit tests"
JEST_KIND=unit npx jest --ci "${narrow[@]}" --json --outputFile="$results/unit.json" "$@"

# Integration and end-to-end tests run one file at a time per PostgreSQL cluster (jest.config.js
# says why), so the suite is split into lanes, each with a cluster of its own: lane 1 uses the
# database above, every further lane a throwaway PostgreSQL (scripts/postgres-embedded.sh; run as
# root, the machine's PostgreSQL 15 with its data outside the checkout) on a port of its own; all
# lanes share the Kafka broker (every test has its own topic prefix). Two lanes by default, split
# by estimated time (test/lanes/lane-assignment.js); DW_TEST_LANES=1 runs them in one. A path
# given narrows the run to one lane unless DW_TEST_LANES says otherwise.
lanes="${DW_TEST_LANES:-2}"
[ "$#" -gt 0 ] && lanes="${DW_TEST_LANES:-1}"
step "integration and end-to-end tests (real PostgreSQL and Kafka, $lanes lanes)"
lane_dir() { echo "$run_dir/postgres-lane-$1"; }
lane_cluster() { DW_PG_DIR="$(lane_dir "$1")" bash scripts/postgres-embedded.sh "$2"; }
# The clusters this run started (lanes 2..N) are stopped and removed however it ends. (lane_database
# runs in a command substitution, a subshell, so it cannot record them for the parent to stop.)
destroy_lane_clusters() {
  local lane
  for lane in $(seq 2 "$lanes"); do lane_cluster "$lane" destroy >/dev/null 2>&1 || true; done
}
trap destroy_lane_clusters EXIT
lane_database() {
  local lane="$1" port=$((5440 + $1))
  # A port something else already listens on is passed over: a lane never joins a server it did not start.
  while port_open 127.0.0.1 "$port"; do port=$((port + 10)); done
  lane_cluster "$lane" destroy >/dev/null 2>&1 || true
  DW_PG_PORT="$port" lane_cluster "$lane" start >&2 || return 1
  psql "postgres://postgres@127.0.0.1:$port/postgres" -qc "CREATE DATABASE dw_test" || return 1
  echo "postgres://postgres@127.0.0.1:$port/dw_test"
}
pids=()
for lane in $(seq 1 "$lanes"); do
  url="$DATABASE_URL"
  if [ "$lane" -gt 1 ]; then url="$(lane_database "$lane")" || { say "lane $lane: could not start its PostgreSQL"; exit 1; }; fi
  shard=()
  [ "$lanes" -gt 1 ] && shard=(--shard="$lane/$lanes")
  # Each line is prefixed with its lane, so the interleaved output still reads per file; each lane
  # says how long it took, which shows how even the split is.
  (
    lane_started=$(date +%s)
    status=0
    DATABASE_URL="$url" DATABASE_ADMIN_URL="$url" JEST_KIND="{int,e2e}" npx jest --ci "${narrow[@]}" "${shard[@]}" \
      --json --outputFile="$results/int-e2e-$lane.json" "$@" 2>&1 | sed -u "s/^/[lane $lane] /" || status=$?
    say "[lane $lane] finished in $(( $(date +%s) - lane_started ))s"
    exit "$status"
  ) &
  pids+=("$!")
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done

step "done"
# One closing line over both runs, in the plain form CI tools read.
node -e '
  const runs = process.argv.slice(1).map((f) => require(f));
  const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
' "$results"/*.json
exit "$failed"
