// The authority page's section "Beside its neighbours and region": how its
// statistical neighbours, its region and England stand at each current grade,
// and how many have ever been judged inadequate, next to the authority itself.
#pragma once

#include <string>

#include "http/page_context.h"

namespace cscwatch {

// Empty when no authority has the slug.
std::string authority_peers_section(const PageContext& ctx, const std::string& slug);

}  // namespace cscwatch
