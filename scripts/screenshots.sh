#!/usr/bin/env bash
# `npm run screenshots`: rewrites docs/screenshots/*.png (shown in the README)
# from the demo, on a production build (built first when there is none).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f .next/BUILD_ID ]; then
  echo "No production build yet: running next build first."
  npx next build
fi
npx playwright test -c playwright.screenshots.config.ts "$@"
echo "Screenshots written to docs/screenshots/."
