# Web: the pieces src/http and src/pages need (httplib, embedded assets), the web tests'
# extra links, and the browser test. Included by tests/CMakeLists.txt.
include(${CMAKE_SOURCE_DIR}/web/cmake/web.cmake)

set(CSCWATCH_TEST_ARTIFACTS_DIR ${CMAKE_BINARY_DIR}/test-artifacts)
if(TARGET web_tests)
  # The API tests serve a register ingested from the corpus with the real
  # ingest (built once per build tree under test-artifacts/web).
  target_link_libraries(web_tests PRIVATE cscwatch_ingest PkgConfig::CPP_HTTPLIB)
  target_compile_definitions(web_tests PRIVATE CSCWATCH_TEST_ARTIFACTS_DIR="${CSCWATCH_TEST_ARTIFACTS_DIR}")
endif()

# Browser test: real headless Chromium (Debian's /usr/bin/chromium) driven by
# playwright-core from web/node_modules (`npm ci` in web/ first). The register
# is ingested by the cscwatch binary; screenshots go to
# test-artifacts/browser. Skips (exit 77) when node, playwright-core,
# Chromium or the corpus is missing, saying which.
find_program(CSCWATCH_NODE node)
if(CSCWATCH_NODE)
  set(_browser_dir ${CSCWATCH_TEST_ARTIFACTS_DIR}/browser)
  add_test(NAME browser_ingest_corpus
           COMMAND ${CMAKE_COMMAND} -DCSCWATCH=$<TARGET_FILE:cscwatch> -DDB=${_browser_dir}/corpus.db
                   -DDATA_DIR=${CSCWATCH_DATA_DIR} -P ${CMAKE_SOURCE_DIR}/web/tests/ingest_for_browser.cmake)
  set_tests_properties(browser_ingest_corpus PROPERTIES FIXTURES_SETUP browser_db LABELS "browser" TIMEOUT 600)
  add_test(NAME browser_register_search
           COMMAND ${CSCWATCH_NODE} --test-reporter=spec ${CMAKE_SOURCE_DIR}/web/tests/browser.test.mjs)
  set_tests_properties(browser_register_search PROPERTIES
    FIXTURES_REQUIRED browser_db LABELS "browser" TIMEOUT 600 SKIP_RETURN_CODE 77
    ENVIRONMENT "CSCWATCH_BINARY=$<TARGET_FILE:cscwatch>;CSCWATCH_DB=${_browser_dir}/corpus.db;CSCWATCH_ARTIFACTS=${_browser_dir};CSCWATCH_WEB_DIR=${CMAKE_SOURCE_DIR}/web")
endif()
