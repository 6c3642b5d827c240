# shellcheck shell=bash
# Sourced by the bench scripts that measure `cscwatch serve` (http.sh,
# slowloris.sh, first_views.sh, page_images.sh): finding the binary, a scratch
# folder that is removed on exit, the corpus register, starting the server on
# a free loopback port and waiting for it, and stopping what was started.
#
#   here=$(cd "$(dirname "$0")/.." && pwd)
#   source "$here/bench/lib/serve.sh"   # sets data_dir, binary="", db=""
#   pages=80 coverage=0                 # the script's own options' defaults
#   bench_options "[--binary PATH] [--db FILE] [--pages 80] [--coverage]" --pages --coverage=1 -- "$@"
#   bench_setup                         # binary, $work, register
#   bench_serve [ARG...]                # sets server_pid, base, port
#
# The caller sets `here` (the checkout) and runs under `set -euo pipefail`.

data_dir=${CSCWATCH_DATA_DIR:-$here/../shared}
binary="" db=""
work="" server_pid="" base="" port=""
bench_pids=()  # background processes the exit trap stops, the last started first

# bench_options USAGE OPTION... -- ARG...: parses the script's arguments:
# --binary PATH, --db FILE and each OPTION, "--name" taking a value into the
# variable name (dashes as underscores), "--name=V" a flag setting it to V.
# Anything else prints "usage: SCRIPT USAGE" and exits 2.
bench_options() {
  local usage=$1 spec name
  local -A value=() flag=()
  shift
  while [[ $1 != -- ]]; do
    spec=$1 name=${1%%=*}
    name=${name#--}
    if [[ $spec == *=* ]]; then flag[--$name]=${spec#*=}; else value[--$name]=1; fi
    shift
  done
  shift
  while [[ $# -gt 0 ]]; do
    name=${1#--}
    name=${name//-/_}
    case $1 in
      --binary) binary=$2; shift 2 ;;
      --db) db=$2; shift 2 ;;
      *) if [[ -n ${value[$1]:-} ]]; then printf -v "$name" '%s' "$2"; shift 2
         elif [[ -n ${flag[$1]:-} ]]; then printf -v "$name" '%s' "${flag[$1]}"; shift
         else echo "usage: $0 $usage" >&2; exit 2
         fi ;;
    esac
  done
}

# bench_setup: the binary, $work and the register (bench_find_binary,
# bench_work_dir, bench_ingest).
bench_setup() {
  bench_find_binary
  bench_work_dir
  bench_ingest
}

# bench_find_binary: with no --binary, an optimised build (never the sanitizer
# build: build-asan sorts first); exits 1 when there is none.
bench_find_binary() {
  local b
  if [[ -z $binary ]]; then
    for b in "$here"/build/cscwatch "$here"/build-release/cscwatch; do [[ -x $b ]] && binary=$b && break; done
  fi
  [[ -x $binary ]] || { echo "cscwatch binary not found: build it, or pass --binary" >&2; exit 1; }
}

# bench_work_dir: $work, a scratch folder; on exit every process bench_track
# was given is stopped and the folder removed.
bench_work_dir() {
  work=$(mktemp -d)
  trap bench_cleanup EXIT
}

bench_cleanup() {
  local i
  for ((i = ${#bench_pids[@]} - 1; i >= 0; i--)); do bench_stop "${bench_pids[i]}"; done
  rm -rf "$work"
}

# bench_track PID: stop PID on exit (with the server, which is tracked itself).
bench_track() { bench_pids+=("$1"); }

# bench_stop PID: stops it now (if still running) and waits for it.
bench_stop() {
  local pid=$1 i
  if kill "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null || true; fi
  for i in "${!bench_pids[@]}"; do [[ ${bench_pids[i]} == "$pid" ]] && unset 'bench_pids[i]'; done
  bench_pids=("${bench_pids[@]}")
}

# bench_ingest: with no --db, the shared corpus ingested into $work/bench.db
# (some files fail on purpose: the register is usable once written).
bench_ingest() {
  [[ -n $db ]] && return 0
  db=$work/bench.db
  echo "ingesting $data_dir/corpus/pdf into a temporary register..."
  "$binary" ingest --db "$db" --data-dir "$data_dir" -q "$data_dir/corpus/pdf" >/dev/null || true
  [[ -f $db ]] || { echo "ingest failed" >&2; exit 1; }
}

# bench_serve [--ready TEXT] [ARG...]: `cscwatch serve --db $db --listen
# 127.0.0.1:0 ARG...` in the background, its output in $work/serve.out and
# $work/serve.err; returns once it says where it listens (10 s at most) or,
# with --ready, once its stderr also says TEXT (60 s at most). Sets
# server_pid, base (http://127.0.0.1:PORT) and port; exits 1 when it did not
# start.
bench_serve() {
  local ready="" tries=100
  if [[ ${1:-} == --ready ]]; then ready=$2 tries=600; shift 2; fi
  "$binary" serve --db "$db" --listen 127.0.0.1:0 "$@" >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  bench_track "$server_pid"
  base=""
  for _ in $(seq "$tries"); do
    base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" || true)
    [[ -n $base ]] && { [[ -z $ready ]] || grep -q "$ready" "$work/serve.err"; } && break
    sleep 0.1
  done
  [[ -n $base ]] || { echo "server did not start:"; cat "$work/serve.err"; exit 1; } >&2
  # shellcheck disable=SC2034  # for the caller
  port=${base##*:}
}

# bench_authority: the authority page to ask for, Dudley if present, else the
# first authority in the register.
bench_authority() {
  if curl -sf -o /dev/null "$base/authority/dudley"; then
    echo dudley
  else
    curl -s "$base/api/register" | grep -o '"authority_slug":"[a-z0-9-]*"' | head -1 | cut -d'"' -f4
  fi
}
