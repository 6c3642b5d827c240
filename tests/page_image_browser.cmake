# Browser test of the page images (web/tests/page_image.test.mjs): a cited
# grade opens its page as printed with the grade highlighted. Uses the corpus
# register of the browser_db fixture (tests/web.cmake). Skips (exit 77) when
# node, playwright-core, axe-core, Chromium or the corpus is missing.
find_program(CSCWATCH_NODE node)
if(CSCWATCH_NODE)
  set(_browser_dir ${CMAKE_BINARY_DIR}/test-artifacts/browser)
  add_test(NAME browser_page_image
           COMMAND ${CSCWATCH_NODE} --test-reporter=spec ${CMAKE_SOURCE_DIR}/web/tests/page_image.test.mjs)
  set_tests_properties(browser_page_image PROPERTIES
    FIXTURES_REQUIRED browser_db LABELS "browser" TIMEOUT 600 SKIP_RETURN_CODE 77
    ENVIRONMENT "CSCWATCH_BINARY=$<TARGET_FILE:cscwatch>;CSCWATCH_DB=${_browser_dir}/corpus.db;CSCWATCH_ARTIFACTS=${_browser_dir};CSCWATCH_WEB_DIR=${CMAKE_SOURCE_DIR}/web")
endif()
