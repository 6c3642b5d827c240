#include "store/inspection_rows.h"

#include <algorithm>
#include <type_traits>
#include <unordered_map>
#include <variant>

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
  if (document_id)
    items.bind(1, *document_id);
  else
    items.bind_null(1);
  while (items.step()) {
    auto it = by_document.find(items.integer(0));
    if (it == by_document.end()) continue;
    it->second->review.push_back({items.text(1), items.text(2), static_cast<int>(items.integer(3))});
  }
  auto corrections = db.prepare(R"sql(
    SELECT c.sha256, c.field, c.value, c.extracted, c.page, c.note, c.corrected_by, c.corrected_at
    FROM corrections c JOIN documents d ON d.sha256 = c.sha256
    WHERE (?1 IS NULL OR d.id = ?1) ORDER BY c.sha256, c.field)sql");
  if (document_id)
    corrections.bind(1, *document_id);
  else
    corrections.bind_null(1);
  while (corrections.step()) {
    auto it = by_sha.find(corrections.text(0));
    if (it == by_sha.end()) continue;
    InspectionRow& r = *it->second;
    Correction c{
        corrections.text(1), corrections.text(2), corrections.text(3), static_cast<int>(corrections.integer(4)),
        corrections.text(5), corrections.text(6), corrections.text(7)};
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

namespace {

// Each column query_inspections selects, and the row field it fills, in
// SELECT order: `i` is an inspection with its effective authority, `d` its
// document, `a` that authority.
struct RowColumn {
  const char* sql;
  std::variant<std::string InspectionRow::*, int InspectionRow::*, int64_t InspectionRow::*, bool InspectionRow::*>
      field;
};

const std::vector<RowColumn>& row_columns() {
  static const std::vector<RowColumn> columns = {
      {"i.id", &InspectionRow::inspection_id},
      {"d.id", &InspectionRow::document_id},
      {"a.urn", &InspectionRow::authority_urn},
      {"a.la_code", &InspectionRow::authority_la_code},
      {"a.ons_code", &InspectionRow::authority_ons_code},
      {"a.name", &InspectionRow::authority_name},
      {"a.slug", &InspectionRow::authority_slug},
      {"a.region_name", &InspectionRow::region_name},
      {"d.file_name", &InspectionRow::source_file},
      {"d.sha256", &InspectionRow::sha256},
      {"d.kind", &InspectionRow::kind},
      {"i.framework", &InspectionRow::framework},
      {"i.inspection_type", &InspectionRow::inspection_type},
      {"i.type_inferred", &InspectionRow::type_inferred},
      {"COALESCE(i.start_date,'')", &InspectionRow::inspection_start},
      {"COALESCE(i.end_date,'')", &InspectionRow::inspection_end},
      {"COALESCE(i.published,'')", &InspectionRow::published},
      {"COALESCE(i.published_source,'')", &InspectionRow::published_source},
      {"COALESCE(i.lead_inspector,'')", &InspectionRow::lead_inspector},
      {"COALESCE(i.start_page,0)", &InspectionRow::start_page},
      {"COALESCE(i.end_page,0)", &InspectionRow::end_page},
      {"COALESCE(i.published_page,0)", &InspectionRow::published_page},
      {"COALESCE(i.lead_inspector_page,0)", &InspectionRow::lead_inspector_page},
      {"i.authority_printed", &InspectionRow::authority_printed},
      {"i.authority_page", &InspectionRow::authority_page},
      {"COALESCE(i.headline,'')", &InspectionRow::headline},
      {"COALESCE(i.headline_page,0)", &InspectionRow::headline_page},
      {"d.page_count", &InspectionRow::page_count},
      {"i.authority_resolution", &InspectionRow::authority_resolution},
      {"i.authority_urn", &InspectionRow::authority_urn_extracted},
  };
  return columns;
}

InspectionRow read_row(const Statement& q) {
  InspectionRow r;
  const auto& columns = row_columns();
  for (size_t k = 0; k < columns.size(); ++k) {
    const int index = static_cast<int>(k);
    std::visit(
        [&](auto member) {
          using Field = std::remove_reference_t<decltype(r.*member)>;
          if constexpr (std::is_same_v<Field, std::string>)
            r.*member = q.text(index);
          else if constexpr (std::is_same_v<Field, bool>)
            r.*member = q.integer(index) != 0;
          else
            r.*member = static_cast<Field>(q.integer(index));
        },
        columns[k].field);
  }
  return r;
}

// The rows the filter selects, without their judgements, review items or
// corrections.
std::vector<InspectionRow> read_rows(const Connection& db, const InspectionFilter& filter) {
  std::string select;
  for (const RowColumn& c : row_columns()) select += (select.empty() ? "" : ", ") + std::string(c.sql);
  // The authority is the corrected one where a person corrected it.
  const std::string sql = R"sql(
    WITH eff AS (
      SELECT i.*, COALESCE((SELECT c.value FROM corrections c JOIN documents dd ON dd.sha256 = c.sha256
                            WHERE dd.id = i.document_id AND c.field = 'authority'), i.authority_urn) AS urn
      FROM inspections i)
    SELECT )sql" + select +
                          R"sql(
    FROM eff i JOIN documents d ON d.id = i.document_id JOIN authorities a ON a.urn = i.urn
    WHERE (?1 IS NULL OR a.urn = ?1) AND (?2 IS NULL OR d.id = ?2)
      AND (?3 = 0 OR (d.kind <> 'lscb_review' AND EXISTS (SELECT 1 FROM judgements j WHERE j.inspection_id = i.id)))
    ORDER BY a.name, i.start_date, d.file_name)sql";
  auto q = db.prepare(sql);
  if (filter.authority_urn)
    q.bind(1, *filter.authority_urn);
  else
    q.bind_null(1);
  if (filter.document_id)
    q.bind(2, *filter.document_id);
  else
    q.bind_null(2);
  q.bind(3, (filter.graded_only || filter.latest_per_authority) ? 1 : 0);
  std::vector<InspectionRow> rows;
  while (q.step()) rows.push_back(read_row(q));
  return rows;
}

