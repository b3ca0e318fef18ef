#!/usr/bin/env bash
# Vercel "Ignored Build Step" for the Slotbase API (same idea as Cal.com's
# scripts/vercel-deploy.sh): exit 1 = go on and build, exit 0 = skip this deployment.
# Builds only when something the API is built from changed since the last deployed commit
# (VERCEL_GIT_PREVIOUS_SHA); builds when that is unknown (first deployment, or the previous
# commit is not in the clone).
#
# Vercel project settings (vercel.json at the repository root sets the commands; the seed's
# "BUILD COMMAND: yarn turbo run build --scope=@calcom/api ..." becomes `yarn build`, which
# builds apps/api and the packages it transpiles, and "OUTPUT DIRECTORY: apps/api/.next" stays):
#   Framework preset:    Next.js
#   Root directory:      (repository root)
#   Install command:     node .yarn/releases/yarn-4.18.1.cjs install --immutable
#   Build command:       node .yarn/releases/yarn-4.18.1.cjs db:migrate && node .yarn/releases/yarn-4.18.1.cjs build
#                        (migrations run on every deployment, under an advisory lock, before
#                        the build; give preview deployments their own DATABASE_URL)
#   Output directory:    apps/api/.next
#   Ignored build step:  bash scripts/vercel-deploy.sh
#   Node.js version:     20.x
#   Cron:                vercel.json's crons call GET /api/cron/deliver every minute with
#                        Authorization: Bearer $CRON_SECRET: functions are frozen after their
#                        response, so this is what sends emails and webhooks (the in-process
#                        senders are off when VERCEL=1).
#   Environment:         DATABASE_URL (required; PostgreSQL 15+, not the embedded database,
#                        which is single-process and writes to local disk), CRON_SECRET
#                        (required for delivery), DATABASE_PREPARED_STATEMENTS=off behind a
#                        transaction-mode pooler (PgBouncer before 1.21, Supabase/Neon poolers),
#                        DATABASE_POOL_MAX small (default 5), TRUSTED_PROXIES=* (Vercel sets
#                        X-Forwarded-For), REDIS_URL (rate limits shared by every function
#                        instance), EMAIL_SERVER; optional APIKEY_PREFIX, CORS_ORIGIN, LOG_LEVEL
#                        (see .env.example).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

WATCHED=(apps/api packages yarn.lock turbo.json package.json .yarnrc.yml .yarn/releases vercel.json)

echo "VERCEL_ENV: ${VERCEL_ENV:-unset}  commit: ${VERCEL_GIT_COMMIT_SHA:-unknown}  previous: ${VERCEL_GIT_PREVIOUS_SHA:-unset}"

if [ -z "${VERCEL_GIT_PREVIOUS_SHA:-}" ]; then
  echo "✅ No previous deployment known: building"
  exit 1
fi

# Vercel clones shallowly: fetch the previous commit if it is not there.
if ! git cat-file -e "${VERCEL_GIT_PREVIOUS_SHA}^{commit}" 2>/dev/null; then
  git fetch --quiet --depth=1 origin "$VERCEL_GIT_PREVIOUS_SHA" 2>/dev/null || true
fi
if ! git cat-file -e "${VERCEL_GIT_PREVIOUS_SHA}^{commit}" 2>/dev/null; then
  echo "✅ Previous commit ${VERCEL_GIT_PREVIOUS_SHA} not available: building"
  exit 1
fi

if git diff --quiet "$VERCEL_GIT_PREVIOUS_SHA" HEAD -- "${WATCHED[@]}"; then
  echo "🛑 Nothing the API is built from changed since ${VERCEL_GIT_PREVIOUS_SHA}: skipping the build"
  exit 0
fi

echo "✅ Changes since ${VERCEL_GIT_PREVIOUS_SHA}:"
git diff --name-only "$VERCEL_GIT_PREVIOUS_SHA" HEAD -- "${WATCHED[@]}" | head -20
exit 1
