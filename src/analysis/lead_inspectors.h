// The inspections each lead inspector led, by year, framework and grade.
// Grade mix here reflects which authorities an inspector was sent to, not the
// inspector: the caveat goes with every figure (kInspectorCaveat).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch {

inline constexpr std::string_view kInspectorCaveat =
    "An inspector's grade mix reflects which authorities they were sent to inspect, not how they judge: "
    "do not read it as a measure of the inspector.";

struct LeadInspector {
  std::string name;  // as printed
  std::string slug;  // "neil-penswick"
  int inspections = 0;                       // documents led, graded or not
  std::map<std::string, int> by_year;        // year of the first day on site (publication when not read)
  std::map<std::string, int> by_framework;   // "SIF", "ILACS", "ILACS 2026", "pre-SIF", ...
  std::map<std::string, int> by_grade;       // counted grade; "" for documents without one
  std::vector<InspectionRow> rows;           // oldest first (filled by lead_inspector only)
};

// "Neil Penswick" -> "neil-penswick" (letters and digits, runs of anything else a single hyphen).
std::string inspector_slug(std::string_view name);

// Every lead inspector named in the register, most inspections first, then by name.
std::vector<LeadInspector> lead_inspectors(const Connection& db);

// One inspector by slug, with their inspections; nullopt if none has that slug.
std::optional<LeadInspector> lead_inspector(const Connection& db, std::string_view slug);

}  // namespace cscwatch
