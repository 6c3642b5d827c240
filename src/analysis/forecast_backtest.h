// The forecast judged as at a past date and scored against what followed.
//
// As at DATE only inspections that ended before DATE exist: each authority's
// latest of them is its last inspection, and the windows are derived from the
// intervals between them (analysis/inspection_intervals.h), so an inspection
// on or after DATE never changes a forecast. Each authority's next inspection
// (the first in the register that had not ended by DATE, its successors'
// included after a reorganisation) is then compared with its window.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/inspection_intervals.h"
#include "analysis/round_queue.h"

namespace cscwatch {

enum class ForecastPolicy {
  Round,       // the current round's order and pace (analysis/round_queue.h): the register's forecast
  RoundLastInspection,  // the same, queued by last inspection alone (no grade offsets): the rule before
  Derived,     // windows from intervals over the whole record (analysis/inspection_intervals.h)
  DomainRule,  // the fixed 30-42 months; inadequate: monitoring, no prediction
  Baseline,    // the plain rule every forecast is measured against: last + 36 months +/- 6
};
std::string_view describe(ForecastPolicy policy);

enum class BacktestResult {
  Inside,          // next inspection began inside the window
  Early,           // before the window opened
  Late,            // after it closed
  Unpredicted,     // inspected again, but there was no window (monitoring)
  Pending,         // not inspected again; window still open (or not yet open) at the horizon
  Overdue,         // not inspected again; window closed before the horizon
  PendingUnpredicted,  // not inspected again, no window
};
std::string_view describe(BacktestResult result);

struct BacktestOutcome {
  std::string urn, name;
  GradedVisit last;
  DerivedForecast forecast;
  std::optional<GradedVisit> next;
  BacktestResult result = BacktestResult::Pending;
  int months_off = 0;  // Early: months before the window opened; Late/Overdue: months after it closed
};

struct BacktestScore {
  Date as_of, horizon;   // horizon: the newest inspection's last day in the register
  ForecastPolicy policy = ForecastPolicy::Derived;
  int intervals_known = 0;        // intervals the windows were derived from
  int authorities = 0;            // with a graded inspection that ended before as_of
  int with_window = 0;
  int inspected_later = 0;        // of all authorities
  int later_with_window = 0, inside = 0, early = 0, late = 0;
  std::vector<int> months_early, months_late;  // sorted
  int unpredicted = 0;            // inspected later with no window
  int inadequate_reinspected = 0, inadequate_predicted = 0, inadequate_inside = 0;
  int overdue = 0, pending = 0, pending_unpredicted = 0;
  std::vector<int> window_months;  // each window's width
  RoundCoverage stated_coverage;   // Round rules: what the rule claimed as at the date
  std::vector<BacktestOutcome> outcomes;
};

// Each authority in existence on `as_of` with its latest graded inspection
// that ended before it (a predecessor's, for a successor not yet inspected).
std::map<std::string, GradedVisit> last_inspections(std::span<const GradedVisit> visits,
                                                    std::span<const Reorganisation> reorganisations,
                                                    const Date& as_of);

// `visits`: the whole register (graded_visits). Authorities abolished by a
// reorganisation that took effect by as_of are judged through their successors.
BacktestScore backtest_forecast(std::span<const GradedVisit> visits, std::span<const Reorganisation> reorganisations,
                                const Date& as_of, ForecastPolicy policy = ForecastPolicy::Round);

// The score in a few lines of plain text.
std::string format_backtest(const BacktestScore& score);

// A round rule, which states its coverage.
bool is_round(ForecastPolicy policy);

// The domain rule's forecast (the fixed cycle; inadequate: monitoring) in the
// shape of a derived one, for comparison.
DerivedForecast domain_rule_forecast(const GradedVisit& last);

}  // namespace cscwatch
