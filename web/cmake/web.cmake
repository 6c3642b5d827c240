# Build pieces of the web front-end, for src/http (cscwatch_http links
# cscwatch_web_deps):
#  - Boost.Beast and Boost.Asio (header-only, Debian's libboost1.74-dev) for
#    the HTTP server (src/http/server.cc; why not cpp-httplib: see there).
#  - cpp-httplib from Debian's libcpp-httplib-dev, for the tests' HTTP client
#    only. Debian builds it as a shared library with TLS and compression
#    support; its header must see the same CPPHTTPLIB_* definitions, which
#    pkg-config supplies.
#  - the static assets (our CSS and JS, and Chart.js from web/node_modules)
#    embedded into the binary, so `cscwatch serve` needs no files at run time.
#    Chart.js is optional: without `npm ci` the build still succeeds and the
#    pages that use it (national figures, context figures) keep their tables;
#    the authority page's chart of grades is server-drawn SVG either way.
if(TARGET cscwatch_web_deps)
  return()
endif()

set(CSCWATCH_WEB_DIR ${CMAKE_SOURCE_DIR}/web)
pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
find_package(Boost 1.74 REQUIRED)

set(_assets_cc ${CMAKE_BINARY_DIR}/generated/web/embedded_assets.cc)
# Runs on every build (cheap): it rewrites the generated file only when an
# asset changed, and notices Chart.js appearing after `npm ci`.
add_custom_target(cscwatch_web_assets_gen
  COMMAND ${CMAKE_COMMAND} -DWEB_DIR=${CSCWATCH_WEB_DIR} -DOUT=${_assets_cc}
          -P ${CSCWATCH_WEB_DIR}/cmake/embed_assets.cmake
  BYPRODUCTS ${_assets_cc}
  COMMENT "Embedding web assets"
  VERBATIM)
add_library(cscwatch_web_assets STATIC ${_assets_cc})
add_dependencies(cscwatch_web_assets cscwatch_web_assets_gen)
target_include_directories(cscwatch_web_assets PRIVATE ${CMAKE_SOURCE_DIR}/src)

add_library(cscwatch_web_deps INTERFACE)
target_link_libraries(cscwatch_web_deps INTERFACE Boost::headers cscwatch_web_assets fmt::fmt)

