// The national intervention register (issue 19): every intervention the
// register holds — the reference table's and what people entered, never an
// authority's restricted records — beside the inadequate judgement it answers
// and the next judgement better than inadequate, so the register can say how
// long the DfE took to act and how long services then took to improve.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/grade.h"
#include "domain/improvement_records.h"
#include "domain/intervention_status.h"
#include "store/sqlite.h"

namespace cscwatch {

struct InterventionRegisterRow {
  std::string urn, authority, slug, region;
  Intervention intervention;
  // In force today: started, not ended by its own dates, and not taken as
  // ended by a later better judgement (domain/intervention_status.h).
  bool in_force = false;
  // The inadequate judgement it answers: the latest published up to a month
  // after the intervention began, else the first within a year after (a
  // notice issued after a focused visit precedes the inspection). Its
  // publication date, or its last day on site where none is printed.
  std::optional<Date> judged_inadequate;
  // From that judgement to the intervention's start; negative when the
  // intervention came first.
  std::optional<int> months_to_intervention;
  // The first graded judgement better than inadequate on an inspection begun
  // after the intervention started, and the months from the start to it.
  std::optional<Date> better_judged;
  std::optional<Grade> better_grade;
  std::optional<int> months_to_better;
};

// Sorted by authority, then start (undated last).
std::vector<InterventionRegisterRow> intervention_register(const Connection& db, const Date& today);

// An intervention in force at some time in `year` by its stated dates (a
// start or end stated only as a month or year covers that period).
bool in_force_during(const Intervention& intervention, int year);

struct InterventionRegisterFilter {
  std::string kind;        // to_string(InterventionKind); empty: all
  std::string region;      // region name; empty: all
  std::optional<int> year; // in force during that year
  bool now = false;        // in force today
};
std::vector<InterventionRegisterRow> filter_intervention_register(const std::vector<InterventionRegisterRow>& rows,
                                                                  const InterventionRegisterFilter& filter);

// The register as a table, for the CSV, JSON and XLSX downloads.
const std::vector<std::string>& intervention_register_columns();
std::vector<std::string> intervention_register_cells(const InterventionRegisterRow& row);

}  // namespace cscwatch
