#include "analysis/forecast_backtest.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>

#include "analysis/round_queue.h"

namespace cscwatch {

namespace {

std::optional<Date> date_of(std::string_view iso) {
  return parse_iso_date(iso);
}

// Abolished by as_of: a predecessor of a reorganisation in effect.
bool abolished(const std::string& urn, std::span<const Reorganisation> reorganisations, const Date& as_of) {
  for (const auto& r : reorganisations)
    if (r.predecessor_urn == urn)
      if (auto d = date_of(r.date); d && !(as_of < *d)) return true;
  return false;
}

// Created after as_of: a successor of a reorganisation not yet in effect.
bool not_yet_created(const std::string& urn, std::span<const Reorganisation> reorganisations, const Date& as_of) {
  for (const auto& r : reorganisations)
    if (r.successor_urn == urn)
      if (auto d = date_of(r.date); d && as_of < *d) return true;
  return false;
}

// The authority's history: its own visits and its predecessors' before each
// reorganisation (recursively).
void history(const std::string& urn, std::optional<Date> until, std::span<const GradedVisit> visits,
             std::span<const Reorganisation> reorganisations, std::vector<const GradedVisit*>& out, int depth = 0) {
  if (depth > 8) return;
  for (const auto& v : visits)
    if (v.urn == urn && (!until || v.start < *until)) out.push_back(&v);
  for (const auto& r : reorganisations) {
    if (r.successor_urn != urn) continue;
    auto d = date_of(r.date);
    if (!d) continue;
    Date limit = until && *until < *d ? *until : *d;
    history(std::string(r.predecessor_urn), limit, visits, reorganisations, out, depth + 1);
  }
}

// The authority's continuation: its own visits and its successors' (recursively).
void continuation(const std::string& urn, std::span<const GradedVisit> visits,
                  std::span<const Reorganisation> reorganisations, std::vector<const GradedVisit*>& out,
                  int depth = 0) {
  if (depth > 8) return;
  for (const auto& v : visits)
    if (v.urn == urn) out.push_back(&v);
  for (const auto& r : reorganisations)
    if (r.predecessor_urn == urn) continuation(std::string(r.successor_urn), visits, reorganisations, out, depth + 1);
}

std::string months_summary(const std::vector<int>& months) {
  if (months.empty()) return "";
  const int median = months[months.size() / 2];
  return " (by " + std::to_string(months.front()) + " to " + std::to_string(months.back()) + " months, median " +
         std::to_string(median) + ")";
}

std::string percent(int part, int whole) {
  if (!whole) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, " (%.0f%%)", 100.0 * part / whole);
  return buf;
}

// "  label ... value": labels padded to one column.
std::string line(const std::string& label, const std::string& value) {
  std::string out = "  " + label;
  if (out.size() < 40) out.append(40 - out.size(), ' ');
  return out + value + "\n";
}

// The register runs up to its latest inspection end, or as_of if none is later:
// pending windows are judged open or closed against that date.
Date register_horizon(std::span<const GradedVisit> visits, const Date& as_of) {
  Date horizon = as_of;
  for (const auto& v : visits)
    if (horizon < v.end) horizon = v.end;
  return horizon;
}

// The authority's name as the register last spells it; a successor with no
// visits of its own yet is named by its predecessor's last visit or its URN.
std::string current_name(const std::string& urn, const GradedVisit& last, std::span<const GradedVisit> visits) {
  std::string name = last.urn == urn ? last.name : urn;
  for (const auto& v : visits)
    if (v.urn == urn) name = v.name;
  return name;
}

// The first inspection of the authority or its successors that began after its
// last one and ended on or after as_of: what the forecast is scored against.
std::optional<GradedVisit> next_inspection(const std::string& urn, const GradedVisit& last,
                                           std::span<const GradedVisit> visits,
                                           std::span<const Reorganisation> reorganisations, const Date& as_of) {
  std::vector<const GradedVisit*> later;
  continuation(urn, visits, reorganisations, later);
  std::erase_if(later, [&](const GradedVisit* v) { return v->end < as_of || !(last.end < v->start); });
  if (later.empty()) return std::nullopt;
  return **std::min_element(later.begin(), later.end(), [](auto* a, auto* b) { return a->start < b->start; });
}

// The forecast each policy makes from an authority's last inspection.
struct PolicyForecasters {
  ForecastPolicy policy;
  const RoundQueue& round;
  const CadenceWindows& windows;

