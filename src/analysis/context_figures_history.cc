#include "analysis/context_figures_history.h"

namespace cscwatch {

std::vector<InspectionContextFigures> context_figures_history(const Connection& db, const std::string& authority_urn) {
  auto q = db.prepare(R"sql(
      SELECT i.document_id, COALESCE(i.start_date, ''), d.file_name, COALESCE(j.grade, ''),
             f.figure, f.value, f.rate, f.as_at, f.printed, f.page
      FROM context_figures f
      JOIN inspections i ON i.id = f.inspection_id
      JOIN documents d ON d.id = i.document_id
      LEFT JOIN judgements j ON j.inspection_id = i.id AND j.area = 'overall'
      WHERE i.authority_urn = ?
      ORDER BY i.start_date, i.document_id, f.figure)sql");
  q.bind(1, authority_urn);
  std::vector<InspectionContextFigures> out;
  while (q.step()) {
    const int64_t doc = q.integer(0);
    if (out.empty() || out.back().document_id != doc) {
      InspectionContextFigures i;
      i.document_id = doc;
      i.inspection_start = q.text(1);
      i.source_file = q.text(2);
      i.overall = q.text(3);
      out.push_back(std::move(i));
    }
    ContextFigure f;
    f.figure = q.text(4);
    f.value = q.real(5);
    if (!q.is_null(6)) f.rate = q.real(6);
    f.as_at = q.text(7);
    f.printed = q.text(8);
    f.page = static_cast<int>(q.integer(9));
    out.back().figures[f.figure] = std::move(f);
  }
  return out;
}

std::map<std::string, int> context_figure_coverage(const Connection& db) {
  std::map<std::string, int> out;
  auto reports = db.prepare("SELECT COUNT(*) FROM documents WHERE kind = 'sif_report'");
  if (reports.step()) out[""] = static_cast<int>(reports.integer(0));
  auto q = db.prepare("SELECT figure, COUNT(*) FROM context_figures GROUP BY figure");
  while (q.step()) out[q.text(0)] = static_cast<int>(q.integer(1));
  return out;
}

}  // namespace cscwatch
