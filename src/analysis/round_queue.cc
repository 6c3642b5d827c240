#include "analysis/round_queue.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/forecast_backtest.h"
#include "domain/inspection_cadence.h"

namespace cscwatch {

namespace {

constexpr double kDaysPerMonth = 365.2425 / 12;

Date plus_months(const Date& d, double months) {
  return Date{std::chrono::sys_days(d) + std::chrono::days{static_cast<int>(std::lround(months * kDaysPerMonth))}};
}

bool before(const Date& a, const Date& b) { return a < b; }

}  // namespace

DerivedForecast baseline_forecast(const GradedVisit& last) {
  DerivedForecast f;
  f.forecast.opens = add_months(last.end, kBaselineMonths - kBaselineHalfWidthMonths);
  f.forecast.closes = add_months(last.end, kBaselineMonths + kBaselineHalfWidthMonths);
  f.rule = "last inspection + " + std::to_string(kBaselineMonths) + " months, give or take " +
           std::to_string(kBaselineHalfWidthMonths);
  f.forecast.basis = f.rule;
  return f;
}

Date newest_start(std::span<const GradedVisit> visits, const Date& fallback) {
  std::optional<Date> newest;
  for (const auto& v : visits)
    if (!newest || *newest < v.start) newest = v.start;
  return newest ? *newest : fallback;
}

RoundQueue::RoundQueue(const std::map<std::string, GradedVisit>& lasts, std::span<const GradedVisit> visits,
                       const Date& as_of, std::optional<Date> complete_until, bool score_coverage)
    : lasts_(lasts) {
  // The queue's clock: as_of when the register is complete up to it (a
  // backtest cuts it there); otherwise the day the caller says it is
  // complete to, so a register not updated for months does not skip the
  // authorities inspected meanwhile.
  known_until_ = complete_until && *complete_until < as_of ? *complete_until : as_of;
  // The pace: graded inspections begun in the kRoundPaceMonths up to it, or
  // over the kRoundLengthMonths of a whole round if that was faster. A year
  // slower than its round is a pause (2020-21), and Ofsted makes up a pause
  // rather than keeping its pace, so the round's pace is the lower bound.
  const Date pace_from = add_months(known_until_, -kRoundPaceMonths);
  const Date round_from = add_months(known_until_, -kRoundLengthMonths);
  int begun = 0;
  int begun_in_round = 0;
  for (const auto& v : visits) {
    if (!before(v.end, as_of)) continue;
    if (!before(v.start, pace_from)) ++begun;
    if (!before(v.start, round_from)) ++begun_in_round;
  }
  pace_ = std::max(static_cast<double>(begun) / kRoundPaceMonths,
                   static_cast<double>(begun_in_round) / kRoundLengthMonths);

  // The queue: oldest last inspection first (ties by URN, so the order is stable).
  std::vector<std::string> keys;
  for (const auto& [urn, v] : lasts_) keys.push_back(urn);
  std::sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
    const auto& va = lasts_.at(a);
    const auto& vb = lasts_.at(b);
    if (va.start != vb.start) return va.start < vb.start;
    return a < b;
  });
  for (size_t k = 0; k < keys.size(); ++k) position_[keys[k]] = static_cast<int>(k);

  if (!score_coverage) return;
  // Stated coverage: the same rule as at kRoundPaceMonths earlier, scored on
  // the inspections begun since (all known by as_of).
  std::map<std::string, GradedVisit> earlier_lasts;
  for (const auto& [urn, last] : lasts_) {
    // The authority's latest visit that had ended by then: walk its own
    // record (the map holds its latest only, so look through `visits`).
    std::optional<GradedVisit> then;
    for (const auto& v : visits)
      if (v.urn == last.urn && before(v.end, pace_from) && (!then || then->start < v.start)) then = v;
    if (then) earlier_lasts.emplace(urn, *then);
  }
  const RoundQueue earlier(earlier_lasts, visits, pace_from, std::nullopt, false);
  // Scored on what began after the earlier queue's clock and is known now.
  for (const auto& [urn, then] : earlier_lasts) {
    std::optional<Date> next;
    for (const auto& v : visits)
      if (v.urn == then.urn && then.end < v.start && before(v.end, as_of) && (!next || v.start < *next))
        next = v.start;
    if (!next || before(*next, pace_from)) continue;
    const DerivedForecast f = earlier.forecast(urn);
    if (!f.forecast.opens || !f.forecast.closes) continue;
    ++coverage_.scored;
    if (!before(*next, *f.forecast.opens) && !before(*f.forecast.closes, *next)) ++coverage_.inside;
  }
}

DerivedForecast RoundQueue::forecast(const std::string& urn) const {
  const auto it = lasts_.find(urn);
  if (it == lasts_.end()) return {};
  const GradedVisit& last = it->second;
  if (last.grades2026) return domain_rule_forecast(last);
  if (pace_ <= 0) {
    DerivedForecast f = baseline_forecast(last);
    f.rule = "no inspections in the last " + std::to_string(kRoundPaceMonths) + " months to set a pace: " + f.rule;
    f.forecast.basis = f.rule;
    return f;
  }
  const int position = position_.at(urn);
  Date expected = plus_months(known_until_, (position + 0.5) / pace_);
  const Date earliest = add_months(last.end, kRoundMinMonths);
  if (expected < earliest) expected = earliest;
  DerivedForecast f;
  f.forecast.opens = add_months(expected, -kRoundHalfWidthMonths);
  f.forecast.closes = add_months(expected, kRoundHalfWidthMonths);
  IntervalWindow group;
  group.framework = last.framework;
  group.grade = last.grade;
  f.rule = group.label() + ": " + std::to_string(position + 1) + " of " + std::to_string(position_.size()) +
           " in the round by last inspection, at " + std::to_string(static_cast<int>(std::lround(pace_ * 12))) +
           " inspections a year, " + std::to_string(kRoundHalfWidthMonths) + " months either side";
  if (auto share = coverage_.share())
    f.rule += " (held for " + std::to_string(static_cast<int>(std::lround(*share * 100))) + "% of " +
              std::to_string(coverage_.scored) + " in the past " + std::to_string(kRoundPaceMonths) + " months)";
  f.forecast.basis = f.rule;
  return f;
}

}  // namespace cscwatch
