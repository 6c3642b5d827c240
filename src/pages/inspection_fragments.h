// HTML fragments describing one inspection, shared by the authority and
// report pages: every fact is shown with a link that opens the stored PDF at
// the page it was read from, drawn as printed with the fact highlighted
// (/report/<id>/page/N?fact=KEY).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/inspection_rows.h"

namespace cscwatch {

// <a href="/report/ID/page/N?fact=KEY#highlight">p. N</a>: the page as
// printed with the fact's words highlighted (see page_image_page.h; `fact` is
// dropped unless cited_fact knows it), or "" for page 0 (not from a page).
std::string cited_page_link(int64_t document_id, int page, std::string_view fact);

// What a person did or should do about one field of the row: "corrected"
// with when, who, what was read, the note and the page; "needs review:
// reason" with the page where the fact should be. Empty when neither.
std::string field_annotations_html(const InspectionRow& row, std::string_view field);

// A heading-friendly title: "ILACS inspection, 29 Oct – 9 Nov 2018".
std::string inspection_title(const InspectionRow& row);

// Dates, publication, lead inspector, framework, type: a <dl>.
std::string inspection_facts_html(const InspectionRow& row);

// Judgements as a table: area, wording as printed, grade badge, page; plus a
// row for every judgement the scheme requires but the document lacks ("not
// read — needs review") and, under the April 2026 framework, "no overall grade
// (2026 framework)" with the grade it counts as. Corrections and review items
// are shown next to their judgement.
std::string judgements_html(const InspectionRow& row);

// Improvement points with the report's own numbers and, for SIF, grouped
// under "Priority and immediate action" / "Area for improvement".
std::string improvement_points_html(int64_t document_id, const std::vector<ImprovementPointRow>& points);

}  // namespace cscwatch
