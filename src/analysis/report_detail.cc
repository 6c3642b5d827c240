#include "analysis/report_detail.h"

namespace cscwatch {

std::optional<ReportDetail> report_detail(const Connection& db, int64_t document_id, bool with_pages) {
  InspectionFilter filter;
  filter.document_id = document_id;
  auto rows = query_inspections(db, filter);
  if (rows.empty()) return std::nullopt;
  ReportDetail d;
  d.row = std::move(rows.front());
  d.improvement_points = query_improvement_points(db, d.row.inspection_id);
  auto has = db.prepare("SELECT 1 FROM document_files WHERE document_id = ?");
  has.bind(1, document_id);
  d.has_pdf = has.step();
  if (with_pages) {
    auto q = db.prepare("SELECT number, text FROM pages WHERE document_id = ? ORDER BY number");
    q.bind(1, document_id);
    while (q.step()) d.pages.push_back({static_cast<int>(q.integer(0)), q.text(1)});
  }
  return d;
}

std::optional<std::string> report_pdf(const Connection& db, int64_t document_id) {
  auto q = db.prepare("SELECT pdf FROM document_files WHERE document_id = ?");
  q.bind(1, document_id);
  if (!q.step()) return std::nullopt;
  return q.blob(0);
}

}  // namespace cscwatch
