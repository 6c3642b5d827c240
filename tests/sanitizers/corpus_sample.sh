#!/usr/bin/env bash
# The sanitizer build's corpus check: a small sample of the real corpus (the
# first report of each framework in truth.csv, every file that is not a report,
# and every 40th row besides) ingested, exported, searched and shown with the
# sanitized binary. The whole corpus runs once, in the release build's suites;
# under AddressSanitizer a sample finds the memory errors a real document
# provokes at a tenth of the time.
#   tests/sanitizers/corpus_sample.sh CSCWATCH_BINARY DATA_DIR
set -euo pipefail
bin=$1; data=$2
[ -f "$data/corpus/truth.csv" ] || { echo "corpus_sample: no corpus under $data: skipped"; exit 77; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data/corpus/pdf"
ln -s "$data/reference" "$work/data/reference"
python3 - "$data/corpus/truth.csv" "$work/data/corpus/truth.csv" "$work/expected" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
seen, chosen = set(), []
for i, r in enumerate(rows):
    kind = r['framework'] if r['la_name'] else 'not a report'
    if kind not in seen or i % 40 == 0 or not r['la_name']:
        seen.add(kind); chosen.append(r)
with open(sys.argv[2], 'w', newline='', encoding='utf-8') as out:
    w = csv.DictWriter(out, fieldnames=list(rows[0].keys())); w.writeheader(); w.writerows(chosen)
reports = sum(1 for r in chosen if r['la_name'])
open(sys.argv[3], 'w').write(f"{len(chosen)} {reports} {len(chosen) - reports}\n")
PY
read -r files reports failed <"$work/expected"
cut -d, -f1 "$work/data/corpus/truth.csv" | tail -n +2 | while read -r f; do
  ln -s "$data/corpus/pdf/$f" "$work/data/corpus/pdf/$f"
done
db="$work/register.db"
set +e
"$bin" ingest --quiet --db "$db" --data-dir "$work/data" "$work/data/corpus/pdf" >"$work/out" 2>"$work/err"
status=$?
set -e
cat "$work/out"
want="$files files: $reports ingested"
grep -q "^$want" "$work/out" || { cat "$work/err"; echo "corpus_sample: expected '$want'"; exit 1; }
grep -q "; $failed failed" "$work/out" || { cat "$work/err"; echo "corpus_sample: expected $failed failed"; exit 1; }
[ "$status" -eq $((failed > 0 ? 1 : 0)) ] || { echo "corpus_sample: ingest exit status $status"; exit 1; }
# Re-ingest is idempotent: every report unchanged.
"$bin" ingest --quiet --db "$db" --data-dir "$work/data" "$work/data/corpus/pdf" >"$work/out2" 2>&1 || true
grep -q "$reports unchanged" "$work/out2" || { cat "$work/out2"; echo "corpus_sample: re-ingest changed something"; exit 1; }
rows=$("$bin" export --format json --db "$db" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$rows" -eq "$reports" ] || { echo "corpus_sample: export has $rows rows, want $reports"; exit 1; }
"$bin" export --format csv --db "$db" >/dev/null
"$bin" authorities --db "$db" >/dev/null
"$bin" stats --db "$db" >/dev/null
"$bin" forecast --db "$db" >/dev/null
first=$(tail -n +2 "$work/data/corpus/truth.csv" | grep -v ',,other,' | head -1 | cut -d, -f1)
"$bin" show "$first" --db "$db" >/dev/null
echo "corpus_sample: $files files ($reports reports, $failed not reports) ingested, re-ingested, exported and shown under the sanitizers"
