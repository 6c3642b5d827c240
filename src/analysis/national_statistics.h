// The national picture from the record: how the grades mix by year of
// publication and by framework, how an authority's grade changes from one full
// inspection to the next, and how long recovery from inadequate takes.
// Behind /national, /api/national and `cscwatch stats`.
//
// Rules, stated once here and on the page:
// - Counted grade: an inspection's overall effectiveness grade; an inspection
//   under the April 2026 framework (no overall grade by design) counts at its
//   lowest judgement, as in the register (analysis/national_register.h).
// - As at: only inspections published on or before the as-at date exist
//   (the last day on site stands in when no publication date was read).
// - Full inspections: SIF and ILACS (standard, short and re-inspections) and
//   the April 2026 framework. The 2013 looked after children inspections are in
//   the grade mix but start no transition and no recovery: they judged part of
//   the service.
// - The same full inspection (authority and first day on site) stored from
//   two files counts once.
// - Reorganisations (domain/reorganisation.h) continue a predecessor's history
//   into each successor, as the forecast does: the predecessor's last full
//   inspection before the change and a successor's first one make one
//   transition of the successor, and an inadequate predecessor recovers when
//   the successor is first judged better. A split counts once per successor
//   (each inherited the whole service). Only the authorities that exist at
//   the as-at date carry histories (before a split, the county; after it, its
//   successors), so no inspection is counted twice within one authority.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "store/sqlite.h"

namespace cscwatch {

// Grades in the order every table and chart shows them, best first.
inline constexpr const char* kStatsGrades[] = {"outstanding", "good", "requires_improvement", "adequate",
                                               "inadequate"};

struct GradeCounts {
  std::map<std::string, int> by_grade;  // counted grade -> inspections
  int by_lowest_judgement = 0;          // of them, April 2026 framework inspections counted at their lowest judgement
  int total = 0;
};

struct GradeMix {
  std::map<std::string, GradeCounts> by_year;       // year of publication ("2019")
  std::map<std::string, GradeCounts> by_framework;  // "pre-SIF", "SIF", "ILACS", "ILACS 2026"
};

// counts[from][to]: consecutive full inspections of one authority.
struct TransitionMatrix {
  std::map<std::string, std::map<std::string, int>> counts;
  int total = 0;
  int row_total(const std::string& from) const;
  // Share of the row (0..1); 0 for an empty row.
  double share(const std::string& from, const std::string& to) const;
};

// Time from an inadequate judgement (its last day on site) to the next better
// judgement of the same authority (that inspection's last day on site), in
// months of 365.2425/12 days. Authorities still inadequate at the as-at date
// are censored there: the Kaplan-Meier product-limit estimate uses them as
// "not yet recovered after t months" without inventing a recovery date.
struct RecoveryTimes {
  int inadequate = 0;  // inadequate judgements followed up
  int recovered = 0;   // with a later better judgement
  int censored = 0;    // still inadequate at the as-at date
  // Months at which the estimated share still inadequate falls to 75%, 50%
  // and 25%; nullopt when it never falls that far within the record.
  std::optional<double> q1, median, q3;
  struct Step {
    double months = 0;
    double still_inadequate = 1;  // Kaplan-Meier survival after this time
  };
  std::vector<Step> curve;
  std::vector<double> recovered_months;  // each observed recovery, sorted
};

struct NationalStatistics {
  Date as_at;
  GradeMix national;
  std::map<std::string, GradeMix> by_region;  // region name -> mix
  TransitionMatrix transitions;
  std::map<std::string, TransitionMatrix> transitions_by_region;
  RecoveryTimes recovery;
  std::map<std::string, RecoveryTimes> recovery_by_region;
  // By the strongest intervention recorded between the inadequate judgement
  // and its recovery (analysis/answering_intervention.h): "Commissioner",
  // "Improvement notice", ..., "None recorded".
  std::map<std::string, RecoveryTimes> recovery_by_intervention;
};

NationalStatistics national_statistics(const Connection& db, const Date& as_at);

// The Kaplan-Meier quantiles of (months, recovered?) observations: exposed so
// the estimate is tested on hand-made cases.
struct SurvivalObservation {
  double months = 0;
  bool event = false;  // recovered (true) or censored (false)
};
RecoveryTimes kaplan_meier(std::vector<SurvivalObservation> observations);


}  // namespace cscwatch
