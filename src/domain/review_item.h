// A doubt about one fact of a document: what is missing or doubtful, why, and
// the page where a person should look. A document that falls short of its
// completeness rules is stored with these instead of a silent blank.
#pragma once

#include <string>
#include <vector>

namespace cscwatch {

struct ReviewItem {
  // The fact in doubt, named as in the export: "overall", "lscb",
  // "inspection_start", "lead_inspector", "authority", "kind",
  // "improvement_points", ...
  std::string field;
  std::string reason;  // one sentence a person can act on
  int page = 0;        // 1-based page where the fact should be; 0 when unknown
};

// Adds `item` unless the same field already has the same reason.
void add_review_item(std::vector<ReviewItem>& items, ReviewItem item);

}  // namespace cscwatch
