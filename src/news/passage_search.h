// Read-only questions the linker asks the register: which reports hold a
// passage (a full-text phrase search over every page), the reports of an
// authority, and a report's pages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "news/quote_matching.h"
#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch::news {

// The words of a text as the register's full-text index splits them, lower case.
std::vector<std::string> fts_tokens(std::string_view text);

// Documents whose page text holds the words of `passage` as a phrase (FTS5,
// case and punctuation ignored). At most `limit` document ids.
std::vector<int64_t> documents_with_phrase(const Connection& db, std::string_view passage, int limit = 20);

// The inspection row of a document, if it has one.
std::vector<InspectionRow> inspections_of_documents(const Connection& db, const std::vector<int64_t>& document_ids);

// A report's pages, in order.
std::vector<ReportPage> report_pages(const Connection& db, int64_t document_id);

}  // namespace cscwatch::news
