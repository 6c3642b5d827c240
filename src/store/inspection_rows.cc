#include "store/inspection_rows.h"

#include <algorithm>
#include <unordered_map>

namespace cscwatch {

std::vector<InspectionRow> query_inspections(const Connection& db, const InspectionFilter& filter) {
  std::string sql = R"sql(
    SELECT i.id, d.id, a.urn, a.la_code, a.ons_code, a.name, a.slug, a.region_name,
           d.file_name, d.sha256, d.kind, i.framework, i.inspection_type, i.type_inferred,
           COALESCE(i.start_date,''), COALESCE(i.end_date,''), COALESCE(i.published,''),
           COALESCE(i.published_source,''), COALESCE(i.lead_inspector,''),
           COALESCE(i.start_page,0), COALESCE(i.end_page,0), COALESCE(i.published_page,0),
           COALESCE(i.lead_inspector_page,0), i.authority_printed, i.authority_page,
           COALESCE(i.headline,''), COALESCE(i.headline_page,0), d.page_count
    FROM inspections i JOIN documents d ON d.id = i.document_id JOIN authorities a ON a.urn = i.authority_urn
    WHERE (?1 IS NULL OR a.urn = ?1) AND (?2 IS NULL OR d.id = ?2)
      AND (?3 = 0 OR EXISTS (SELECT 1 FROM judgements j WHERE j.inspection_id = i.id))
    ORDER BY a.name, i.start_date, d.file_name)sql";
  auto q = db.prepare(sql);
  if (filter.authority_urn) q.bind(1, *filter.authority_urn); else q.bind_null(1);
  if (filter.document_id) q.bind(2, *filter.document_id); else q.bind_null(2);
  q.bind(3, (filter.graded_only || filter.latest_per_authority) ? 1 : 0);
  std::vector<InspectionRow> rows;
  while (q.step()) {
    InspectionRow r;
    r.inspection_id = q.integer(0);
    r.document_id = q.integer(1);
    r.authority_urn = q.text(2);
    r.authority_la_code = q.text(3);
    r.authority_ons_code = q.text(4);
    r.authority_name = q.text(5);
    r.authority_slug = q.text(6);
    r.region_name = q.text(7);
    r.source_file = q.text(8);
    r.sha256 = q.text(9);
    r.kind = q.text(10);
    r.framework = q.text(11);
    r.inspection_type = q.text(12);
    r.type_inferred = q.integer(13) != 0;
    r.inspection_start = q.text(14);
    r.inspection_end = q.text(15);
    r.published = q.text(16);
    r.published_source = q.text(17);
    r.lead_inspector = q.text(18);
    r.start_page = static_cast<int>(q.integer(19));
    r.end_page = static_cast<int>(q.integer(20));
    r.published_page = static_cast<int>(q.integer(21));
    r.lead_inspector_page = static_cast<int>(q.integer(22));
    r.authority_printed = q.text(23);
    r.authority_page = static_cast<int>(q.integer(24));
    r.headline = q.text(25);
    r.headline_page = static_cast<int>(q.integer(26));
    r.page_count = static_cast<int>(q.integer(27));
    rows.push_back(std::move(r));
  }
  if (filter.latest_per_authority) {
    // Keep each authority's last row (rows are sorted by start date within it).
    std::vector<InspectionRow> latest;
    for (auto& r : rows) {
      if (!latest.empty() && latest.back().authority_urn == r.authority_urn) latest.back() = std::move(r);
      else latest.push_back(std::move(r));
    }
    rows = std::move(latest);
  }
  // The judgements of every selected inspection in one statement (not one
  // per row: the register and the export read them all).
  std::unordered_map<int64_t, InspectionRow*> by_id;
  for (auto& r : rows) by_id[r.inspection_id] = &r;
  auto j = db.prepare(R"sql(
    SELECT j.inspection_id, j.area, COALESCE(j.grade,''), j.printed_label, j.printed_grade, j.page
    FROM judgements j JOIN inspections i ON i.id = j.inspection_id
    WHERE (?1 IS NULL OR i.authority_urn = ?1) AND (?2 IS NULL OR i.document_id = ?2))sql");
  if (filter.authority_urn) j.bind(1, *filter.authority_urn); else j.bind_null(1);
  if (filter.document_id) j.bind(2, *filter.document_id); else j.bind_null(2);
  while (j.step()) {
    auto it = by_id.find(j.integer(0));
    if (it == by_id.end()) continue;  // an inspection the latest-only filter dropped
    it->second->judgements[j.text(1)] = GradeCell{j.text(2), j.text(3), j.text(4), static_cast<int>(j.integer(5))};
  }
  return rows;
}

std::vector<ImprovementPointRow> query_improvement_points(const Connection& db, int64_t inspection_id) {
  auto q = db.prepare("SELECT ordinal, text, page FROM improvement_points WHERE inspection_id = ? ORDER BY ordinal");
  q.bind(1, inspection_id);
  std::vector<ImprovementPointRow> out;
  while (q.step()) out.push_back({static_cast<int>(q.integer(0)), q.text(1), static_cast<int>(q.integer(2))});
  return out;
}

const std::vector<std::string>& export_columns() {
  static const std::vector<std::string> columns = {
      "authority_urn", "authority_la_code", "authority_ons_code", "authority_name", "source_file", "sha256",
      "kind", "framework", "inspection_type", "inspection_start", "inspection_end", "published",
      "published_source", "lead_inspector", "overall", "leadership", "help_protection", "in_care",
      "care_leavers", "adoption", "lscb"};
  return columns;
}

std::vector<std::string> export_values(const InspectionRow& r) {
  return {r.authority_urn, r.authority_la_code, r.authority_ons_code, r.authority_name, r.source_file, r.sha256,
          r.kind, r.framework, r.inspection_type, r.inspection_start, r.inspection_end, r.published,
          r.published_source, r.lead_inspector, r.grade("overall"), r.grade("leadership"),
          r.grade("help_protection"), r.grade("in_care"), r.grade("care_leavers"), r.grade("adoption"),
          r.grade("lscb")};
}

}  // namespace cscwatch
