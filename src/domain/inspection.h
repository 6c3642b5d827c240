// What one published document says: the record a parser produces and the
// register stores. Every fact carries the page it was read from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/context_figure.h"
#include "domain/date.h"
#include "domain/framework.h"
#include "domain/judgement.h"
#include "domain/review_item.h"

namespace cscwatch {

// A value and the 1-based page of the report it came from (0: not from a page,
// e.g. a publication date taken from the corpus manifest).
template <typename T>
struct Sourced {
  T value{};
  int page = 0;
};

// Where a SIF report files a recommendation: "Priority and immediate action"
// or "Areas for improvement". ILACS "What needs to improve?" has no sections.
enum class ImprovementSection { None, PriorityAction, AreaForImprovement };

struct ImprovementPoint {
  std::string text;    // the whole item, its sub-items included
  int page = 0;        // page of its first line
  std::string number{};  // the report's own numbering ("12", "2.1"); empty for bullets
  ImprovementSection section = ImprovementSection::None;
};

// What a parser saw besides the facts it read: the completeness checks
// compare the two (domain/completeness.h).
struct ParseEvidence {
  // SIF: the title includes "Review of the effectiveness of the Local
  // Safeguarding Children Board", so an LSCB judgement must be printed.
  bool title_covers_lscb = false;
  // Grade cells found in the front judgement table (each a grade or "Not
  // judged"); -1 when the parser found no table to count.
  int table_grade_cells = -1;
  // Judgements read from those cells (a row whose label is not understood
  // leaves the two unequal).
  int table_rows_read = 0;
  // Page of the front judgement table (where a missing judgement should be).
  int table_page = 0;
  // The report's own summary sentence ("Children's services in X are
  // inadequate"), where one is printed, and the grade it states.
  std::optional<Sourced<Grade>> summary_grade;
  // The dates were printed as a single day, or as two on-site periods.
  bool single_date_printed = false;
  bool split_fieldwork = false;
};

struct InspectionRecord {
  DocumentKind kind{};
  Framework framework{};
  InspectionType type{};
  bool type_inferred = false;  // ILACS short/standard comes from the on-site span

  // The authority's name as printed in the title block; resolution against the
  // reference table happens outside the parser.
  Sourced<std::string> authority_printed;

  std::optional<Sourced<Date>> start;
  std::optional<Sourced<Date>> end;
  std::optional<Sourced<Date>> published;
  std::string published_source;  // "report", "manifest", "listing" or empty

  std::optional<Sourced<std::string>> lead_inspector;  // two leads: "A; B"

  std::vector<Judgement> judgements;
  std::vector<ImprovementPoint> improvement_points;
  std::vector<ContextFigure> context_figures;  // SIF reports: the area's statistics
  std::optional<Sourced<std::string>> headline;  // the one-line summary / first paragraph

  ParseEvidence evidence;
  // Facts the parser found but could not settle (an item it could not
  // delimit, a table row it could not classify). Never a guess in their place.
  std::vector<ReviewItem> doubts;

  const Judgement* judgement(JudgementArea area) const {
    for (const auto& j : judgements)
      if (j.area == area) return &j;
    return nullptr;
  }
};

// ILACS: one week on site is a short inspection, two weeks standard.
InspectionType infer_ilacs_type(const Date& start, const Date& end);

}  // namespace cscwatch
