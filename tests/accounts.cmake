# Browser test of accounts (web/tests/accounts.test.mjs): sign in through the
# form, a write with the CSRF token, the audit trail under axe-core, sign out.
# Uses a backup of the browser register (browser_db fixture), never the
# register itself.
# (tests/CMakeLists.txt: cscwatch_browser_test.)
cscwatch_browser_test(browser_accounts accounts.test.mjs)
