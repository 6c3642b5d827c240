#!/usr/bin/env bash
# bench/update.sh [BUILD_DIR] [AUTHORITIES...|all]: `cscwatch update` against a
# local stand-in of Ofsted's site (bench/update_standin.py) serving the
# shared corpus. Run 1 starts from nothing with reports published after
# 2022-12-31 held back; run 2 sees nothing new; then the held-back reports
# are "published" and run 3 takes them up; run 4 again sees nothing new.
# Prints each run's time, what it reported and the change log's size.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}; shift || true
authorities=("$@")
[ ${#authorities[@]} -gt 0 ] || authorities=(dudley)
data=${CSCWATCH_DATA_DIR:-../shared}
work=$(mktemp -d /tmp/cscwatch-update-bench-XXXXXX)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
RELEASE_AFTER=2022-12-31 RELEASE_FLAG=$work/released /usr/bin/python3 bench/update_standin.py "$data" $port &
server=$!
sleep 1
args=(--db "$work/register.db" --data-dir "$work/data" update --site "http://127.0.0.1:$port"
      --reference-url "http://127.0.0.1:$port/authorities.csv")
# "all": every authority in the reference table, as a timer runs it.
[ "${authorities[0]}" = all ] || for a in "${authorities[@]}"; do args+=(--authority "$a"); done
run() {
  local start end
  start=$(date +%s.%N)
  "$build/cscwatch" "${args[@]}" > "$work/out" 2> "$work/err" || true
  end=$(date +%s.%N)
  printf '| %s | %.2f s | %s | %s |\n' "$1" "$(echo "$end - $start" | bc)" "$(tail -1 "$work/out")" \
    "$(sqlite3 "$work/register.db" 'SELECT COUNT(*) FROM change_log')"
}
echo "| run | time | cscwatch update said | change log rows |"
echo "|---|---|---|---|"
run "1: from nothing (reports after 2022 held back)"
run "2: nothing new"
touch "$work/released"
run "3: the held-back reports published"
run "4: nothing new"
echo
echo "changes recorded by run 3:"
sqlite3 "$work/register.db" "SELECT '  ' || kind || ': ' || summary FROM change_log WHERE id > (SELECT SUM(changes) FROM update_runs WHERE id < 3) ORDER BY id"
echo
echo "failures of run 4 (what the stand-in cannot serve):"
sqlite3 "$work/register.db" "SELECT failures FROM update_runs WHERE id = 4" | sed 's/^/  /'
echo
echo "update_runs:"
sqlite3 -header -column "$work/register.db" "SELECT id, outcome, downloaded, ingested, changes FROM update_runs"
