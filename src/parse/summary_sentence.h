// The report's own one-sentence verdict, printed above the SIF judgement table
// and in a few ILACS reports: "Children's services in Dudley Metropolitan
// Borough Council are inadequate", "The overall judgement is that children's
// services require improvement", "The overall judgement is good".
#pragma once

#include <optional>
#include <string>

#include "parse/document_lines.h"
#include "parse/grade_phrases.h"

namespace cscwatch::parse {

struct SummarySentence {
  std::string text;  // the sentence as printed, without its full stop or footnote marker
  PrintedGrade grade;
  int page = 0;
  // "Children's services in X are ...": X as printed (empty for "The overall
  // judgement is ..."). The title block's fallback when it prints no name.
  std::string authority;
};

// The first summary sentence starting on a line of [from, to). The grade must
// be everything after the sentence's verb ("are", "is", "require(s)"), so a
// narrative sentence that merely mentions a grade never counts.
std::optional<SummarySentence> find_summary_sentence(const DocumentLines& doc, size_t from, size_t to);

}  // namespace cscwatch::parse