  DerivedForecast forecast(const std::string& urn, const GradedVisit& last) const {
    switch (policy) {
      case ForecastPolicy::Round:
        return round.forecast(urn);
      case ForecastPolicy::Derived:
        return windows.forecast(last);
      case ForecastPolicy::DomainRule:
        return domain_rule_forecast(last);
      case ForecastPolicy::Baseline:
        return baseline_forecast(last);
    }
    return {};
  }
};

// An authority inspected again: where its next inspection began against the window.
void score_reinspection(BacktestOutcome& o, BacktestScore& s) {
  const auto& f = o.forecast.forecast;
  const bool window = f.opens && f.closes;
  const Date start = o.next->start;
  ++s.inspected_later;
  if (o.last.grade == "inadequate") {
    ++s.inadequate_reinspected;
    if (window) ++s.inadequate_predicted;
  }
  if (!window) {
    o.result = BacktestResult::Unpredicted;
    ++s.unpredicted;
    return;
  }
  ++s.later_with_window;
  if (start < *f.opens) {
    o.result = BacktestResult::Early;
    o.months_off = std::max(0, whole_months_between(start, *f.opens));
    s.months_early.push_back(o.months_off);
    ++s.early;
  } else if (*f.closes < start) {
    o.result = BacktestResult::Late;
    o.months_off = std::max(0, whole_months_between(*f.closes, start));
    s.months_late.push_back(o.months_off);
    ++s.late;
  } else {
    o.result = BacktestResult::Inside;
    ++s.inside;
    if (o.last.grade == "inadequate") ++s.inadequate_inside;
  }
}

// An authority not inspected again by the horizon: is its window still open?
void score_awaiting(BacktestOutcome& o, BacktestScore& s) {
  const auto& f = o.forecast.forecast;
  if (!(f.opens && f.closes)) {
    o.result = BacktestResult::PendingUnpredicted;
    ++s.pending_unpredicted;
  } else if (*f.closes < s.horizon) {
    o.result = BacktestResult::Overdue;
    o.months_off = std::max(0, whole_months_between(*f.closes, s.horizon));
    ++s.overdue;
  } else {
    o.result = BacktestResult::Pending;
    ++s.pending;
  }
}

// Counts one authority's forecast and outcome into the score.
void score_outcome(BacktestOutcome& o, BacktestScore& s) {
  const auto& f = o.forecast.forecast;
  const bool window = f.opens && f.closes;
  if (window) s.window_months.push_back(whole_months_between(*f.opens, *f.closes));
  ++s.authorities;
  if (window) ++s.with_window;
  if (o.next)
    score_reinspection(o, s);
  else
    score_awaiting(o, s);
}

}  // namespace

std::string_view describe(ForecastPolicy policy) {
  switch (policy) {
    case ForecastPolicy::Round:
      return "round order at the current pace, 6 months either side";
    case ForecastPolicy::Derived:
      return "windows from intervals over the whole record";
    case ForecastPolicy::DomainRule:
      return "domain rule: 30-42 months, inadequate monitored";
    case ForecastPolicy::Baseline:
      return "baseline: last inspection + 36 months, give or take 6";
  }
  return "";
}

std::string_view describe(BacktestResult result) {
  switch (result) {
    case BacktestResult::Inside:
      return "inside window";
    case BacktestResult::Early:
      return "before window";
    case BacktestResult::Late:
      return "after window";
    case BacktestResult::Unpredicted:
      return "inspected, no window predicted";
    case BacktestResult::Pending:
      return "not inspected yet, window open";
    case BacktestResult::Overdue:
      return "not inspected yet, window closed";
    case BacktestResult::PendingUnpredicted:
      return "not inspected yet, no window";
  }
  return "";
}

DerivedForecast domain_rule_forecast(const GradedVisit& last) {
  DerivedForecast f;
  f.forecast = last.grades2026 ? forecast_next_inspection_2026(last.end, *last.grades2026)
                               : forecast_next_inspection(last.end, parse_grade(last.grade));
  f.rule = f.forecast.basis;
  return f;
}

