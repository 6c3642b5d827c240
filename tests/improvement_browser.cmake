# Browser test of the improvement records (web/tests/improvement.test.mjs):
# an editor signs in, updates an action's status and sees it in the board
# pack; axe-core and the 390 px check on the new pages. Uses a copy of the
# browser tests' corpus register.
# (tests/CMakeLists.txt: cscwatch_browser_test.)
cscwatch_browser_test(browser_improvement improvement.test.mjs)
