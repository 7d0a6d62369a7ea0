#!/usr/bin/env bash
# The run command (README): installs what is needed, starts PostgreSQL and Kafka when none are
# given, provisions each service's schema and topics, starts every service that exists and
# prints where each listens. Ctrl-C (or SIGTERM) stops the services gracefully; `scripts/kafka.sh stop`
# stops the broker this script started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$root"

ensure_node_modules
ensure_infrastructure
ensure_dev_auth

mapfile -t services < <(existing_services)
if [ "${#services[@]}" -eq 0 ]; then
  say "no service has a src/main.ts yet"
  exit 1
fi

pids=()
stopping=""
stop_all() {
  [ -n "$stopping" ] && return
  stopping=yes
  say "stopping services…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all INT TERM

for service in "${services[@]}"; do
  schema="${service//-/_}"
  base="${DATABASE_ADMIN_URL%%\?*}"
  app_url="$(node -e 'const u=new URL(process.argv[1]); u.username=process.argv[2]; u.password=""; console.log(u.toString())' "$base" "${schema}_app")"
  export_env=(
    "SERVICE_NAME=$service"
    "HTTP_PORT=$(service_port "$service")"
    "DATABASE_URL=$app_url"
    "DATABASE_ADMIN_URL=$DATABASE_ADMIN_URL"
    "KAFKA_BROKERS=$KAFKA_BROKERS"
    "AUTH_ISSUER=${AUTH_ISSUER:-https://auth.dev.delivery-warehouse.local}"
    "AUTH_JWKS=${AUTH_JWKS:-$run_dir/dev-auth/jwks.json}"
    "INTEGRATION_CLIENTS=${INTEGRATION_CLIENTS:-$run_dir/dev-auth/integration-clients.json}"
  )
  say "provision: $service"
  env "${export_env[@]}" node -r @swc-node/register "services/$service/src/main.ts" provision >&2
  env "${export_env[@]}" node -r @swc-node/register "services/$service/src/main.ts" serve >"$run_dir/$service.log" 2>&1 &
  pids+=($!)
done

for service in "${services[@]}"; do
  port="$(service_port "$service")"
  for _ in $(seq 1 120); do port_open 127.0.0.1 "$port" && break; sleep 0.5; done
  if ! port_open 127.0.0.1 "$port"; then
    say "$service did not start; see $run_dir/$service.log"; tail -20 "$run_dir/$service.log" >&2; stop_all; exit 1
  fi
done

printf '\n%-18s %-28s %s\n' "service" "listens on" "log"
for service in "${services[@]}"; do
  printf '%-18s %-28s %s\n' "$service" "http://127.0.0.1:$(service_port "$service")" "$run_dir/$service.log"
done
printf '\nOpenAPI: http://127.0.0.1:<port>/docs   Health: /health/ready   Metrics: /metrics\n'
printf 'A token: node -r @swc-node/register scripts/mint-token.ts --sub clerk-1 --roles clerk\n'
printf 'Integration client secrets: %s\n\n' "$run_dir/dev-auth/integration-clients.json"
wait
