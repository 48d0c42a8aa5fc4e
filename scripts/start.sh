#!/bin/sh
# `npm start`: the production server (`next start`, arguments passed on) with a
# bounded JavaScript heap and the app's graceful shutdown. Left to itself, V8 grows the heap of a busy server far
# past what it holds alive (npm run bench: 0.7–1.5 GB of RSS for 60–90 MB of live
# objects), so the old generation is capped at TRADEPOST_HEAP_MB (default 256):
# garbage is collected sooner, and an instance fits a small container. Raise it
# for very large imports or exports; NODE_OPTIONS set by the operator still apply.
set -eu
cd "$(dirname "$0")/.."
heap_mb="${TRADEPOST_HEAP_MB:-256}"
case "$heap_mb" in
  ''|*[!0-9]*) echo "TRADEPOST_HEAP_MB must be a whole number of megabytes (got '$heap_mb')." >&2; exit 1 ;;
esac
export NODE_OPTIONS="--max-old-space-size=$heap_mb${NODE_OPTIONS:+ $NODE_OPTIONS}"
# SIGTERM is handled by the app (lib/lifecycle/shutdown.ts: readiness 503, drain, finish, close), not by Next.
export NEXT_MANUAL_SIG_HANDLE=1
exec node node_modules/next/dist/bin/next start "$@"
