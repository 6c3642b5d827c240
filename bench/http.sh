#!/usr/bin/env bash
# HTTP benchmark of `cscwatch serve`: wrk against the national register (/),
# an authority page and a search API call, 10 s each at 64 connections, on
# loopback only. Prints requests/s, p50 and p99 latency and errors.
#
# Then search under load, at 16 connections: the same search every time
# (answered from the response cache) beside a different search on every
# request (bench/distinct_search.lua, words from the register's own index:
# bench/search_words.sql), which no cache can answer; target p99 < 50 ms, 0
# errors. And a burst of 64 identical new searches sent at once, which share
# one computation.
#
#   bench/http.sh [--binary PATH] [--db FILE] [--duration 10s] [--connections 64] [--search-only]
#
# Without --db, the shared corpus (../shared, or $CSCWATCH_DATA_DIR) is
# ingested into a temporary register first. Targets (2-core machine): 0
# errors, p99 < 20 ms for pages and < 10 ms for search.
#
# Last, the same requests while 200 slow clients (--slow N) hold connections,
# each sending one header line a second and reconnecting when the server's
# request-head deadline closes it: the p99 next to the plain figure.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib/serve.sh
source "$here/bench/lib/serve.sh"
duration=10s connections=64 threads=2 slow=200 search_only=0
# --search-only: only the search-under-load runs.
bench_options "[--binary PATH] [--db FILE] [--duration 10s] [--connections 64] [--slow 200] [--search-only]" \
  --duration --connections --slow --search-only=1 -- "$@"
command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 1; }
bench_setup
# wrk's connections all come from 127.0.0.1: allow them past the per-address limit.
bench_serve --max-connections-per-address 256
authority=$(bench_authority)
search='/api/search?q=%22serious%20and%20widespread%22'

# run_wrk LABEL WRK_ARGS... : one row of the table.
run_wrk() {
  local label=$1; shift
  local out rps p50 p99 socket non2xx
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  socket=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  printf '%-42s %10s %9s %9s %7s\n' "$label" "$rps" "$p50" "$p99" "$(( ${socket:-0} + ${non2xx:-0} ))"
}

if [[ $search_only == 0 ]]; then
  printf '%-42s %10s %9s %9s %7s\n' "URL ($connections connections, $duration)" "req/s" "p50" "p99" "errors"
  for path in / "/authority/$authority" "$search"; do
    curl -sf -o /dev/null "$base$path"  # warm up (and fail loudly if broken)
    run_wrk "$path" "$base$path"
  done
fi

# Search under load: cached beside distinct, at 16 connections.
search_connections=16
words=$work/search_words.txt
if command -v sqlite3 >/dev/null; then
  sqlite3 -readonly "$db" <"$here/bench/search_words.sql" >"$words"
else
  python3 -c 'import sqlite3, sys; db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
create, select = open(sys.argv[2]).read().split(";", 1)
db.execute(create)
for (w,) in db.execute(select.strip().rstrip(";")): print(w)' "$db" "$here/bench/search_words.sql" >"$words"
fi
[[ -s $words ]] || { echo "no search words could be read from $db" >&2; exit 1; }
echo
printf '%-42s %10s %9s %9s %7s\n' "Search ($search_connections connections, $duration)" "req/s" "p50" "p99" "errors"
curl -sf -o /dev/null "$base$search"  # warm up (and fail loudly if broken)
connections=$search_connections run_wrk "cached: the same search every time" "$base$search"
SEARCH_WORDS=$words connections=$search_connections \
  run_wrk "distinct: $(wc -l <"$words") words, 1-2 per query" -s "$here/bench/distinct_search.lua" "$base"

# 64 identical new searches at once (three words together, a query no
# request above used): connections opened first, then the 64 requests sent
# together; the time until the last answer is in.
burst_q=$(head -3 "$words" | paste -sd' ' -)
python3 - "${base##*:}" "$burst_q" <<'PY_BURST'
import socket, sys, threading, time, urllib.parse
port, query, n = int(sys.argv[1]), sys.argv[2], 64
request = ("GET /api/search?q=%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % urllib.parse.quote(query)).encode()
socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(n)]
statuses, lock, go = [], threading.Lock(), threading.Event()
def ask(s):
    go.wait()
    s.sendall(request)
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk: break
        data += chunk
    with lock: statuses.append(data.split(b" ", 2)[1] if data else b"none")
threads = [threading.Thread(target=ask, args=(s,)) for s in socks]
for t in threads: t.start()
start = time.monotonic()
go.set()
for t in threads: t.join()
ms = (time.monotonic() - start) * 1000
errors = sum(1 for s in statuses if s != b"200")
print("burst: %d identical new searches (%s) at once: the last answered after %.0f ms; %d errors" % (n, query, ms, errors))
PY_BURST

[[ $search_only == 1 ]] && exit 0

# The same load with every request a new URL, so none is answered from the
# response cache: what a first visit costs. Search terms and authorities rotate;
# a random extra parameter defeats the cache key.
slugs=$(curl -s "$base/api/register" | grep -o '"authority_slug":"[a-z0-9-]*"' | cut -d'"' -f4 | sort -u | head -150 | sed 's/.*/"&"/' | paste -sd, -)
cat > "$work/vary.lua" <<LUA
local slugs = { $slugs }
local terms = { "neglect", "adoption", "%22care%20leavers%22", "safeguard*", "%22serious%20and%20widespread%22",
  "supervision", "caseloads", "%22private%20fostering%22", "exploitation", "missing", "%22front%20door%22",
  "permanence", "leadership%20AND%20workforce", "%22domestic%20abuse%22", "agency%20OR%20locum", "edge%20NOT%20care" }
local n = 0
math.randomseed(os.time())
request = function()
  n = n + 1
  local kind = os.getenv("VARY_KIND")
  local bust = "_=" .. math.random(1, 1000000000)
  if kind == "search" then
    return wrk.format(nil, "/api/search?q=" .. terms[(n % #terms) + 1] .. "&" .. bust)
  elseif kind == "authority" then
    return wrk.format(nil, "/authority/" .. slugs[(n % #slugs) + 1] .. "?" .. bust)
  end
  return wrk.format(nil, "/?" .. bust)
end
LUA
for kind in register authority search; do
  VARY_KIND=$kind run_wrk "uncached $kind (varied URLs)" -s "$work/vary.lua" "$base"
done

# Slow clients: $slow connections from four loopback addresses, each trickling a
# request head (one header line a second), reconnecting when closed.
cat > "$work/slow.py" <<'PY'
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
def connect(i):
    s = socket.socket()
    try:
        s.bind(("127.0.1.%d" % (i % 4 + 1), 0))
        s.connect(("127.0.0.1", port))
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        return s
    except OSError:
        s.close()
        return None
socks = [connect(i) for i in range(n)]
while True:
    time.sleep(1)
    for i, s in enumerate(socks):
        try:
            if s is None: raise OSError
            s.sendall(b"X-Slow: 1\r\n")
        except OSError:
            if s is not None: s.close()
            socks[i] = connect(i)
PY
if [[ $slow -gt 0 ]]; then
  python3 "$work/slow.py" "$port" "$slow" &
  bench_track $!
  sleep 2
  echo
  printf '%-42s %10s %9s %9s %7s\n' "URL, $slow slow clients connected" "req/s" "p50" "p99" "errors"
  for path in / "$search" /healthz; do
    run_wrk "$path" "$base$path"
  done
fi
