#!/usr/bin/env bash
# Starts the production build on a fresh embedded database for the Playwright run.
set -euo pipefail
port="$1"
data_dir="${E2E_DATA_DIR:-${TMPDIR:-/tmp}/tradepost-e2e-$port}"
rm -rf "$data_dir" "$data_dir.lock"
export PGLITE_DATA_DIR="$data_dir"
export DATABASE_URL=""
export AUTH_SECRET="${AUTH_SECRET:-e2e-secret-not-for-production-0123456789}"
export AUTH_TRUST_HOST=true
export PORT="$port"
exec node node_modules/next/dist/bin/next start -p "$port" -H 127.0.0.1
