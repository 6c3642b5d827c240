// JSON shapes of the API. Field names are the export's columns
// (store/inspection_rows.h export_columns()) wherever the data is the same,
// so a client can move between the CSV export and the API without a mapping.
// Empty values are null.
#pragma once

#include <nlohmann/json.hpp>

#include "analysis/authority_profile.h"
#include "analysis/national_register.h"
#include "analysis/page_search.h"
#include "analysis/report_detail.h"
#include "http/json_body.h"
#include "store/inspection_rows.h"

namespace cscwatch {

// Every export column, plus document_id, authority_slug, region_name,
// type_inferred, report_url, pdf_url and `judgements` / `pages` giving the page
// each fact was read from.
nlohmann::json inspection_json(const InspectionRow& row);

// Authority fields plus the export columns of its latest graded inspection
// (null when it has none), months_since, inspection_count, grades_ever.
nlohmann::json register_entry_json(const RegisterEntry& entry);

nlohmann::json authority_summary_json(const AuthoritySummary& a);
nlohmann::json authority_profile_json(const AuthorityProfile& profile);
nlohmann::json report_json(const ReportDetail& report);
nlohmann::json search_results_json(const SearchResults& results, const SearchRequest& request);

// A snippet with kMarkStart/kMarkEnd markers as safe HTML: text escaped,
// matches in <mark>.
std::string snippet_html(std::string_view marked);
// The same snippet as plain text (markers removed).
std::string snippet_text(std::string_view marked);

}  // namespace cscwatch
