# Browser test of the national picture (/national, its charts and hex map,
# /inspectors): web/tests/national.test.mjs.
# (tests/CMakeLists.txt: cscwatch_browser_test.)
cscwatch_browser_test(browser_national national.test.mjs)
