// Everything the authority page shows: the authority, its whole inspection
// history (reports and letters) with improvement points, its statistical
// neighbours with their latest grades, and where it was reorganised.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch {

struct AuthoritySummary {
  std::string urn, la_code, ons_code, name, slug, region_name, la_type;
  bool legacy = false;
};

struct InspectionHistoryItem {
  InspectionRow row;
  std::vector<ImprovementPointRow> improvement_points;
};

struct NeighbourGrade {
  std::string la_code;            // as listed, even when no authority has it
  std::optional<AuthoritySummary> authority;
  std::string overall;            // latest overall grade; empty when none
  std::string inspection_start;   // of that inspection
  std::string source_file;
};

struct ReorganisationLink {
  AuthoritySummary authority;  // the other side of the reorganisation
  std::string effective, note;
};

struct AuthorityProfile {
  AuthoritySummary authority;
  std::vector<InspectionHistoryItem> inspections;  // oldest first
  std::vector<NeighbourGrade> neighbours;          // current statistical neighbours, in DfE order
  std::vector<ReorganisationLink> predecessors, successors;
};

// nullopt when no authority has that slug.
std::optional<AuthorityProfile> authority_profile(const Connection& db, const std::string& slug);

}  // namespace cscwatch
