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
binary="" db=""
data_dir=${CSCWATCH_DATA_DIR:-$here/../shared}
while [[ $# -gt 0 ]]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    *) echo "usage: $0 [--binary PATH] [--db FILE]" >&2; exit 2 ;;
  esac
done
if [[ -z $binary ]]; then
  for b in "$here"/build/cscwatch "$here"/build-release/cscwatch; do [[ -x $b ]] && binary=$b && break; done
fi
[[ -x $binary ]] || { echo "cscwatch binary not found: build it, or pass --binary" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z $db ]]; then
  db=$work/bench.db
  echo "ingesting $data_dir/corpus/pdf into a temporary register..."
  "$binary" ingest --db "$db" --data-dir "$data_dir" -q "$data_dir/corpus/pdf" >/dev/null || true
  [[ -f $db ]] || { echo "ingest failed" >&2; exit 1; }
fi

started=$SECONDS
"$binary" serve --db "$db" --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
base=""
for _ in $(seq 600); do
  base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" || true)
  [[ -n $base ]] && grep -q 'national analyses ready' "$work/serve.err" && break
  sleep 0.1
done
[[ -n $base ]] || { echo "server did not start:"; cat "$work/serve.err"; exit 1; } >&2
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
