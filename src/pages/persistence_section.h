// The authority page's "Do weaknesses persist?" section: each improvement
// point of a graded report beside its closest point and sentence in the next
// graded report, with the similarity and the verdict
// (analysis/weakness_persistence.h).
#pragma once

#include <string>
#include <vector>

#include "analysis/weakness_persistence.h"

namespace cscwatch {

// Trusted HTML (every text escaped); empty when the authority has no pair of
// graded reports with improvement points.
std::string persistence_section_html(const std::vector<InspectionPairMatches>& pairs);

// One pair as a list of points (shared with the national page's API and tests).
std::string pair_matches_html(const InspectionPairMatches& pair);

}  // namespace cscwatch
