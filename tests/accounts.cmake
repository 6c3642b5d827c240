# Browser test of accounts (web/tests/accounts.test.mjs): sign in through the
# form, a write with the CSRF token, the audit trail under axe-core, sign out.
# Uses a backup of the browser register (browser_db fixture), never the
# register itself.
# (Included before web.cmake, which sorts after it: finds node itself.)
find_program(CSCWATCH_NODE node)
if(CSCWATCH_NODE AND TARGET cscwatch)
  set(_accounts_browser_dir ${CMAKE_BINARY_DIR}/test-artifacts/browser)
  add_test(NAME browser_accounts
           COMMAND ${CSCWATCH_NODE} --test-reporter=spec ${CMAKE_SOURCE_DIR}/web/tests/accounts.test.mjs)
  set_tests_properties(browser_accounts PROPERTIES
    FIXTURES_REQUIRED browser_db LABELS "browser" TIMEOUT 600 SKIP_RETURN_CODE 77
    ENVIRONMENT "CSCWATCH_BINARY=$<TARGET_FILE:cscwatch>;CSCWATCH_DB=${_accounts_browser_dir}/corpus.db;CSCWATCH_ARTIFACTS=${_accounts_browser_dir};CSCWATCH_WEB_DIR=${CMAKE_SOURCE_DIR}/web")
endif()
