// Reading inspections back out of the register, one flat row per document:
// the shape of the export, the history command and the JSON API.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/correction.h"
#include "domain/review_item.h"
#include "store/sqlite.h"

namespace cscwatch {

struct GradeCell {
  std::string grade;          // machine name; empty: not judged / not in this framework
  std::string printed_label;
  std::string printed_grade;
  int page = 0;
};

struct InspectionRow {
  int64_t inspection_id = 0;
  int64_t document_id = 0;
  std::string authority_urn, authority_la_code, authority_ons_code, authority_name, authority_slug;
  std::string region_name;
  std::string source_file, sha256, kind, framework, inspection_type;
  bool type_inferred = false;
  std::string inspection_start, inspection_end, published, published_source, lead_inspector;
  int start_page = 0, end_page = 0, published_page = 0, lead_inspector_page = 0;
  std::string authority_printed;
  int authority_page = 0;
  std::string headline;
  int headline_page = 0;
  int page_count = 0;
  std::map<std::string, GradeCell> judgements;  // by area: overall, leadership, ...
  std::string authority_resolution;             // how the printed name was resolved, when not by name alone
  std::string authority_urn_extracted;          // before any correction

  // Facts a person should check (completeness rules, parser doubts, a later
  // extraction disagreeing with a correction), after corrections cleared theirs.
  std::vector<ReviewItem> review;
  // Corrections applied to this row: its fields above hold the corrected values.
  std::vector<Correction> corrections;

  bool needs_review() const { return !review.empty(); }
  const Correction* correction(std::string_view field) const {
    for (const auto& c : corrections)
      if (c.field == field) return &c;
    return nullptr;
  }

  std::string grade(const std::string& area) const {
    auto it = judgements.find(area);
    return it == judgements.end() ? std::string{} : it->second.grade;
  }
};

struct InspectionFilter {
  std::optional<std::string> authority_urn;
  std::optional<std::int64_t> document_id;
  bool latest_per_authority = false;  // only each authority's latest graded inspection
  // Inspections of the council's services with judgements: not letters, nor a
  // stand-alone review of the safeguarding board (its grade is the board's).
  bool graded_only = false;
  bool needs_review_only = false;     // documents with review items left

  static InspectionFilter latest() {
    InspectionFilter f;
    f.latest_per_authority = true;
    return f;
  }
  static InspectionFilter needing_review() {
    InspectionFilter f;
    f.needs_review_only = true;
    return f;
  }
  static InspectionFilter of_authority(std::string urn) {
    InspectionFilter f;
    f.authority_urn = std::move(urn);
    return f;
  }
  static InspectionFilter of_document(std::int64_t id) {
    InspectionFilter f;
    f.document_id = id;
    return f;
  }
};

// Rows ordered by authority name, then inspection start (oldest first).
std::vector<InspectionRow> query_inspections(const Connection& db, const InspectionFilter& filter = {});

struct ImprovementPointRow {
  int ordinal = 0;
  std::string text;
  int page = 0;
  std::string number;   // as printed; empty for bullets
  std::string section;  // "priority_action", "area_for_improvement" or empty
};
std::vector<ImprovementPointRow> query_improvement_points(const Connection& db, int64_t inspection_id);

// A correctable field's value in the row (export form); empty if none.
std::string field_value(const InspectionRow& row, std::string_view field);

// "overall: reason (p. 1); lscb: reason" and "overall; lscb".
std::string review_summary(const InspectionRow& row);
std::string corrected_summary(const InspectionRow& row);

// The export's columns, in their published order.
const std::vector<std::string>& export_columns();
// One row's values in export_columns() order.
std::vector<std::string> export_values(const InspectionRow& row);

}  // namespace cscwatch
