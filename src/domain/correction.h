// A correction by a person: the right value of one fact of one document, kept
// apart from what the extractor read. It survives re-ingest and new parser
// versions, clears the review item for that fact, and is shown as corrected
// with when, who and why. If a later parser reads a value that disagrees with
// it (and is not the value the person corrected), the fact is flagged: neither
// the correction nor the extraction silently wins.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cscwatch {

struct Correction {
  std::string field;      // an export column: "overall", "inspection_start", "authority", ...
  std::string value;      // the right value, in the export's form ("" for none)
  std::string extracted;  // what the extractor read when the correction was made
  int page = 0;           // where the person read it
  std::string note;
  std::string corrected_by;
  std::string corrected_at;  // ISO 8601 UTC
};

// The fields a person may correct, in export order. Judgements take a grade's
// machine name or "none" (not judged, or not printed); dates YYYY-MM-DD;
// authority a URN; "judgements", "kind" and "improvement_points" take
// "confirmed" (a person checked the document and what was read stands).
std::span<const std::string_view> correctable_fields();

// The stored form of `value` for `field` ("none" -> ""), or an error message
// saying what the field accepts.
struct CorrectionValue {
  std::string stored;
  std::string error;  // empty when valid
};
CorrectionValue normalise_correction_value(std::string_view field, std::string_view value);

// True when the extractor's current value for the field stands in conflict
// with the correction: it differs from the corrected value and from what the
// extractor read when the correction was made.
bool correction_conflicts(const Correction& correction, const std::string& extracted_now);

}  // namespace cscwatch
