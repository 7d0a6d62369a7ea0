#!/bin/sh
# dw-service <service> [serve|provision|rebuild [projection…]|verify [stream…]]
set -e
service="$1"
[ -n "$service" ] && shift
[ -f "/app/services/$service/src/main.ts" ] || { echo "unknown service '$service'" >&2; exit 64; }
[ "$#" -eq 0 ] && set -- serve
export SERVICE_NAME="${SERVICE_NAME:-$service}"
exec node -r @swc-node/register "/app/services/$service/src/main.ts" "$@"
