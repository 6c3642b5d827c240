# The Atom feed tests (tests/web/atom_feed_test.cc) check every feed against
# the RFC 4287 RELAX NG schema with libxml2's xmllint and read it back with a
# real feed reader, feedparser (Debian: libxml2-utils, python3-feedparser;
# scripts/install-deps.sh). Debian's python3 is asked for by path: a python3
# earlier on PATH (pyenv) may not see Debian's packages.
find_program(CSCWATCH_XMLLINT xmllint REQUIRED)
find_program(CSCWATCH_FEED_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT CSCWATCH_FEED_PYTHON)
  find_program(CSCWATCH_FEED_PYTHON python3 REQUIRED)
endif()
if(TARGET web_tests)
  # The forecast window alerts come from the update stage (update/forecast_alerts.h).
  target_link_libraries(web_tests PRIVATE cscwatch_update)
  target_compile_definitions(web_tests PRIVATE
    CSCWATCH_XMLLINT="${CSCWATCH_XMLLINT}"
    CSCWATCH_FEED_PYTHON="${CSCWATCH_FEED_PYTHON}"
    CSCWATCH_ATOM_RNG="${CMAKE_CURRENT_SOURCE_DIR}/web/schema/atom.rng"
    CSCWATCH_READ_FEED="${CMAKE_CURRENT_SOURCE_DIR}/web/read_feed.py")
endif()
