// One stored report: its extracted facts (each with the page it came from),
// the text of every page, and the PDF bytes, looked up by document id only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch {

struct PageText {
  int number = 0;
  std::string text;
};

struct ReportDetail {
  InspectionRow row;
  std::vector<ImprovementPointRow> improvement_points;
  std::vector<PageText> pages;  // empty unless asked for
  bool has_pdf = false;
};

std::optional<ReportDetail> report_detail(const Connection& db, int64_t document_id, bool with_pages);

// The stored PDF; nullopt when the document or its bytes are absent.
std::optional<std::string> report_pdf(const Connection& db, int64_t document_id);

}  // namespace cscwatch