// Keeps each authority's last row (rows are sorted by start date within it).
void keep_latest_per_authority(std::vector<InspectionRow>& rows) {
  std::vector<InspectionRow> latest;
  for (auto& r : rows) {
    if (!latest.empty() && latest.back().authority_urn == r.authority_urn)
      latest.back() = std::move(r);
    else
      latest.push_back(std::move(r));
  }
  rows = std::move(latest);
}

// The judgements of every selected inspection in one statement (not one
// per row: the register and the export read them all).
void attach_judgements(const Connection& db, std::optional<int64_t> document_id, std::vector<InspectionRow>& rows) {
  std::unordered_map<int64_t, InspectionRow*> by_id;
  for (auto& r : rows) by_id[r.inspection_id] = &r;
  // Selected by document when one is asked for, else all (a map lookup drops
  // the rest): one statement either way.
  auto j = db.prepare(R"sql(
    SELECT j.inspection_id, j.area, COALESCE(j.grade,''), j.printed_label, j.printed_grade, j.page
    FROM judgements j JOIN inspections i ON i.id = j.inspection_id
    WHERE (?1 IS NULL OR i.document_id = ?1))sql");
  if (document_id)
    j.bind(1, *document_id);
  else
    j.bind_null(1);
  while (j.step()) {
    auto it = by_id.find(j.integer(0));
    if (it == by_id.end()) continue;  // an inspection the filters dropped
    it->second->judgements[j.text(1)] = GradeCell{j.text(2), j.text(3), j.text(4), static_cast<int>(j.integer(5))};
  }
}

}  // namespace

std::vector<InspectionRow> query_inspections(const Connection& db, const InspectionFilter& filter) {
  // Rows, judgements, review items and corrections from one snapshot, even
  // while an ingest commits.
  ReadSnapshot snapshot(db);
  std::vector<InspectionRow> rows = read_rows(db, filter);
  if (filter.latest_per_authority) keep_latest_per_authority(rows);
  attach_judgements(db, filter.document_id, rows);
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
  static const std::vector<std::string> columns = {"authority_urn",
                                                   "authority_la_code",
                                                   "authority_ons_code",
                                                   "authority_name",
                                                   "source_file",
                                                   "sha256",
                                                   "kind",
                                                   "framework",
                                                   "inspection_type",
                                                   "inspection_start",
                                                   "inspection_end",
                                                   "published",
                                                   "published_source",
                                                   "lead_inspector",
                                                   "overall",
                                                   "leadership",
                                                   "help_protection",
                                                   "in_care",
                                                   "care_leavers",
                                                   "adoption",
                                                   "lscb",
                                                   "corrected",
                                                   "review"};
  return columns;
}

std::vector<std::string> export_values(const InspectionRow& r) {
  return {r.authority_urn,
          r.authority_la_code,
          r.authority_ons_code,
          r.authority_name,
          r.source_file,
          r.sha256,
          r.kind,
          r.framework,
          r.inspection_type,
          r.inspection_start,
          r.inspection_end,
          r.published,
          r.published_source,
          r.lead_inspector,
          r.grade("overall"),
          r.grade("leadership"),
          r.grade("help_protection"),
          r.grade("in_care"),
          r.grade("care_leavers"),
          r.grade("adoption"),
          r.grade("lscb"),
          corrected_summary(r),
          review_summary(r)};
}

}  // namespace cscwatch
