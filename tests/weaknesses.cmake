# Browser test of /national/phrases, /national/persistence and the authority
# page's context figures (web/tests/weaknesses.test.mjs), on the corpus
# register the browser_db fixture ingests (tests/web.cmake).
# (Included before tests/web.cmake, which sets the same variables: so found here.)
find_program(CSCWATCH_NODE node)
if(CSCWATCH_NODE AND TARGET cscwatch)
  set(_weaknesses_dir ${CMAKE_BINARY_DIR}/test-artifacts/browser)
  add_test(NAME browser_weaknesses
           COMMAND ${CSCWATCH_NODE} --test-reporter=spec ${CMAKE_SOURCE_DIR}/web/tests/weaknesses.test.mjs)
  set_tests_properties(browser_weaknesses PROPERTIES
    FIXTURES_REQUIRED browser_db LABELS "browser" TIMEOUT 600 SKIP_RETURN_CODE 77
    ENVIRONMENT "CSCWATCH_BINARY=$<TARGET_FILE:cscwatch>;CSCWATCH_DB=${_weaknesses_dir}/corpus.db;CSCWATCH_ARTIFACTS=${_weaknesses_dir};CSCWATCH_WEB_DIR=${CMAKE_SOURCE_DIR}/web")
endif()
