#!/usr/bin/env bash
# Vercel "Ignored Build Step" for the Slotbase API (same idea as Cal.com's
# scripts/vercel-deploy.sh): exit 1 = go on and build, exit 0 = skip this deployment.
# Builds only when something the API is built from changed since the last deployed commit
# (VERCEL_GIT_PREVIOUS_SHA); builds when that is unknown (first deployment, or the previous
# commit is not in the clone).
#
# Vercel project settings:
#   Framework preset:    Next.js
#   Root directory:      (repository root; vercel.json there sets the commands below)
#   Install command:     node .yarn/releases/yarn-4.18.1.cjs install --immutable
#   Build command:       node .yarn/releases/yarn-4.18.1.cjs build
#   Output directory:    apps/api/.next
#   Ignored build step:  bash scripts/vercel-deploy.sh
#   Node.js version:     20.x
#   Environment:         DATABASE_URL is required. The embedded database (PGlite, used
#                        when DATABASE_URL is unset) is single-process and writes to local
#                        disk: not for serverless. Use a PostgreSQL 15+ server (a pooled
#                        connection string is best; DATABASE_POOL_MAX stays small, default 5).
#                        Optional: APIKEY_PREFIX, APIKEY_CACHE_TTL_MS, CORS_ORIGIN,
#                        LOG_LEVEL (see .env.example).
#   (Alternative layout: Root directory apps/api with "Include files outside the root
#   directory" on, install/build commands prefixed with `cd ../.. &&`, output .next.)
#   Before deploying:    DATABASE_URL=... yarn db:migrate   (migrations are not run by the build)
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
