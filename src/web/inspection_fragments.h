// HTML fragments describing one inspection, shared by the authority and
// report pages: every fact is shown with a link that opens the stored PDF at
// the page it was read from (/report/<id>/pdf#page=N).
#pragma once

#include <string>
#include <vector>

#include "store/inspection_rows.h"

namespace cscwatch {

// <a href="/report/ID/pdf#page=N">p. N</a>, or "" for page 0 (not from a page).
std::string pdf_page_link(int64_t document_id, int page);

// A heading-friendly title: "ILACS inspection, 29 Oct – 9 Nov 2018".
std::string inspection_title(const InspectionRow& row);

// Dates, publication, lead inspector, framework, type: a <dl>.
std::string inspection_facts_html(const InspectionRow& row);

// Judgements as a table: area, wording as printed, grade badge, page.
std::string judgements_html(const InspectionRow& row);

std::string improvement_points_html(int64_t document_id, const std::vector<ImprovementPointRow>& points);

}  // namespace cscwatch
