// What one published document says: the record a parser produces and the
// register stores. Every fact carries the page it was read from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/framework.h"
#include "domain/judgement.h"

namespace cscwatch {

// A value and the 1-based page of the report it came from (0: not from a page,
// e.g. a publication date taken from the corpus manifest).
template <typename T>
struct Sourced {
  T value{};
  int page = 0;
};

struct ImprovementPoint {
  std::string text;
  int page = 0;
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
  std::optional<Sourced<std::string>> headline;  // the one-line summary / first paragraph

  const Judgement* judgement(JudgementArea area) const {
    for (const auto& j : judgements)
      if (j.area == area) return &j;
    return nullptr;
  }
};

// ILACS: one week on site is a short inspection, two weeks standard.
InspectionType infer_ilacs_type(const Date& start, const Date& end);

}  // namespace cscwatch