std::map<std::string, GradedVisit> last_inspections(std::span<const GradedVisit> visits,
                                                    std::span<const Reorganisation> reorganisations,
                                                    const Date& as_of) {
  std::set<std::string> urns;
  for (const auto& v : visits) urns.insert(v.urn);
  for (const auto& r : reorganisations) urns.insert(std::string(r.successor_urn));
  std::map<std::string, GradedVisit> lasts;
  for (const auto& urn : urns) {
    if (abolished(urn, reorganisations, as_of) || not_yet_created(urn, reorganisations, as_of)) continue;
    std::vector<const GradedVisit*> past;
    history(urn, std::nullopt, visits, reorganisations, past);
    std::erase_if(past, [&](const GradedVisit* v) { return !(v->end < as_of); });
    if (past.empty()) continue;
    lasts.emplace(urn,
                  **std::max_element(past.begin(), past.end(), [](auto* a, auto* b) { return a->start < b->start; }));
  }
  return lasts;
}

BacktestScore backtest_forecast(std::span<const GradedVisit> visits, std::span<const Reorganisation> reorganisations,
                                const Date& as_of, ForecastPolicy policy) {
  BacktestScore s;
  s.as_of = as_of;
  s.policy = policy;
  s.horizon = register_horizon(visits, as_of);

  const CadenceWindows windows(inspection_intervals(visits, reorganisations, as_of));
  s.intervals_known = static_cast<int>(windows.intervals().size());

  const std::map<std::string, GradedVisit> lasts = last_inspections(visits, reorganisations, as_of);
  const RoundQueue round(lasts, visits, as_of, std::nullopt, policy == ForecastPolicy::Round);
  s.stated_coverage = round.coverage();
  const PolicyForecasters forecasters{policy, round, windows};

  for (const auto& [urn, last] : lasts) {
    BacktestOutcome o;
    o.urn = urn;
    o.last = last;
    o.name = current_name(urn, last, visits);
    o.forecast = forecasters.forecast(urn, last);
    o.next = next_inspection(urn, last, visits, reorganisations, as_of);
    score_outcome(o, s);
    s.outcomes.push_back(std::move(o));
  }
  std::sort(s.months_early.begin(), s.months_early.end());
  std::sort(s.months_late.begin(), s.months_late.end());
  std::sort(s.outcomes.begin(), s.outcomes.end(),
            [](const BacktestOutcome& a, const BacktestOutcome& b) { return a.name < b.name; });
  return s;
}

std::string format_backtest(const BacktestScore& s) {
  using std::to_string;
  std::string out = "Backtest as at " + to_iso(s.as_of) + " (" + std::string(describe(s.policy)) +
                    "), scored against the register up to " + to_iso(s.horizon) + "\n";
  if (s.policy == ForecastPolicy::Derived)
    out += line("intervals known before the date:", to_string(s.intervals_known));
  out += line("authorities with a graded inspection:",
              to_string(s.authorities) + " (" + to_string(s.with_window) + " with a window)");
  out += line("inspected again later:", to_string(s.inspected_later));
  if (!s.window_months.empty()) {
    char mean[32];
    std::snprintf(mean, sizeof mean, "%.1f months",
                  std::accumulate(s.window_months.begin(), s.window_months.end(), 0.0) /
                      static_cast<double>(s.window_months.size()));
    out += line("mean window:", mean);
  }
  if (s.policy == ForecastPolicy::Round)
    out += line("stated coverage (the past year):",
                s.stated_coverage.scored
                    ? to_string(s.stated_coverage.inside) + " of " + to_string(s.stated_coverage.scored) +
                          percent(s.stated_coverage.inside, s.stated_coverage.scored)
                    : std::string("none to score"));
  out += line("later inspections with a window:", to_string(s.later_with_window));
  out += line("  inside the window:", to_string(s.inside) + percent(s.inside, s.later_with_window));
  out += line("  before it opened:", to_string(s.early) + months_summary(s.months_early));
  out += line("  after it closed:", to_string(s.late) + months_summary(s.months_late));
  out += line("later inspections with no window:", to_string(s.unpredicted));
  out += line("re-inspections after inadequate:", to_string(s.inadequate_reinspected) + " (" +
                                                      to_string(s.inadequate_predicted) + " predicted, " +
                                                      to_string(s.inadequate_inside) + " inside the window)");
  out += line("not inspected again by " + to_iso(s.horizon) + ":", to_string(s.overdue) + " window closed, " +
                                                                       to_string(s.pending) + " window open, " +
                                                                       to_string(s.pending_unpredicted) + " no window");
  return out;
}

}  // namespace cscwatch
