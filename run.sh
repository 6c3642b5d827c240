#!/usr/bin/env bash
# Builds cscwatch, ingests the report corpus into the embedded register and
# serves the web application.
#   ./run.sh                 (data from ../shared, register cscwatch.db, http://127.0.0.1:8080)
# Environment: CSCWATCH_DATA (data folder), CSCWATCH_DB (register file),
# CSCWATCH_LISTEN (host:port), CSCWATCH_BUILD_DIR (default build-release), CSCWATCH_REUSE_BUILD=1, SKIP_DEPS=1 to skip the apt-get step (node and
# npm must then be present for the interactive chart).
set -euo pipefail
cd "$(dirname "$0")"
DATA=${CSCWATCH_DATA:-../shared}
DB=${CSCWATCH_DB:-cscwatch.db}
LISTEN=${CSCWATCH_LISTEN:-127.0.0.1:8080}
BUILD=${CSCWATCH_BUILD_DIR:-build-release}
if [ "${SKIP_DEPS:-0}" != 1 ]; then
  extra=()
  command -v npm >/dev/null || extra+=(nodejs npm)
  scripts/install-deps.sh "${extra[@]}"
fi
# The pages' front-end packages (Chart.js, embedded into the binary by the
# build): without them the authority page has no interactive chart.
if command -v npm >/dev/null; then
  (cd web && npm ci --no-audit --no-fund) ||
    echo "run.sh: npm ci failed: the build may lack Chart.js (the interactive chart)" >&2
else
  echo "run.sh: npm not found: building without Chart.js (install nodejs and npm, or drop SKIP_DEPS)" >&2
fi
# Its own build folder: the test build (./test.sh) turns warnings into errors.
# CSCWATCH_REUSE_BUILD=1 with CSCWATCH_BUILD_DIR: an existing build folder is
# brought up to date as it is configured (scripts/check-run.sh uses the tests').
if [ "${CSCWATCH_REUSE_BUILD:-0}" = 1 ] && [ -f "$BUILD/CMakeCache.txt" ]; then
  cmake --build "$BUILD" -j "$(nproc)" --target cscwatch
else
  scripts/build.sh "$BUILD" Release -DCSCWATCH_WERROR=OFF -DCSCWATCH_TESTS=OFF
fi
# Incremental: unchanged reports are skipped; failures (the corpus holds four
# HTML error pages saved as .pdf) are listed and do not stop the run.
"$BUILD"/cscwatch ingest --db "$DB" --data-dir "$DATA" "$DATA/corpus/pdf" || true
exec "$BUILD"/cscwatch serve --db "$DB" --listen "$LISTEN"
