#!/usr/bin/env bash
# Normal visitors while a slowloris holds thousands of connections (issue 19
# item 3), on loopback only: `cscwatch serve` on the corpus register, normal
# GETs of a few pages (each on a new connection, 4 at a time, from
# 127.0.0.1) first alone, as the reference, then while bench/slowloris.py
# holds N slow connections from M source addresses (127.10.x.y), each
# trickling a header byte every ~2 s and reconnecting when closed. Prints
# count, 200s, non-200s, p50 and p99 for both runs, the server's file-limit
# line and how many connections it shed.
#
#   bench/slowloris.sh [--binary PATH] [--db FILE] [--slow 5000] [--addresses 1000]
#                      [--seconds 20] [--budget N]
#
# --budget N serves with --max-connections N (0, the default: sized from the
# file limit), e.g. below --slow to make the server shed. Target: every
# normal request 200, p99 < 0.5 s with the slow connections held.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
binary="" db="" slow=5000 addresses=1000 seconds=20 budget=0
data_dir=${CSCWATCH_DATA_DIR:-$here/../shared}
while [[ $# -gt 0 ]]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --slow) slow=$2; shift 2 ;;
    --addresses) addresses=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --budget) budget=$2; shift 2 ;;
    *) echo "usage: $0 [--binary PATH] [--db FILE] [--slow 5000] [--addresses 1000] [--seconds 20] [--budget N]" >&2; exit 2 ;;
  esac
done
if [[ -z $binary ]]; then
  for b in "$here"/build/cscwatch "$here"/build-release/cscwatch; do [[ -x $b ]] && binary=$b && break; done
fi
[[ -x $binary ]] || { echo "cscwatch binary not found: build it, or pass --binary" >&2; exit 1; }

work=$(mktemp -d)
server_pid="" hold_pid=""
cleanup() {
  [[ -n $hold_pid ]] && kill "$hold_pid" 2>/dev/null && wait "$hold_pid" 2>/dev/null || true
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

serve_args=(serve --db "$db" --listen 127.0.0.1:0)
[[ $budget != 0 ]] && serve_args+=(--max-connections "$budget")
"$binary" "${serve_args[@]}" >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
base=""
for _ in $(seq 100); do
  base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" || true)
  [[ -n $base ]] && break
  sleep 0.1
done
[[ -n $base ]] || { echo "server did not start:"; cat "$work/serve.err"; exit 1; } >&2
port=${base##*:}
grep -h 'open files' "$work/serve.out" "$work/serve.err" || echo "(the server logged no file limit)"

authority=dudley
curl -sf -o /dev/null "$base/authority/$authority" || authority=$(curl -s "$base/api/register" | grep -o '"authority_slug":"[a-z0-9-]*"' | head -1 | cut -d'"' -f4)
paths=(/ "/authority/$authority" '/api/search?q=%22serious%20and%20widespread%22' /national)
for p in "${paths[@]}"; do curl -sf -o /dev/null "$base$p" || echo "warning: $p did not answer 200" >&2; done

probe_args=()
for p in "${paths[@]}"; do probe_args+=(--path "$p"); done
probe() { python3 "$here/bench/slowloris.py" probe --port "$port" --seconds "$seconds" "${probe_args[@]}"; }
row() {  # LABEL "count C 200s A non-200 B p50 X p99 Y"
  read -r _ count _ ok _ bad _ p50 _ p99 <<<"$2"
  printf '%-44s %7s %7s %8s %8s %8s\n' "$1" "$count" "$ok" "$bad" "$p50" "$p99"
}

printf '%-44s %7s %7s %8s %8s %8s\n' "normal GETs, ${seconds}s, 4 at a time" count 200s non-200 p50/s p99/s
row "no slow connections (reference)" "$(probe)"

python3 "$here/bench/slowloris.py" hold --port "$port" --connections "$slow" --addresses "$addresses" \
  --seconds $(( seconds * 3 + 60 )) >"$work/hold.out" &
hold_pid=$!
opened=0
for _ in $(seq 60); do  # until each has been opened (a minute at most)
  sleep 1
  opened=$(tail -1 "$work/hold.out" 2>/dev/null | awk '{print $4}')
  [[ ${opened:-0} -ge $slow ]] && break
done
sleep 2
held_line=$(tail -1 "$work/hold.out")
result=$(probe)
row "$slow slow connections from $addresses addresses" "$result"
echo "slow connections at the start: $held_line"
echo "slow connections at the end:   $(tail -1 "$work/hold.out")"
kill "$hold_pid" 2>/dev/null; wait "$hold_pid" 2>/dev/null || true
hold_pid=""
grep -h 'shed' "$work/serve.out" "$work/serve.err" | tail -1 || true
