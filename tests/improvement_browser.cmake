# Browser test of the improvement records (web/tests/improvement.test.mjs):
# an editor signs in, updates an action's status and sees it in the board
# pack; axe-core and the 390 px check on the new pages. Uses a copy of the
# browser tests' corpus register. Included by tests/CMakeLists.txt.
# Included before or after web.cmake (alphabetical): finds node itself.
find_program(CSCWATCH_NODE node)
if(CSCWATCH_NODE AND TARGET cscwatch)
  set(_improvement_dir ${CMAKE_BINARY_DIR}/test-artifacts/browser)
  add_test(NAME browser_improvement
           COMMAND ${CSCWATCH_NODE} --test-reporter=spec ${CMAKE_SOURCE_DIR}/web/tests/improvement.test.mjs)
  set_tests_properties(browser_improvement PROPERTIES
    FIXTURES_REQUIRED browser_db LABELS "browser" TIMEOUT 600 SKIP_RETURN_CODE 77
    ENVIRONMENT "CSCWATCH_BINARY=$<TARGET_FILE:cscwatch>;CSCWATCH_DB=${_improvement_dir}/corpus.db;CSCWATCH_ARTIFACTS=${_improvement_dir};CSCWATCH_WEB_DIR=${CMAKE_SOURCE_DIR}/web")
endif()
