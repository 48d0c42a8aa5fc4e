#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit and integration tests (PGlite, and PostgreSQL
# when one answers), then, against a production build, the reliability suite
# (two instances on a PostgreSQL server of its own, docs/RELIABILITY.md), the
# read replica suite (a primary and a streaming replica, docs/SCALING.md) and
# the Playwright suite. The servers of the reliability suite and Playwright keep
# their output under test-logs/, which scripts/scan-test-logs.ts checks for the
# demo password and tokens.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step says when it starts (seconds since npm test began), so a slow stage shows in the CI log.
step() { printf '\n\033[1m== %s\033[0m (at %ss)\n' "$*" "$SECONDS"; }

step "Chromium for Playwright"
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing; installing Debian's chromium package."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "Chromium is missing. Install it with:"
    echo "  sudo apt-get install -y --no-install-recommends chromium"
    echo "or set CHROMIUM_PATH to a Chromium or Chrome binary."
    exit 1
  fi
fi
echo "using $chromium_path"

step "Dependency advisories (npm audit --omit=dev)"
node scripts/audit.mjs

step "Typecheck"
npx tsc --noEmit

step "Lint"
npx eslint . --max-warnings 0

step "Unit and integration tests"
pg_url="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if node -e "
  const postgres = require('postgres');
  const sql = postgres(process.argv[1], { max: 1, connect_timeout: 3, onnotice: () => {} });
  sql\`select 1\`.then(() => sql.end().then(() => process.exit(0)), () => process.exit(1));
" "$pg_url" 2>/dev/null; then
  echo "PostgreSQL answers at $pg_url: integration tests run on PGlite and on PostgreSQL."
  export TEST_POSTGRES=1
else
  echo "No PostgreSQL at $pg_url: integration tests run on PGlite only."
  export TEST_POSTGRES=0
fi
npx vitest run

step "Production build"
npx next build

step "Reliability suite (two production instances, faults, isolation matrix)"
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL server binaries are missing; installing Debian's postgresql package."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  else
    echo "The reliability suite starts a PostgreSQL server of its own. Install the binaries with:"
    echo "  sudo apt-get install -y --no-install-recommends postgresql"
    exit 1
  fi
fi
rm -rf test-logs/reliability
TEST_RELIABILITY=1 npx vitest run --project reliability

step "Read replicas (a primary and a streaming replica of their own, docs/SCALING.md)"
TEST_REPLICAS=1 npx vitest run --project replicas

step "Reliability servers' logs hold no password or token"
npx tsx scripts/scan-test-logs.ts test-logs/reliability

step "Playwright (Chromium)"
rm -rf test-logs/e2e
npx playwright test

step "Playwright servers' logs hold no password or token"
npx tsx scripts/scan-test-logs.ts test-logs/e2e
step "npm test passed"
