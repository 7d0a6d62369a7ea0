# Shared by scripts/up.sh, scripts/test.sh and scripts/infra.sh. Sourced, not run.
# Decides where PostgreSQL and Kafka are, in this order (README.md, "The two commands"):
#   1. DATABASE_URL / KAFKA_BROKERS given: use them;
#   2. a Docker engine answers: docker compose brings up the same Kafka and PostgreSQL;
#   3. otherwise: the local PostgreSQL (127.0.0.1:5432), or when none runs the embedded one
#      (scripts/postgres-embedded.sh), and a real Kafka broker from the Apache Kafka jars
#      (scripts/kafka.sh).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run_dir="$root/.run"
mkdir -p "$run_dir"

say() { printf '%s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

docker_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

# Installs exactly the locked tree with `npm ci` when node_modules is missing or was installed
# from another package-lock.json (its digest is kept in node_modules/.dw-lock.sha256). The lock
# holds every platform's optional native builds (swc, buf, nx, esbuild, embedded PostgreSQL), so
# `npm ci` accepts it on any platform and installs only this platform's; `npm ci` never writes
# the lock, and a lock that no longer matches package.json fails the install instead of being
# rewritten.
ensure_node_modules() {
  local digest
  digest="$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$root/node_modules/.dw-lock.sha256" ] && [ "$(cat "$root/node_modules/.dw-lock.sha256")" = "$digest" ]; then
    return 0
  fi
  say "install: npm ci (exactly the tree in package-lock.json)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$digest" > "$root/node_modules/.dw-lock.sha256"
}

# Exports DATABASE_ADMIN_URL and KAFKA_BROKERS for what follows; starts what is missing.
ensure_infrastructure() {
  local compose_needed=""
  if [ -z "${DATABASE_URL:-}" ] && ! port_open 127.0.0.1 5432 && docker_answers; then compose_needed="yes"; fi
  if [ -z "${KAFKA_BROKERS:-}" ] && docker_answers; then compose_needed="yes"; fi
  if [ -n "$compose_needed" ]; then
    say "infra: docker compose up (PostgreSQL, Kafka, trace viewer)"
    (cd "$root" && docker compose up -d --wait postgres kafka jaeger)
    export DATABASE_URL="${DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/dw}"
    export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
  fi

  if [ -z "${DATABASE_URL:-}" ]; then
    local server="postgres://postgres@127.0.0.1:5432"
    if ! port_open 127.0.0.1 5432; then
      # Nothing given, nothing running: the embedded PostgreSQL (real server binaries from npm).
      bash "$root/scripts/postgres-embedded.sh" start >&2
      server="postgres://postgres@127.0.0.1:${DW_PG_PORT:-5433}"
    fi
    export DATABASE_URL="$server/${DW_DATABASE:-dw}"
    # The service database on that server: created once.
    if ! psql "$server/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '${DW_DATABASE:-dw}'" | grep -q 1; then
      psql "$server/postgres" -qc "CREATE DATABASE ${DW_DATABASE:-dw}"
      say "infra: created database ${DW_DATABASE:-dw}"
    fi
  fi
  export DATABASE_ADMIN_URL="${DATABASE_ADMIN_URL:-$DATABASE_URL}"
  say "infra: PostgreSQL at ${DATABASE_ADMIN_URL%%\?*} ($(psql "$DATABASE_ADMIN_URL" -tAc 'SHOW server_version' 2>/dev/null || echo 'version unknown'))"

  if [ -z "${KAFKA_BROKERS:-}" ]; then
    bash "$root/scripts/kafka.sh" start >&2
    export KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}"
  fi
  say "infra: Kafka at $KAFKA_BROKERS"
}

# Services that exist: a folder under services/ with src/main.ts.
existing_services() {
  local dir
  for dir in "$root"/services/*/; do
    [ -f "$dir/src/main.ts" ] && basename "$dir"
  done
}

# Fixed local ports, one per service, so the README can name them.
service_port() {
  case "$1" in
    order) echo 3001 ;; inventory) echo 3002 ;; receipt) echo 3003 ;;
    factory-delivery) echo 3004 ;; billing) echo 3005 ;; gate) echo 3006 ;; *) echo 3099 ;;
  esac
}

# Development identities: a signing key for people's tokens, secrets for integration clients.
ensure_dev_auth() {
  local dir="$run_dir/dev-auth"
  mkdir -p "$dir"
  if [ ! -f "$dir/jwks.json" ]; then
    (cd "$root" && node -r @swc-node/register scripts/mint-token.ts --sub bootstrap --roles ops >/dev/null)
  fi
  if [ ! -f "$dir/integration-clients.json" ]; then
    local exchange bank scale camera factory
    exchange=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    bank=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    scale=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    camera=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    factory=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    cat > "$dir/integration-clients.json" <<JSON
[
  { "id": "shfe", "secret": "$exchange", "role": "exchange", "name": "Exchange (development)" },
  { "id": "bank-1", "secret": "$bank", "role": "bank", "name": "Depository bank (development)" },
  { "id": "scale-1", "secret": "$scale", "role": "device", "name": "Weighbridge scale 1 (development)" },
  { "id": "cam-south-1", "secret": "$camera", "role": "device", "name": "South gate plate camera (development)" },
  { "id": "factory-1", "secret": "$factory", "role": "factory", "name": "Factory warehouse factory-1's system (development)" }
]
JSON
    chmod 600 "$dir/integration-clients.json"
  fi
}
