# Browser test of the page images (web/tests/page_image.test.mjs): a cited
# grade opens its page as printed with the grade highlighted; skips also when
# axe-core is missing.
# (tests/CMakeLists.txt: cscwatch_browser_test.)
cscwatch_browser_test(browser_page_image page_image.test.mjs)
