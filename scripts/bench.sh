#!/usr/bin/env bash
# Platform benchmarks (not part of the tests): ours against a raw reference and a peer,
# interleaved A/B rounds, under synchronous_commit on and off. See scripts/bench/README.md.
#
#   npm run bench                      # append, relay, rebuild at full size
#   BENCH_QUICK=1 npm run bench        # reduced sizes, under 3 minutes
#   BENCH_JSON=out.json npm run bench -- relay
#
# Uses DATABASE_URL / KAFKA_BROKERS when set, else the local PostgreSQL and the project's Kafka.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ -z "${KAFKA_BROKERS:-}" ]; then bash scripts/kafka.sh start; fi
exec node -r @swc-node/register scripts/bench/run-all.ts "$@"
