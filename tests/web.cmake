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

# Browser tests (tests/CMakeLists.txt: cscwatch_browser_test) share one
# register, ingested here by the cscwatch binary (the browser_db fixture).
# The first, the register and search pages: web/tests/browser.test.mjs.
if(CSCWATCH_NODE)
  add_test(NAME browser_ingest_corpus
           COMMAND ${CMAKE_COMMAND} -DCSCWATCH=$<TARGET_FILE:cscwatch> -DDB=${CSCWATCH_TEST_ARTIFACTS_DIR}/browser/corpus.db
                   -DDATA_DIR=${CSCWATCH_DATA_DIR} -P ${CMAKE_SOURCE_DIR}/web/tests/ingest_for_browser.cmake)
  set_tests_properties(browser_ingest_corpus PROPERTIES FIXTURES_SETUP browser_db LABELS "browser" TIMEOUT 600)
endif()
cscwatch_browser_test(browser_register_search browser.test.mjs)
