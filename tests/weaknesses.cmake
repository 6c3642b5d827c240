# Browser test of /national/phrases, /national/persistence and the authority
# page's context figures (web/tests/weaknesses.test.mjs).
# (tests/CMakeLists.txt: cscwatch_browser_test.)
cscwatch_browser_test(browser_weaknesses weaknesses.test.mjs)
