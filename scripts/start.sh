#!/bin/sh
# `npm start`: the production server (`next start`, arguments passed on) with the
# app's graceful shutdown and a bounded JavaScript heap: the old generation is
# capped at TRADEPOST_HEAP_MB megabytes, 256 unless set (0: Node's default, no
# cap). The live heap of a busy server stays near 80 MB once finished renders
# are released (lib/lifecycle/abort-reason-stacks.ts); without a cap V8 lets
# the old generation grow to several hundred MB before it collects
# (npm run bench, bench/RESULTS.md: RSS after the run). NODE_OPTIONS set by the
# operator still apply, after this cap.
set -eu
cd "$(dirname "$0")/.."
heap_mb="${TRADEPOST_HEAP_MB:-256}"
case "$heap_mb" in
  ''|*[!0-9]*) echo "TRADEPOST_HEAP_MB must be a whole number of megabytes, or 0 for no cap (got '$heap_mb')." >&2; exit 1 ;;
esac
if [ "$heap_mb" != 0 ]; then
  export NODE_OPTIONS="--max-old-space-size=$heap_mb${NODE_OPTIONS:+ $NODE_OPTIONS}"
fi
# SIGTERM is handled by the app (lib/lifecycle/shutdown.ts: readiness 503, drain, finish, close), not by Next.
export NEXT_MANUAL_SIG_HANDLE=1
exec node node_modules/next/dist/bin/next start "$@"
