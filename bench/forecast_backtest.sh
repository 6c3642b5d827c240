#!/usr/bin/env bash
# Forecast backtest: ingest the corpus into a scratch register, then judge the
# forecast as at several past dates (cscwatch forecast --backtest DATE) and
# print, for each, the register's forecast (the current round's order moved by
# grade, and pace), the same queue by last inspection alone, beside the plain baseline (last inspection + 36 months +/- 6), the
# windows from intervals over the whole record, and Ofsted's fixed 30-42
# months: inspections inside their windows, early, late, the mean window,
# windows that closed with no inspection, and the round's stated coverage.
#
#   bench/forecast_backtest.sh [BUILD_DIR] [DATA_DIR] [DATE...]
#       (defaults: build, ../shared, 2019-01-01 2021-01-01 2023-01-01 2023-09-18
#        2024-01-01 2024-03-18: the last two a year before the customer's test
#        date, 2025-03-18; the register ends about 2025-01-31, so later dates
#        score only the few inspections begun before then)
#   CSCWATCH_DB=path reuses an ingested register instead of ingesting.
#
# A later inspection is scored against the window when the register holds it;
# the corpus is a sample, so a missing report makes an interval look longer.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
DATA=${2:-../shared}
shift $(( $# < 2 ? $# : 2 ))
DATES=("$@")
[ ${#DATES[@]} -gt 0 ] || DATES=(2019-01-01 2021-01-01 2023-01-01 2023-09-18 2024-01-01 2024-03-18)
[ -x "$BUILD/cscwatch" ] || { echo "no $BUILD/cscwatch: build first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=${CSCWATCH_DB:-}
if [ -z "$db" ]; then
  [ -d "$DATA/corpus/pdf" ] || { echo "no corpus at $DATA/corpus/pdf: pass the data folder as the second argument" >&2; exit 2; }
  db="$work/register.db"
  "$BUILD/cscwatch" ingest --quiet --db "$db" --data-dir "$DATA" "$DATA/corpus/pdf" >/dev/null 2>&1 || true
fi
for d in "${DATES[@]}"; do
  "$BUILD/cscwatch" forecast --db "$db" --backtest "$d" | sed -n '1,/^$/p'
done
