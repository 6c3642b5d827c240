# Browser test of the intervention register, its API and downloads
# (web/tests/interventions.test.mjs), on the corpus register the browser_db
# fixture ingests (tests/web.cmake).
find_program(CSCWATCH_NODE node)
if(CSCWATCH_NODE AND TARGET cscwatch)
  set(_interventions_dir ${CMAKE_BINARY_DIR}/test-artifacts/browser)
  add_test(NAME browser_interventions
           COMMAND ${CSCWATCH_NODE} --test-reporter=spec ${CMAKE_SOURCE_DIR}/web/tests/interventions.test.mjs)
  set_tests_properties(browser_interventions PROPERTIES
    FIXTURES_REQUIRED browser_db LABELS "browser" TIMEOUT 600 SKIP_RETURN_CODE 77
    ENVIRONMENT "CSCWATCH_BINARY=$<TARGET_FILE:cscwatch>;CSCWATCH_DB=${_interventions_dir}/corpus.db;CSCWATCH_ARTIFACTS=${_interventions_dir};CSCWATCH_WEB_DIR=${CMAKE_SOURCE_DIR}/web")
endif()
