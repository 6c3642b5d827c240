// The points a report asks the authority to improve: ILACS "What needs to
// improve?" bullets, SIF "Recommendations" numbered items. Items continue
// across page breaks; wrapped lines are joined; bullet glyphs are dropped.
#pragma once

#include <vector>

#include "domain/inspection.h"
#include "parse/document_lines.h"

namespace cscwatch::parse {

// ILACS: bullets after the "What needs to improve?" heading, up to the first
// judgement section heading.
// A point that cannot be delimited surely is added to `doubts` (field
// "improvement_points"), never guessed.
std::vector<ImprovementPoint> read_what_needs_to_improve(const DocumentLines& doc, std::vector<ReviewItem>& doubts);

// SIF: numbered items after the local authority's "Recommendations" heading
// (the first such heading followed by item 1, so the contents page is skipped).
std::vector<ImprovementPoint> read_recommendations(const DocumentLines& doc, std::vector<ReviewItem>& doubts);

// Running headers/footers repeated on every page: the report title, the
// inspection dates, the page number.
bool is_running_header(const DocLine& line);

}  // namespace cscwatch::parse
