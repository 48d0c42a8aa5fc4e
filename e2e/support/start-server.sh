#!/usr/bin/env bash
# Starts the production build for the Playwright run: a fresh embedded
# database seeded with the demo first (a production start never seeds), then
# `next start` as a public demo whose emails go to the suite's Resend stand-in
# and whose DNS lookups (custom-domain checks) go to the specs' loopback DNS server.
set -euo pipefail
port="$1"
mail_port="${2:-$((port + 1))}"
dns_port="${3:-$((port + 2))}"
data_dir="${E2E_DATA_DIR:-${TMPDIR:-/tmp}/tradepost-e2e-$port}"
rm -rf "$data_dir" "$data_dir.lock"
export PGLITE_DATA_DIR="$data_dir"
export DATABASE_URL=""
npx tsx scripts/seed.ts --devices 10000 >/dev/null

export NODE_ENV=production
export AUTH_SECRET="${AUTH_SECRET:-e2e-secret-not-for-production-0123456789}"
export APP_URL="http://127.0.0.1:$port"
export APP_HOSTS="www.tradepost.test"
export TRADEPOST_PUBLIC_DEMO=1
# Serves the pages that throw, for the error pages' check (e2e/states.spec.ts); gated like the bench floor.
export TRADEPOST_ERROR_PROBE=1
export RESEND_API_KEY=re_e2e_stand_in
export RESEND_BASE_URL="http://127.0.0.1:$mail_port"
export DNS_SERVERS="127.0.0.1:$dns_port"
export PORT="$port"
# The server's output goes to test-logs/e2e/ (scripts/scan-test-logs.ts checks it for secrets);
# Playwright shows all but the info lines (one a request), so its output stays readable.
mkdir -p test-logs/e2e
exec node node_modules/next/dist/bin/next start -p "$port" -H 127.0.0.1 \
  > >(tee -a "test-logs/e2e/server-$port.log" | grep --line-buffered -v '^{"level":"info"') 2>&1
