#!/usr/bin/env bash
# The whole suite, as CI runs it: static checks, unit+integration tests on the embedded defaults,
# the same tests against the real PostgreSQL and Redis, the production build and its standalone bundle (the
# Docker image's build steps), then the browser tests against `npm run demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

POSTGRES_ADMIN_URL="${TEST_POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}"
REDIS_TEST_URL="${TEST_REDIS_SERVER_URL:-redis://127.0.0.1:6379}"

echo "== [${SECONDS}s] typecheck"
npx tsc --noEmit -p .

echo "== [${SECONDS}s] lint"
npx eslint . --max-warnings=0

echo "== [${SECONDS}s] format (Prettier, printWidth 160)"
npx prettier --check . --log-level warn

echo "== [${SECONDS}s] tests on embedded defaults (PGlite, in-process store)"
npx vitest run

echo "== [${SECONDS}s] integration tests again on PostgreSQL ($POSTGRES_ADMIN_URL) and Redis ($REDIS_TEST_URL)"
TEST_DATABASE_URL="$POSTGRES_ADMIN_URL" TEST_REDIS_URL="$REDIS_TEST_URL" npx vitest run --project integration

echo "== [${SECONDS}s] production build"
npx next build

echo "== [${SECONDS}s] bundle budgets (first-load JS of the chat iframe and tracking pages)"
npx tsx scripts/check-budgets.ts

echo "== [${SECONDS}s] standalone bundle: node server.js outside the checkout, on PostgreSQL and Redis, with the demo shop"
bash scripts/assemble-standalone.sh
TEST_POSTGRES_ADMIN_URL="$POSTGRES_ADMIN_URL" TEST_REDIS_SERVER_URL="$REDIS_TEST_URL" npx tsx scripts/check-standalone.ts

echo "== [${SECONDS}s] browser tests (Chromium)"
npx playwright test
