// The next-inspection forecast from the current round of inspections.
//
// Ofsted works through the authorities in rounds, and a round revisits them in
// roughly the order of the one before: the authorities whose last inspection
// is oldest come up first, at the pace the inspectorate keeps. So, as at a
// date, the forecast puts every authority in a queue ordered by the first day
// on site of its last graded inspection and expects the k-th of the queue
// after k inspections at the pace of the past kRoundPaceMonths (inspections
// begun in those months, per month). The window is kRoundHalfWidthMonths
// either side, never opening sooner than kRoundMinMonths after the last day
// on site (the domain brief's 30 months).
//
// This replaced windows from intervals over the whole record (inspection_
// intervals.h), whose intervals are dominated by the change from SIF to
// ILACS and the 2020-21 pause; the backtest (`cscwatch forecast --backtest`,
// bench/forecast_backtest.sh) prints both beside the plain baseline of last
// inspection + 36 months +/- 6.
//
// Each forecast states its coverage: the same rule applied as at
// kRoundPaceMonths earlier, scored on the inspections begun since - what share
// fell inside their windows. Under the April 2026 framework its own rules
// apply (domain/inspection_cadence.h).
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>

#include "analysis/inspection_intervals.h"
#include "domain/date.h"

namespace cscwatch {

inline constexpr int kRoundPaceMonths = 12;
inline constexpr int kRoundLengthMonths = 36;  // a round: every authority once
inline constexpr int kRoundHalfWidthMonths = 6;
inline constexpr int kRoundMinMonths = 30;

// The plain baseline every forecast is measured against.
inline constexpr int kBaselineMonths = 36;
inline constexpr int kBaselineHalfWidthMonths = 6;
DerivedForecast baseline_forecast(const GradedVisit& last);

struct RoundCoverage {
  int scored = 0;  // inspections begun in the kRoundPaceMonths before the date, with a window then
  int inside = 0;
  std::optional<double> share() const {
    return scored ? std::optional<double>(static_cast<double>(inside) / scored) : std::nullopt;
  }
};

// The first day on site of the newest inspection in `visits` (`fallback` for
// none): how far a register that is not updated daily is known complete.
Date newest_start(std::span<const GradedVisit> visits, const Date& fallback);

class RoundQueue {
 public:
  // `lasts`: each current authority's latest graded inspection that ended
  // before `as_of`, keyed by the authority's URN (a successor's key holds its
  // predecessor's visit until its own first inspection). `visits`: every graded
  // inspection in the register; only those ended before `as_of` are used.
  // `complete_until`: the day the register is known complete to, when
  // earlier than as_of (the queue's clock starts there; see newest_start).
  RoundQueue(const std::map<std::string, GradedVisit>& lasts, std::span<const GradedVisit> visits, const Date& as_of,
             std::optional<Date> complete_until = std::nullopt, bool score_coverage = true);

  // The authority's window; the April 2026 framework's rules for an
  // inspection under it.
  DerivedForecast forecast(const std::string& urn) const;

  double pace_per_month() const { return pace_; }
  const RoundCoverage& coverage() const { return coverage_; }

 private:
  Date known_until_;  // the queue's clock: as_of, or the day the register is complete to
  double pace_ = 0;
  std::map<std::string, GradedVisit> lasts_;
  std::map<std::string, int> position_;  // 0 = next in the queue
  RoundCoverage coverage_;
};

}  // namespace cscwatch
