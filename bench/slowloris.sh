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
# shellcheck source=bench/lib/serve.sh
source "$here/bench/lib/serve.sh"
slow=5000 addresses=1000 seconds=20 budget=0
bench_options "[--binary PATH] [--db FILE] [--slow 5000] [--addresses 1000] [--seconds 20] [--budget N]" \
  --slow --addresses --seconds --budget -- "$@"
bench_setup
serve_args=()
[[ $budget != 0 ]] && serve_args+=(--max-connections "$budget")
bench_serve "${serve_args[@]}"
grep -h 'open files' "$work/serve.out" "$work/serve.err" || echo "(the server logged no file limit)"

authority=$(bench_authority)
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
bench_track "$hold_pid"
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
bench_stop "$hold_pid"
grep -h 'shed' "$work/serve.out" "$work/serve.err" | tail -1 || true
