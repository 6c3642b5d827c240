// The national statistics as JSON: the body of /api/national and of
// `cscwatch stats --format json`.
#pragma once

#include <nlohmann/json.hpp>

#include "analysis/national_statistics.h"

namespace cscwatch {

nlohmann::json national_statistics_json(const NationalStatistics& stats);

// The rules behind the figures, in words (the page and the API state them).
inline constexpr std::string_view kStatisticsRules =
    "Each inspection counts at its overall effectiveness grade; an inspection under the April 2026 framework (no "
    "overall grade) counts at its lowest judgement. Only inspections published on or before the as-at date count. "
    "Transitions and recovery use full inspections only (SIF, ILACS and the 2026 framework; not the 2013 looked "
    "after children inspections). A reorganised authority's history continues into each successor. Time to recover "
    "runs from the last day on site of an inadequate inspection to the last day on site of the next inspection "
    "judged better; authorities still inadequate at the as-at date are censored there, and the median and quartiles "
    "are Kaplan-Meier (product-limit) estimates. A report stored from two files counts once.";

}  // namespace cscwatch
