// Local government reorganisations that moved children's services between
// authorities. Histories follow these links (predecessor -> successor).
#pragma once

#include <span>
#include <string_view>

namespace cscwatch {

struct Reorganisation {
  std::string_view date;             // ISO date it took effect
  std::string_view predecessor_urn;  // authority that ceased (or lost territory)
  std::string_view successor_urn;
  std::string_view note;
};

// Known reorganisations since 2013 (domain brief, section 5). The URNs come
// from the reference authority table; pre-2019 Bournemouth and Dorset County
// Council have no row there, so only Poole appears for BCP.
std::span<const Reorganisation> known_reorganisations();

}  // namespace cscwatch
