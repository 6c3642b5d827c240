#include "store/inspection_rows.h"

#include <algorithm>
#include <unordered_map>

#include "domain/judgement.h"

namespace cscwatch {

namespace {

GradeCell* grade_cell_of(InspectionRow& r, std::string_view field) {
  if (!parse_judgement_area(field)) return nullptr;
  return &r.judgements[std::string(field)];
}

std::string* text_field_of(InspectionRow& r, std::string_view field) {
  if (field == "inspection_start") return &r.inspection_start;
  if (field == "inspection_end") return &r.inspection_end;
  if (field == "published") return &r.published;
  if (field == "lead_inspector") return &r.lead_inspector;
  return nullptr;
}

// Review items stored with each document, then the corrections made to it:
// a correction replaces the field's value, clears the review items of that
// field, and is itself flagged when the extractor now reads a third value.
void apply_review_and_corrections(const Connection& db, std::optional<int64_t> document_id,
                                  std::vector<InspectionRow>& rows) {
  std::unordered_map<int64_t, InspectionRow*> by_document;
  std::unordered_map<std::string, InspectionRow*> by_sha;
  for (auto& r : rows) {
    by_document[r.document_id] = &r;
    by_sha[r.sha256] = &r;
  }
  auto items = db.prepare(
      "SELECT document_id, field, reason, page FROM review_items WHERE (?1 IS NULL OR document_id = ?1) "
      "ORDER BY document_id, rowid");
  if (document_id) items.bind(1, *document_id); else items.bind_null(1);
  while (items.step()) {
    auto it = by_document.find(items.integer(0));
    if (it == by_document.end()) continue;
    it->second->review.push_back({items.text(1), items.text(2), static_cast<int>(items.integer(3))});
  }
  auto corrections = db.prepare(R"sql(
    SELECT c.sha256, c.field, c.value, c.extracted, c.page, c.note, c.corrected_by, c.corrected_at
    FROM corrections c JOIN documents d ON d.sha256 = c.sha256
    WHERE (?1 IS NULL OR d.id = ?1) ORDER BY c.sha256, c.field)sql");
  if (document_id) corrections.bind(1, *document_id); else corrections.bind_null(1);
  while (corrections.step()) {
    auto it = by_sha.find(corrections.text(0));
    if (it == by_sha.end()) continue;
    InspectionRow& r = *it->second;
    Correction c{corrections.text(1), corrections.text(2), corrections.text(3),
                 static_cast<int>(corrections.integer(4)), corrections.text(5), corrections.text(6),
                 corrections.text(7)};
    const std::string extracted_now = c.field == "authority" ? r.authority_urn_extracted : field_value(r, c.field);
    std::erase_if(r.review, [&](const ReviewItem& item) { return item.field == c.field; });
    if (correction_conflicts(c, extracted_now))
      r.review.push_back({c.field,
                          "the extractor now reads '" + extracted_now + "', which disagrees with the correction '" +
                              c.value + "' (made when it read '" + c.extracted + "')",
                          c.page});
    if (GradeCell* cell = grade_cell_of(r, c.field)) {
      cell->grade = c.value;
      cell->printed_grade = c.value.empty() ? "none (corrected)" : c.value + " (corrected)";
      if (cell->printed_label.empty()) cell->printed_label = std::string(label(*parse_judgement_area(c.field)));
      if (c.page > 0) cell->page = c.page;
      if (c.value.empty()) r.judgements.erase(std::string(c.field));
    } else if (std::string* text = text_field_of(r, c.field)) {
      *text = c.value;
      if (c.field == "published") r.published_source = "correction";
    }
    r.corrections.push_back(std::move(c));
  }
}

}  // namespace

std::string field_value(const InspectionRow& r, std::string_view field) {
  if (parse_judgement_area(field)) return r.grade(std::string(field));
  if (field == "inspection_start") return r.inspection_start;
  if (field == "inspection_end") return r.inspection_end;
  if (field == "published") return r.published;
  if (field == "lead_inspector") return r.lead_inspector;
  if (field == "authority") return r.authority_urn;
  if (field == "kind") return r.kind;
  return "";
}

std::string review_summary(const InspectionRow& r) {
  std::string out;
  for (const auto& item : r.review) {
    if (!out.empty()) out += "; ";
    out += item.field + ": " + item.reason;
    if (item.page > 0) out += " (p. " + std::to_string(item.page) + ")";
  }
  return out;
}

std::string corrected_summary(const InspectionRow& r) {
  std::string out;
  for (const auto& c : r.corrections) {
    if (c.value == "confirmed") continue;
    if (!out.empty()) out += "; ";
    out += c.field;
  }
  return out;
}

std::vector<InspectionRow> query_inspections(const Connection& db, const InspectionFilter& filter) {
  // Rows, judgements, review items and corrections from one snapshot, even
  // while an ingest commits.
  ReadSnapshot snapshot(db);
  // The authority is the corrected one where a person corrected it.
  std::string sql = R"sql(
    WITH eff AS (
      SELECT i.*, COALESCE((SELECT c.value FROM corrections c JOIN documents dd ON dd.sha256 = c.sha256
                            WHERE dd.id = i.document_id AND c.field = 'authority'), i.authority_urn) AS urn
      FROM inspections i)
    SELECT i.id, d.id, a.urn, a.la_code, a.ons_code, a.name, a.slug, a.region_name,
           d.file_name, d.sha256, d.kind, i.framework, i.inspection_type, i.type_inferred,
           COALESCE(i.start_date,''), COALESCE(i.end_date,''), COALESCE(i.published,''),
           COALESCE(i.published_source,''), COALESCE(i.lead_inspector,''),
           COALESCE(i.start_page,0), COALESCE(i.end_page,0), COALESCE(i.published_page,0),
           COALESCE(i.lead_inspector_page,0), i.authority_printed, i.authority_page,
           COALESCE(i.headline,''), COALESCE(i.headline_page,0), d.page_count,
           i.authority_resolution, i.authority_urn
    FROM eff i JOIN documents d ON d.id = i.document_id JOIN authorities a ON a.urn = i.urn
    WHERE (?1 IS NULL OR a.urn = ?1) AND (?2 IS NULL OR d.id = ?2)
      AND (?3 = 0 OR (d.kind <> 'lscb_review' AND EXISTS (SELECT 1 FROM judgements j WHERE j.inspection_id = i.id)))
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
    r.authority_resolution = q.text(28);
    r.authority_urn_extracted = q.text(29);
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
  // Selected by document when one is asked for, else all (a map lookup drops
  // the rest): one statement either way.
  auto j = db.prepare(R"sql(
    SELECT j.inspection_id, j.area, COALESCE(j.grade,''), j.printed_label, j.printed_grade, j.page
    FROM judgements j JOIN inspections i ON i.id = j.inspection_id
    WHERE (?1 IS NULL OR i.document_id = ?1))sql");
  if (filter.document_id) j.bind(1, *filter.document_id); else j.bind_null(1);
  while (j.step()) {
    auto it = by_id.find(j.integer(0));
    if (it == by_id.end()) continue;  // an inspection the filters dropped
    it->second->judgements[j.text(1)] = GradeCell{j.text(2), j.text(3), j.text(4), static_cast<int>(j.integer(5))};
  }
  apply_review_and_corrections(db, filter.document_id, rows);
  if (filter.needs_review_only) std::erase_if(rows, [](const InspectionRow& r) { return r.review.empty(); });
  return rows;
}

std::vector<ImprovementPointRow> query_improvement_points(const Connection& db, int64_t inspection_id) {
  auto q = db.prepare(
      "SELECT ordinal, text, page, number, section FROM improvement_points WHERE inspection_id = ? ORDER BY ordinal");
  q.bind(1, inspection_id);
  std::vector<ImprovementPointRow> out;
  while (q.step())
    out.push_back({static_cast<int>(q.integer(0)), q.text(1), static_cast<int>(q.integer(2)), q.text(3), q.text(4)});
  return out;
}

const std::vector<std::string>& export_columns() {
  static const std::vector<std::string> columns = {
      "authority_urn", "authority_la_code", "authority_ons_code", "authority_name", "source_file", "sha256",
      "kind", "framework", "inspection_type", "inspection_start", "inspection_end", "published",
      "published_source", "lead_inspector", "overall", "leadership", "help_protection", "in_care",
      "care_leavers", "adoption", "lscb", "corrected", "review"};
  return columns;
}

std::vector<std::string> export_values(const InspectionRow& r) {
  return {r.authority_urn, r.authority_la_code, r.authority_ons_code, r.authority_name, r.source_file, r.sha256,
          r.kind, r.framework, r.inspection_type, r.inspection_start, r.inspection_end, r.published,
          r.published_source, r.lead_inspector, r.grade("overall"), r.grade("leadership"),
          r.grade("help_protection"), r.grade("in_care"), r.grade("care_leavers"), r.grade("adoption"),
          r.grade("lscb"), corrected_summary(r), review_summary(r)};
}

}  // namespace cscwatch
