#!/usr/bin/env bash
# bench/news_reliability.sh [BUILD_DIR]: the reliability of news links on the
# 68 dev articles (shared/news/dev) against a register of the whole corpus:
# links by confidence band (>=0.8, 0.6-0.8, 0.4-0.6, <0.4), how many, how many
# right; then right / wrong / missed. Runs the dev-article test, which prints
# one line per article: id, ok|MISS, linked file or (no link), confidence.
# An article about an intervention prints intervention:<urn>-<kind>-<start> as
# its link (counted like any link) and "follows: <file>" as context.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
"$build/tests/news_tests" --gtest_filter='DevArticles.*' 2>&1 | awk '
  $2 == "ok" || $2 == "MISS" {
    n++; ok = $2 == "ok"; linked = $3 != "(no"; c = linked ? $4 : ($5 + 0)
    if (!linked) { if (ok) none_right++; else missed++; next }
    b = c >= 0.8 ? 1 : c >= 0.6 ? 2 : c >= 0.4 ? 3 : 4
    links[b]++; right[b] += ok; if (!ok) wrong++; else linked_right++
  }
  END {
    split(">=0.8 0.6-0.8 0.4-0.6 <0.4", name, " ")
    printf "%-10s %6s %6s %8s\n", "confidence", "links", "right", "share"
    for (b = 1; b <= 4; b++)
      printf "%-10s %6d %6d %8s\n", name[b], links[b], right[b], links[b] ? sprintf("%.0f%%", 100 * right[b] / links[b]) : "-"
    printf "articles %d: right %d (%d linked right, %d rightly not linked), wrong %d, missed %d\n",
           n, linked_right + none_right, linked_right, none_right, wrong + 0, missed + 0
  }'
