#!/usr/bin/env bash
# First views of every kind of page on a warm register (issue 19: under 200 ms
# each): starts `cscwatch serve`, waits until it says its national analyses
# are ready, then asks for each page once (its first view: nothing in the
# response cache) and again (answered from the cache: the reference), and
# prints both in milliseconds, the slowest first view last.
#
#   bench/first_views.sh [--binary PATH] [--db FILE]
#
# Without --db, the shared corpus (../shared, or $CSCWATCH_DATA_DIR) is
# ingested into a temporary register first.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib/serve.sh
source "$here/bench/lib/serve.sh"
bench_options "[--binary PATH] [--db FILE]" -- "$@"
bench_setup
started=$SECONDS
bench_serve --ready 'national analyses ready'
echo "server ready after $((SECONDS - started)) s: $(grep 'national analyses' "$work/serve.err" || echo 'analyses not reported')"

report=$(curl -s "$base/api/authorities/dudley" | grep -o '"/report/[0-9]*"' | head -1 | tr -d '"' || true)
[[ -n $report ]] || report=/report/1
inspector=$(curl -s "$base/api/inspectors" | grep -o '"slug":"[a-z0-9-]*"' | head -1 | cut -d'"' -f4 || true)
pages=(/ "/?grade=inadequate&ever=1" /authority/dudley /authority/bournemouth-christchurch-and-poole
  "$report" "$report/page/1" /search "/search?q=%22serious+and+widespread%22" /review /news /national
  "/national?as_at=2018-06-01" /national/phrases "/national/phrases?framework=SIF" /national/persistence
  /inspectors "/inspectors/$inspector" /changes /interventions "/interventions?now=1" /login
  /feeds/national.atom /api/register /api/national /api/interventions)

ms() { curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base$1" | awk '{printf "%s %.1f\n", $1, $2 * 1000}'; }
printf '%-52s %6s %12s %12s\n' page status "first (ms)" "cached (ms)"
for p in "${pages[@]}"; do
  read -r status first < <(ms "$p")
  read -r _ again < <(ms "$p")
  printf '%-52s %6s %12s %12s\n' "$p" "$status" "$first" "$again"
done | sort -k3 -n
