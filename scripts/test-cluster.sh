#!/usr/bin/env bash
# `npm run test:cluster`: two production instances behind nginx with the shipped
# deploy/nginx/tradepost.conf, on a PostgreSQL server of the suite's own, and
# through PgBouncer (test/cluster/, docs/DEPLOY.md). Needs Debian's nginx,
# pgbouncer and postgresql packages (installed here when missing and root) and
# the production build (made here when there is none).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's ${missing[*]}."
    apt-get update -qq
    # Only the binaries are used: the packages' own services are never started by the suite.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The cluster suite needs Debian's ${missing[*]}. Install with:"
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
fi

if [ ! -f .next/BUILD_ID ]; then
  echo "No production build: building."
  npx next build
fi

TEST_CLUSTER=1 npx vitest run --project cluster "$@"
