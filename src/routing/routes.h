// The site's routing table: every URL the server answers and its handler.
#pragma once

#include <vector>

#include "http/route.h"

namespace cscwatch {

std::vector<Route> site_routes();

}  // namespace cscwatch
