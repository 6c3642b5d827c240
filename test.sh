#!/usr/bin/env bash
# Builds cscwatch and runs every test: unit, real-corpus, end-to-end, API and
# browser tests, then the same tests (but the browser ones) under
# AddressSanitizer and UndefinedBehaviorSanitizer, then a short run of each
# libFuzzer target.
#   ./test.sh                (data from ../shared; SKIP_DEPS=1 skips apt-get)
set -euo pipefail
cd "$(dirname "$0")"
DATA=${CSCWATCH_DATA:-$(cd .. && pwd)/shared}
if [ "${SKIP_DEPS:-0}" != 1 ]; then
  extra=(chromium libreoffice-calc-nogui)
  command -v npm >/dev/null || extra+=(nodejs npm)
  scripts/install-deps.sh "${extra[@]}"
fi
(cd web && npm ci --no-audit --no-fund)
scripts/build.sh build RelWithDebInfo -DCSCWATCH_WERROR=ON -DCSCWATCH_DATA_DIR="$DATA"
ctest --test-dir build --output-on-failure -j2
scripts/build.sh build-asan Debug -DCSCWATCH_WERROR=ON -DCSCWATCH_SANITIZE=ON -DCSCWATCH_DATA_DIR="$DATA"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j2 -LE browser
# The libFuzzer targets (clang), each run briefly from its seed corpus.
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCSCWATCH_FUZZ=ON -DCSCWATCH_SANITIZE=ON >/dev/null
cmake --build build-fuzz --target parse_document_fuzzer news_article_fuzzer
ctest --test-dir build-fuzz --output-on-failure -L fuzz
