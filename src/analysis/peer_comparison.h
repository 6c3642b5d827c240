// An authority beside its statistical neighbours, its region and England:
// how many of each group stand at each current grade, and how many have ever
// been judged inadequate. Current grades as in the register (the latest
// inspection's counted grade; reorganised-away authorities left out).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "store/sqlite.h"

namespace cscwatch {

struct PeerGroup {
  std::string label;                      // "This authority", "Statistical neighbours", region name, "England"
  int authorities = 0;
  std::map<std::string, int> current;     // counted grade -> authorities; "none" when never graded
  int ever_inadequate = 0;                // authorities judged inadequate at any inspection
};

struct PeerComparison {
  PeerGroup self, neighbours, region, england;
};

// nullopt when no authority has that slug.
std::optional<PeerComparison> peer_comparison(const Connection& db, const std::string& slug, const Date& today);

}  // namespace cscwatch
