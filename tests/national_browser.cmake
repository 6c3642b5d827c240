# Browser test of the national picture (/national, its charts and hex map,
# /inspectors): web/tests/national.test.mjs in headless Chromium against the
# corpus register the browser_db fixture ingests (tests/web.cmake). Included by
# tests/CMakeLists.txt (before web.cmake, in name order: so it finds node and
# names the artifacts folder itself).
find_program(CSCWATCH_NODE node)
set(_national_artifacts ${CMAKE_BINARY_DIR}/test-artifacts/browser)
if(CSCWATCH_NODE)
  add_test(NAME browser_national
           COMMAND ${CSCWATCH_NODE} --test-reporter=spec ${CMAKE_SOURCE_DIR}/web/tests/national.test.mjs)
  set_tests_properties(browser_national PROPERTIES
    FIXTURES_REQUIRED browser_db LABELS "browser" TIMEOUT 600 SKIP_RETURN_CODE 77
    ENVIRONMENT "CSCWATCH_BINARY=$<TARGET_FILE:cscwatch>;CSCWATCH_DB=${_national_artifacts}/corpus.db;CSCWATCH_ARTIFACTS=${_national_artifacts};CSCWATCH_WEB_DIR=${CMAKE_SOURCE_DIR}/web")
endif()
