// The national register: every authority in England with its latest graded
// inspection, whether or not any report of it has been ingested. Behind the
// register page, its JSON API and the grade counts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/inspection_cadence.h"
#include "domain/judgement_scheme.h"
#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch {

// The judgement scheme of a row (its kind and first day on site; the
// publication date when the first day was not read), or nullopt when the
// kind is unknown or no date was read.
std::optional<JudgementScheme> row_scheme(const InspectionRow& row);

// How a row counts in the counts by grade, the grade filter, the timeline and
// the forecast: domain/judgement_scheme.h grade_for_counts applied to the row.
struct CountedGrade {
  std::string grade;                         // machine name; empty: nothing to count
  bool overall_absent_by_framework = false;  // April 2026 framework: no overall grade by design
  bool by_lowest_judgement = false;          // counted at its lowest judgement (grade non-empty)
};
CountedGrade counted_grade(const InspectionRow& row);

// The next-inspection forecast after `row` ended on `last_day`: the ILACS
// cycle by its overall grade, or the April 2026 framework's rule by its four
// judgements where it has no overall grade.
InspectionForecast forecast_after(const InspectionRow& row, const Date& last_day);

// "no overall grade (2026 framework)": what the register shows for such a row.
inline constexpr std::string_view kNoOverall2026 = "no overall grade (2026 framework)";
// The counting rule in words, for the counts' note and the API.
inline constexpr std::string_view kCountingRule =
    "Inspections under the April 2026 framework have no overall effectiveness grade; they are counted at their "
    "lowest judgement (a service is judged no stronger than its weakest judgement).";

struct RegisterEntry {
  std::string urn, la_code, ons_code, name, slug, region_code, region_name, la_type;
  bool legacy = false;
  std::optional<InspectionRow> latest;  // latest inspection with judgements
  std::vector<std::string> grades_ever;  // every overall grade it has had (machine names)
  int inspection_count = 0;             // documents of any kind
  std::optional<int> months_since;      // whole months from the latest inspection's last day
  std::optional<InspectionForecast> forecast;  // next inspection window (domain/inspection_cadence.h)
  std::string forecast_status;          // "in window", "window opens in N months", "monitoring", ...

  CountedGrade counted;                 // how the latest inspection counts

  // The grade the authority counts as: its latest overall grade, or for the
  // April 2026 framework its lowest judgement (see CountedGrade).
  std::string current_grade() const { return counted.grade; }
};

// Every authority, ordered by name. `today` makes months_since testable.
std::vector<RegisterEntry> national_register(const Connection& db, const Date& today);

struct RegisterFilter {
  std::string region;         // region name; empty: all
  std::string grade;          // machine name, or "none" (no graded inspection); empty: all
  bool grade_ever = false;    // grade matches any past overall judgement, not only the current one
  std::string framework;      // framework of the latest inspection ("SIF", "ILACS", "pre-SIF")
  bool include_legacy = false;  // authorities abolished by a reorganisation
  // Only authorities under intervention. Applied by the caller, who knows who
  // asks (improvement records can be restricted): filter_register ignores it.
  bool under_intervention = false;
};

std::vector<RegisterEntry> filter_register(const std::vector<RegisterEntry>& entries, const RegisterFilter& filter);

// Columns the register can be sorted by (the export's field names plus
// "region" and "months_since"). Grades sort best to worst; blanks last.
const std::vector<std::string>& register_sort_columns();
bool is_register_sort_column(const std::string& column);
void sort_register(std::vector<RegisterEntry>& entries, const std::string& column, bool descending);

// Authorities by current (counted) grade; key "none" for those never graded.
std::map<std::string, int> count_by_current_grade(const std::vector<RegisterEntry>& entries);
// Of those, the authorities counted at their lowest judgement (2026 framework), by grade.
std::map<std::string, int> count_by_lowest_judgement(const std::vector<RegisterEntry>& entries);

// Whole calendar months from `from` to `to` (0 if `to` is earlier).
int months_between(const Date& from, const Date& to);

}  // namespace cscwatch
