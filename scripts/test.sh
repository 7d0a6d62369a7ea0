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

step "integration and end-to-end tests (real PostgreSQL and Kafka)"
JEST_KIND="{int,e2e}" npx jest --ci "${narrow[@]}" --json --outputFile="$results/int-e2e.json" "$@"

step "done"
# One closing line over both runs, in the plain form CI tools read.
node -e '
  const runs = process.argv.slice(1).map((f) => require(f));
  const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
' "$results/unit.json" "$results/int-e2e.json"
