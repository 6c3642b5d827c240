# The HTTP transport's own logic (tests/http/*_test.cc): the connection
# budget and the file limit. Linked against cscwatch_http where the tree has
# that stage, else built from the two sources they test.
file(GLOB http_test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/http/*_test.cc)
if(http_test_sources AND NOT TARGET http_tests)
  add_executable(http_tests ${http_test_sources})
  if(TARGET cscwatch_http)
    target_link_libraries(http_tests PRIVATE cscwatch_http)
  else()
    target_sources(http_tests PRIVATE ${CMAKE_SOURCE_DIR}/src/http/connection_budget.cc ${CMAKE_SOURCE_DIR}/src/http/file_limit.cc)
    target_include_directories(http_tests PRIVATE ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(http_tests PRIVATE fmt::fmt)
  endif()
  target_link_libraries(http_tests PRIVATE GTest::gtest_main)
  gtest_discover_tests(http_tests DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 120)
endif()
