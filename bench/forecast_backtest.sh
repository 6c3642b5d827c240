#!/usr/bin/env bash
# Forecast backtest: ingest the corpus into a scratch register, then judge the
# forecast as at several past dates (cscwatch forecast --backtest DATE) and
# print, for each, how the next inspections in the register fell against the
# windows derived from the record and against Ofsted's fixed 30-42 months.
#
#   bench/forecast_backtest.sh [BUILD_DIR] [DATA_DIR] [DATE...]
#       (defaults: build, ../shared, 2019-01-01 2021-01-01 2023-01-01 2024-06-01)
#
# A later inspection is scored against the window when the register holds it;
# the corpus is a sample, so a missing report makes an interval look longer.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
DATA=${2:-../shared}
shift $(( $# < 2 ? $# : 2 ))
DATES=("$@")
[ ${#DATES[@]} -gt 0 ] || DATES=(2019-01-01 2021-01-01 2023-01-01 2024-06-01)
[ -x "$BUILD/cscwatch" ] || { echo "no $BUILD/cscwatch: build first" >&2; exit 2; }
[ -d "$DATA/corpus/pdf" ] || { echo "no corpus at $DATA/corpus/pdf: pass the data folder as the second argument" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$BUILD/cscwatch" ingest --quiet --db "$work/register.db" --data-dir "$DATA" "$DATA/corpus/pdf" >/dev/null 2>&1 || true

printf '%-10s  %-6s  %5s  %-9s  %6s  %5s  %12s  %7s\n' date rule later inside before after re-insp-pred overdue
for d in "${DATES[@]}"; do
  "$BUILD/cscwatch" forecast --db "$work/register.db" --backtest "$d" > "$work/out"
  awk -v d="$d" '
    /^Backtest as at/ { rule = ($0 ~ /derived/) ? "record" : "cycle" }
    /later inspections with a window:/ { later[rule] = $NF }
    /inside the window:/ { inside[rule] = $4 " " $5 }
    /before it opened:/ { before[rule] = $4 }
    /after it closed:/ { after[rule] = $4 }
    /re-inspections after inadequate:/ { n = $4; p = $5; sub(/\(/, "", p); reinsp[rule] = p "/" n }
    /not inspected again by/ { overdue[rule] = $6 }
    END {
      split("record cycle", rules, " ")
      for (i = 1; i <= 2; i++) { r = rules[i]
        printf "%-10s  %-6s  %5s  %-9s  %6s  %5s  %12s  %7s\n", d, r, later[r], inside[r], before[r], after[r], reinsp[r], overdue[r] }
    }' "$work/out"
done
