# Browser test of the intervention register, its API and downloads
# (web/tests/interventions.test.mjs).
# (tests/CMakeLists.txt: cscwatch_browser_test.)
cscwatch_browser_test(browser_interventions interventions.test.mjs)
