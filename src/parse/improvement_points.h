// The points a report asks the authority to improve: ILACS "What needs to
// improve?" bullets, SIF "Recommendations" numbered items. Each point is one
// whole item as printed: wrapped lines and further paragraphs are joined, its
// sub-items (dash, bullet or lettered, after an item ending ':') are folded
// into it, items continue across page breaks, running headers are dropped.
// A heading printed after the list ends it and is never a point.
#pragma once

#include <vector>

#include "domain/inspection.h"
#include "parse/document_lines.h"

namespace cscwatch::parse {

// ILACS: bullets after the "What needs to improve?" heading, up to the first
// judgement section heading. Section is None and number empty (bullets).
// A point that cannot be delimited surely is added to `doubts` (field
// "improvement_points"), never guessed; so is a heading with no bullet under it.
std::vector<ImprovementPoint> read_what_needs_to_improve(const DocumentLines& doc, std::vector<ReviewItem>& doubts);

// SIF: numbered (or bulleted) items after the local authority's
// "Recommendations" heading, or the 2014-15 "What does the local authority
// need to improve?" with its "Priority and immediate action" / "Areas for
// improvement" sub-sections (section set accordingly; None under a plain
// "Recommendations"). The contents page is skipped. Number is the report's own.
std::vector<ImprovementPoint> read_recommendations(const DocumentLines& doc, std::vector<ReviewItem>& doubts);

// Running headers/footers repeated on every page: the report title, the
// inspection dates, the page number.
bool is_running_header(const DocLine& line);

}  // namespace cscwatch::parse
