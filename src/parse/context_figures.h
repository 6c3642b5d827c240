// The statistics a SIF report prints under "Information about this local
// authority area" (domain/context_figure.h). Structure first: the section runs
// from its heading (not the contents entry, which has nothing under it) to the
// next part of the report; its sentences are split at full stops and bullets;
// each figure is read from the one sentence that names it ("... under the age
// of 18 years live in ...", "... living in poverty", "... formally in need of a
// specialist children's service", "... the subject of a child protection
// plan", "... being looked after by the local authority"): the count is the
// first number after the "At <date>," that opens it, the rate its "(a rate of
// N per 10,000 ...)". Small counts are printed in words ("two children"),
// thousands sometimes with a space ("62 100") and a footnote mark may cling to
// a number ("56,2002"); child poverty may read "one in three" (33.3%), and a
// comparison without a number ("a higher proportion") is no figure. A figure
// outside plausible bounds, named but with no number that reads, or whose
// count and printed rate disagree with the children living in the area by
// more than half again, becomes a review item and is not stored.
#pragma once

#include <vector>

#include "domain/context_figure.h"
#include "domain/review_item.h"
#include "parse/document_lines.h"

namespace cscwatch::parse {

std::vector<ContextFigure> read_context_figures(const DocumentLines& doc, std::vector<ReviewItem>& doubts);

}  // namespace cscwatch::parse
