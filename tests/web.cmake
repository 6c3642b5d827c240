# Web: the pieces src/web needs (httplib, embedded assets), and the browser
# test. Included by tests/CMakeLists.txt.
include(${CMAKE_SOURCE_DIR}/web/cmake/web.cmake)
