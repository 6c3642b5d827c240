// Which inspection in the register an article is about: candidates from the
// authorities it names, scored on grade, event kind and dates, with reasons.
// Links only on positive evidence beyond the authority; otherwise says why not.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "news/article_reading.h"
#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch::news {

struct LinkCandidate {
  InspectionRow row;
  double score = 0;
  bool has_evidence = false;            // something other than the authority fits
  bool contradicted = false;            // something stated rules it out
  std::vector<std::string> reasons;     // why it fits (or does not)
};

struct LinkResult {
  std::optional<LinkCandidate> linked;
  std::string no_link_reason;           // when not linked
  std::vector<LinkCandidate> candidates;  // best first (at most 5)
  std::vector<LinkCandidate> other_links;  // confident links for other authorities the article names
};

// The event kind an inspection row belongs to, in the article's vocabulary:
// inspection, monitoring_visit, focused_visit, joint_targeted_inspection.
std::string event_kind_of(const InspectionRow& row);

// The overall grade of a row, or the worst judgement when no overall grade is printed.
std::optional<Grade> overall_grade_of(const InspectionRow& row);

LinkResult link_inspection(const Connection& db, const ArticleReading& reading);

}  // namespace cscwatch::news
