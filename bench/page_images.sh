#!/usr/bin/env bash
# Page images: time to draw a page (/report/N/page/P.png) the first time and
# from the image cache, and to build the page with its highlight
# (/report/N/page/P?fact=...), over a sample of corpus pages, one request at a
# time on loopback. Prints median and p95 in ms and the PNG sizes.
#
#   bench/page_images.sh [--binary PATH] [--db FILE] [--pages 80] [--coverage]
#
# --coverage also follows every cited fact's link on every report page
# (about 5,600 on the corpus; a few minutes) and counts, by kind of fact,
# how many open with their words highlighted, and for judgements how many
# highlight exactly one occurrence.
#
# Without --db, the shared corpus (../shared, or $CSCWATCH_DATA_DIR) is
# ingested into a temporary register first. The sample is every document's
# page 1 and a page in its middle, in document order, up to --pages.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib/serve.sh
source "$here/bench/lib/serve.sh"
pages=80 coverage=0
bench_options "[--binary PATH] [--db FILE] [--pages 80] [--coverage]" --pages --coverage=1 -- "$@"
command -v sqlite3 >/dev/null || { echo "sqlite3 not found (apt-get install sqlite3)" >&2; exit 1; }
bench_setup
bench_serve

# document id, page: page 1 and the middle page of every document with a PDF.
sqlite3 -separator ' ' "file:$db?mode=ro" \
  "SELECT d.id, 1 FROM documents d JOIN document_files f ON f.document_id = d.id
   UNION ALL SELECT d.id, (d.page_count + 1) / 2 FROM documents d JOIN document_files f ON f.document_id = d.id WHERE d.page_count > 2
   ORDER BY 1, 2 LIMIT $pages" >"$work/sample"

: >"$work/first.raw"; : >"$work/cached"; : >"$work/html"
# The server's CPU time so far (user + system, ms): wall-clock times on a
# busy machine include waiting for a core; CPU per request does not.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$server_pid/stat"; }
n=$(wc -l <"$work/sample")
c0=$(cpu_ms)
while read -r id page; do
  curl -s -o /dev/null -w '%{time_total} %{size_download}\n' "$base/report/$id/page/$page.png" >>"$work/first.raw"
done <"$work/sample"
c1=$(cpu_ms)
while read -r id page; do
  curl -s -o /dev/null -w '%{time_total}\n' "$base/report/$id/page/$page.png" >>"$work/cached"
done <"$work/sample"
c2=$(cpu_ms)
# The page with a highlight (the overall judgement's words), built once:
# a later request for it is answered by the response cache.
while read -r id page; do
  curl -s -o /dev/null -w '%{time_total}\n' "$base/report/$id/page/$page?fact=overall" >>"$work/html"
done <"$work/sample"
c3=$(cpu_ms)
awk '{print $1}' "$work/first.raw" >"$work/first"
awk '{print $2}' "$work/first.raw" >"$work/bytes"

# stats FILE SCALE: median and p95 of the column, times SCALE.
stats() {
  sort -g "$1" | awk -v k="$2" '{v[NR]=$1*k} END {
    if (NR == 0) { print "-"; exit }
    m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.95 + 0.999)]; if (p == "") p = v[NR];
    printf "median %8.1f   p95 %8.1f   (n=%d)\n", m, p, NR }'
}
printf '%-40s %s\n' "PNG, first request (drawn), ms" "$(stats "$work/first" 1000)"
printf '%-40s %s\n' "PNG, again (image cache), ms" "$(stats "$work/cached" 1000)"
printf '%-40s %s\n' "page with highlight (first build), ms" "$(stats "$work/html" 1000)"
printf '%-40s %s\n' "PNG size, KB" "$(stats "$work/bytes" 0.001)"
awk -v n="$n" -v a="$c0" -v b="$c1" -v c="$c2" -v d="$c3" 'BEGIN {
  printf "server CPU per request, ms: drawn %.1f, from the image cache %.1f, page with highlight %.1f\n", (b - a) / n, (c - b) / n, (d - c) / n }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

[[ $coverage == 1 ]] || exit 0
echo
echo "cited facts whose words are highlighted on their page (by kind of fact):"
: >"$work/facts"
for id in $(sqlite3 "file:$db?mode=ro" "SELECT document_id FROM document_files ORDER BY 1"); do
  { curl -s "$base/report/$id" | grep -o 'href="/report/[0-9]*/page/[0-9]*?fact=[a-z_0-9-]*#highlight"' || true; } | sort -u |
    while read -r href; do
      url=${href#href=\"}; url=${url%#highlight\"}
      fact=${url##*fact=}; [[ $fact == point-* ]] && fact=improvement_point
      html=$(curl -s "$base$url")
      found=0; grep -q 'id="highlight"' <<<"$html" && found=1
      hits=$({ grep -o 'data-hit="[0-9]*"' <<<"$html" || true; } | sort -u | wc -l)
      echo "$fact $found $hits" >>"$work/facts"
    done
done
awk '{ total[$1]++; found[$1] += $2; if ($3 == 1) one[$1]++ }
     END { for (k in total) { t += total[k]; f += found[k];
             printf "  %-20s %5d of %5d  (%5.1f%%)   one occurrence: %5d\n", k, found[k], total[k], 100 * found[k] / total[k], one[k] }
           printf "  %-20s %5d of %5d  (%5.1f%%)\n", "all", f, t, 100 * f / t }' "$work/facts" | sort
