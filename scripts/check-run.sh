#!/usr/bin/env bash
# Checks the README's main command the way a newcomer meets it: ./run.sh on a
# register of its own, then every page
# linked from the front page's navigation, one authority page and one report
# page, and every asset those pages ask for (stylesheet, script, the chart
# library) must answer 200 — and the authority page must offer its interactive
# chart, not the "chart unavailable" note.
#   scripts/check-run.sh          (a clean build folder of run.sh's own)
#   scripts/check-run.sh BUILD    (reuses BUILD, e.g. the tests' build: .ci/run)
# With BUILD, run.sh's own configuration (no tests) is still configured from
# scratch, so that the main command cannot come to depend on the tests' CMake.
set -euo pipefail
cd "$(dirname "$0")/.."
reuse=${1:-}
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "check-run: $*" >&2; exit 1; }

build_dir="$work/build"
if [ -n "$reuse" ]; then
  [ -f "$reuse/CMakeCache.txt" ] || fail "$reuse is not a configured build folder"
  cmake -S . -B "$work/configure-check" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCSCWATCH_TESTS=OFF >"$work/configure.log" 2>&1 ||
    { cat "$work/configure.log" >&2; fail "run.sh's configuration (no tests) does not configure"; }
  grep -q 'build cscwatch:' "$work/configure-check/build.ninja" || fail "run.sh's configuration has no cscwatch target"
  build_dir=$(cd "$reuse" && pwd)
fi
# run.sh builds, ingests and serves (exec), so the server is its process.
SKIP_DEPS=${SKIP_DEPS:-1} CSCWATCH_BUILD_DIR="$build_dir" CSCWATCH_REUSE_BUILD=$([ -n "$reuse" ] && echo 1 || echo 0) \
  CSCWATCH_DB="$work/cscwatch.db" CSCWATCH_LISTEN=127.0.0.1:0 ./run.sh >"$work/run.log" 2>&1 &
server=$!
base=""
for _ in $(seq 1 1800); do  # a fresh build takes minutes on two cores
  base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/run.log" | head -1 || true)
  [ -n "$base" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/run.log" >&2; fail "run.sh stopped before serving"; }
  sleep 1
done
[ -n "$base" ] || fail "run.sh did not start serving within 30 minutes"
echo "check-run: ./run.sh serves at $base"

get() {  # get PATH OUTFILE: fails unless the answer is 200
  local code
  code=$(curl -s -o "$2" -w '%{http_code}' "$base$1") || fail "$1: no answer"
  [ "$code" = 200 ] || fail "$1 answered $code"
}
get / "$work/front.html"
mapfile -t pages < <(
  { grep -o '<nav>.*</nav>' "$work/front.html" | grep -o 'href="/[^"]*"' | cut -d'"' -f2
    grep -o 'href="/authority/[^"]*"' "$work/front.html" | head -1 | cut -d'"' -f2
    grep -o 'href="/report/[0-9]*"' "$work/front.html" | head -1 | cut -d'"' -f2
  } | sort -u)
[ "${#pages[@]}" -ge 3 ] || fail "the front page links to too few pages (${pages[*]:-none})"
assets=()
i=0
for p in "${pages[@]}"; do
  i=$((i + 1))
  get "$p" "$work/page$i.html"
  mapfile -t -O "${#assets[@]}" assets < <(grep -o '\(href\|src\)="/static/[^"]*"' "$work/page$i.html" | cut -d'"' -f2)
  case "$p" in
    /authority/*)
      grep -q 'chart-unavailable' "$work/page$i.html" && fail "$p says its interactive chart is unavailable"
      grep -q '/static/chart.umd.js' "$work/page$i.html" || fail "$p does not load the chart library" ;;
  esac
done
mapfile -t assets < <(printf '%s\n' /static/app.css "${assets[@]}" | sort -u)
for a in "${assets[@]}"; do get "$a" "$work/asset"; done
echo "check-run: ${#pages[@]} pages (${pages[*]}) and ${#assets[@]} assets (${assets[*]}) answered 200"
