#!/usr/bin/env bash
# Builds cscwatch and runs every test: unit, real-corpus, end-to-end, API and
# browser tests in the release build (the corpus suites run here, once); then
# the unit tests, the fuzz regressions and a sample of the corpus under
# AddressSanitizer and UndefinedBehaviorSanitizer. Prints each stage's time and
# the number of tests run.
#   ./test.sh                (data from ../shared; SKIP_DEPS=1 skips apt-get)
set -euo pipefail
cd "$(dirname "$0")"
DATA=${CSCWATCH_DATA:-$(cd .. && pwd)/shared}
STAGES=${CSCWATCH_STAGE_LOG:-$(mktemp)}
stage() {  # stage NAME COMMAND...: runs it and records how long it took
  local name=$1 t0=$SECONDS
  shift
  "$@"
  printf '%-28s %4ds\n' "$name" $((SECONDS - t0)) >>"$STAGES"
}
count_tests() {  # count_tests LOG: "N" from ctest's "... out of N"
  grep -o 'tests failed out of [0-9]*' "$1" | grep -o '[0-9]*$' || echo 0
}
ccache_launcher=()
command -v ccache >/dev/null && ccache_launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

if [ "${SKIP_DEPS:-0}" != 1 ]; then
  extra=(chromium libreoffice-calc-nogui ccache)
  command -v npm >/dev/null || extra+=(nodejs npm)
  stage "dependencies (apt)" scripts/install-deps.sh "${extra[@]}"
  command -v ccache >/dev/null && ccache_launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# No file under src/ over 600 lines, no function over 80 (issue 20): before
# the build, as it fails in a second (after the install: python3 comes with it).
stage "size check" python3 scripts/check-sizes.py
stage "front-end packages (npm)" bash -c 'cd web && npm ci --no-audit --no-fund'

stage "release build" scripts/build.sh build RelWithDebInfo -DCSCWATCH_WERROR=ON -DCSCWATCH_DATA_DIR="$DATA" \
  "${ccache_launcher[@]}"
log=$(mktemp)
stage "release tests (all)" bash -c 'set -o pipefail; ctest --test-dir build --output-on-failure -j2 | tee "$0"' "$log"
release_tests=$(count_tests "$log")

# The sanitizer build sees a data folder without the corpus (reference tables
# and articles only), so the corpus suites skip there; it samples the corpus
# with the sanitized binary instead (tests/sanitizers.cmake).
sanitizer_data=$PWD/build-asan/sanitizer-data
mkdir -p "$sanitizer_data"
for d in reference news docs; do
  [ -e "$DATA/$d" ] && ln -sfn "$DATA/$d" "$sanitizer_data/$d"
done
stage "sanitizer build" scripts/build.sh build-asan Debug -DCSCWATCH_WERROR=ON -DCSCWATCH_SANITIZE=ON \
  -DCSCWATCH_DATA_DIR="$sanitizer_data" -DCSCWATCH_SAMPLE_DATA_DIR="$DATA" "${ccache_launcher[@]}"
stage "sanitizer tests" bash -c 'set -o pipefail; ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j2 -LE browser | tee "$0"' "$log"
sanitizer_tests=$(count_tests "$log")
rm -f "$log"

echo
echo "tests run: $release_tests in the release build (whole corpus), $sanitizer_tests under ASan+UBSan"
echo "stage times:"
cat "$STAGES"
[ -n "${CSCWATCH_STAGE_LOG:-}" ] || rm -f "$STAGES"
