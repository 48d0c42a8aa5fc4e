#!/bin/sh
# `npm start`: the production server (`next start`, arguments passed on) with the
# app's graceful shutdown, and optionally a bounded JavaScript heap: with
# TRADEPOST_HEAP_MB set, the old generation is capped at that many megabytes.
# Not set by default: under sustained For Sale load the live heap still grows
# (npm run bench, 2026-12-02: 60 MB after start to 200 MB after 75 s), and a cap
# of 256 MB ended in "heap out of memory" within two minutes. NODE_OPTIONS set by
# the operator still apply.
set -eu
cd "$(dirname "$0")/.."
if [ -n "${TRADEPOST_HEAP_MB:-}" ]; then
  case "$TRADEPOST_HEAP_MB" in
    *[!0-9]*) echo "TRADEPOST_HEAP_MB must be a whole number of megabytes (got '$TRADEPOST_HEAP_MB')." >&2; exit 1 ;;
  esac
  export NODE_OPTIONS="--max-old-space-size=$TRADEPOST_HEAP_MB${NODE_OPTIONS:+ $NODE_OPTIONS}"
fi
# SIGTERM is handled by the app (lib/lifecycle/shutdown.ts: readiness 503, drain, finish, close), not by Next.
export NEXT_MANUAL_SIG_HANDLE=1
exec node node_modules/next/dist/bin/next start "$@"
