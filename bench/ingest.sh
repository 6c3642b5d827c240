#!/usr/bin/env bash
# Ingest benchmark: the whole corpus into an empty register with cscwatch
# (extraction, parsing, database and full-text index included), side by side
# with MuPDF's own command line (mutool draw -F txt) and poppler's pdftotext
# over the same files at the same parallelism (xargs -P2).
#
#   bench/ingest.sh [BUILD_DIR] [DATA_DIR]      (defaults: build, ../shared)
#
# Prints wall time, documents per second and peak memory (maximum resident set
# of the largest process) for each. Needs /usr/bin/time, mutool, pdftotext.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
DATA=${2:-../shared}
CORPUS="$DATA/corpus/pdf"
JOBS=2
[ -x "$BUILD/cscwatch" ] || { echo "no $BUILD/cscwatch: build first (cmake -S . -B $BUILD -DCMAKE_BUILD_TYPE=Release && cmake --build $BUILD)" >&2; exit 2; }
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS: pass the data folder as the second argument" >&2; exit 2; }
for tool in mutool pdftotext /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install mupdf-tools poppler-utils time)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=$(find "$CORPUS" -name '*.pdf' | wc -l)

# measure NAME COMMAND... -> "NAME wall_s peak_kib"
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
  # GNU time writes "Command exited with non-zero status N" first when it does.
  read -r wall peak < <(tail -n 1 "$work/time")
  printf '%s\t%s\t%s\n' "$name" "$wall" "$peak" >> "$work/results"
}

sync
measure "cscwatch ingest -j$JOBS" "$BUILD/cscwatch" ingest --quiet -j "$JOBS" --db "$work/bench.db" --data-dir "$DATA" "$CORPUS"
measure "mutool draw -F txt (xargs -P$JOBS)" sh -c "find '$CORPUS' -name '*.pdf' -print0 | xargs -0 -P$JOBS -I{} mutool draw -q -F txt -o /dev/null {}"
measure "pdftotext (xargs -P$JOBS)" sh -c "find '$CORPUS' -name '*.pdf' -print0 | xargs -0 -P$JOBS -I{} pdftotext {} /dev/null"

pages=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM pages" 2>/dev/null || echo "?")
docs=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM documents" 2>/dev/null || echo "?")
echo "Corpus: $files files ($docs reports stored, $pages pages; the rest are not PDFs) from $CORPUS; $(nproc) cores"
printf '%-36s %10s %10s %12s\n' "tool" "wall (s)" "docs/s" "peak (MiB)"
while IFS=$'\t' read -r name wall peak; do
  printf '%-36s %10.2f %10.1f %12.1f\n' "$name" "$wall" "$(echo "$files / $wall" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
done < "$work/results"
