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
#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch {

struct RegisterEntry {
  std::string urn, la_code, ons_code, name, slug, region_code, region_name, la_type;
  bool legacy = false;
  std::optional<InspectionRow> latest;  // latest inspection with judgements
  std::vector<std::string> grades_ever;  // every overall grade it has had (machine names)
  int inspection_count = 0;             // documents of any kind
  std::optional<int> months_since;      // whole months from the latest inspection's last day
  std::optional<InspectionForecast> forecast;  // next inspection window (domain/inspection_cadence.h)
  std::string forecast_status;          // "in window", "window opens in N months", "monitoring", ...

  std::string current_grade() const { return latest ? latest->grade("overall") : std::string{}; }
};

// Every authority, ordered by name. `today` makes months_since testable.
std::vector<RegisterEntry> national_register(const Connection& db, const Date& today);

struct RegisterFilter {
  std::string region;         // region name; empty: all
  std::string grade;          // machine name, or "none" (no graded inspection); empty: all
  bool grade_ever = false;    // grade matches any past overall judgement, not only the current one
  std::string framework;      // framework of the latest inspection ("SIF", "ILACS", "pre-SIF")
  bool include_legacy = false;  // authorities abolished by a reorganisation
};

std::vector<RegisterEntry> filter_register(const std::vector<RegisterEntry>& entries, const RegisterFilter& filter);

// Columns the register can be sorted by (the export's field names plus
// "region" and "months_since"). Grades sort best to worst; blanks last.
const std::vector<std::string>& register_sort_columns();
bool is_register_sort_column(const std::string& column);
void sort_register(std::vector<RegisterEntry>& entries, const std::string& column, bool descending);

// Authorities by current overall grade; key "none" for those never graded.
std::map<std::string, int> count_by_current_grade(const std::vector<RegisterEntry>& entries);

// Whole calendar months from `from` to `to` (0 if `to` is earlier).
int months_between(const Date& from, const Date& to);

}  // namespace cscwatch
