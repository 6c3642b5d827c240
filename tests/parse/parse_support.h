// Builds pages from hand-written text for the parser unit tests.
#pragma once

#include <string>
#include <vector>

#include "reader/page.h"

namespace cscwatch::testing {

// One page per string; lines split on '\n' with made-up positions.
std::vector<Page> make_pages(const std::vector<std::string>& texts);

}  // namespace cscwatch::testing
