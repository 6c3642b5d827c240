#include "analysis/inspection_intervals.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

#include "analysis/national_register.h"
#include "domain/grade.h"

namespace cscwatch {

namespace {

constexpr double kDaysPerMonth = 365.2425 / 12.0;

std::string fixed(double value, int decimals = 0) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

int grade_order(const std::string& grade) {
  auto g = parse_grade(grade);
  return g ? rank(*g) : 99;
}

std::string grade_label(const std::string& grade) {
  auto g = parse_grade(grade);
  if (!g) return grade;
  std::string s(label(*g));
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The predecessors of `urn` with the day each reorganisation took effect.
std::vector<std::pair<std::string, Date>> predecessors_of(const std::string& urn,
                                                          std::span<const Reorganisation> reorganisations) {
  std::vector<std::pair<std::string, Date>> out;
  for (const auto& r : reorganisations)
    if (r.successor_urn == urn)
      if (auto d = parse_iso_date(r.date)) out.emplace_back(std::string(r.predecessor_urn), *d);
  return out;
}

// The predecessors' visits that continue into `urn`'s history: those that
// started before the reorganisation, recursively.
void inherited_visits(const std::string& urn, std::optional<Date> until, std::span<const GradedVisit> visits,
                      std::span<const Reorganisation> reorganisations, std::vector<const GradedVisit*>& out,
                      int depth = 0) {
  if (depth > 8) return;  // no cycles in the table, but never loop
  for (const auto& [pred, day] : predecessors_of(urn, reorganisations)) {
    Date limit = until && *until < day ? *until : day;
    for (const auto& v : visits)
      if (v.urn == pred && v.start < limit) out.push_back(&v);
    inherited_visits(pred, limit, visits, reorganisations, out, depth + 1);
  }
}

}  // namespace

bool on_inspection_cycle(std::string_view framework) {
  return framework == kFrameworkSif || framework == kFrameworkIlacs || framework == kFramework2026;
}

std::vector<GradedVisit> graded_visits(const std::vector<InspectionRow>& rows) {
  std::vector<GradedVisit> out;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& r : rows) {
    const CountedGrade counted = counted_grade(r);
    if (counted.grade.empty()) continue;
    auto start = parse_iso_date(r.inspection_start.empty() ? r.inspection_end : r.inspection_start);
    auto end = parse_iso_date(r.inspection_end.empty() ? r.inspection_start : r.inspection_end);
    if (!start || !end) continue;
    if (!seen.emplace(r.authority_urn, to_iso(*start)).second) continue;
    GradedVisit v;
    v.urn = r.authority_urn;
    v.name = r.authority_name;
    v.framework = counted.overall_absent_by_framework ? std::string(kFramework2026) : r.framework;
    v.grade = counted.grade;
    if (!on_inspection_cycle(v.framework)) continue;
    v.start = *start;
    v.end = *end;
    if (counted.overall_absent_by_framework)
      v.grades2026 = Grades2026{parse_grade(r.grade("leadership")), parse_grade(r.grade("help_protection")),
                                parse_grade(r.grade("in_care")), parse_grade(r.grade("care_leavers"))};
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const GradedVisit& a, const GradedVisit& b) { return std::tie(a.urn, a.start) < std::tie(b.urn, b.start); });
  return out;
}

std::vector<InspectionInterval> inspection_intervals(std::span<const GradedVisit> visits,
                                                     std::span<const Reorganisation> reorganisations,
                                                     std::optional<Date> before) {
  std::vector<InspectionInterval> out;
  auto known = [&](const GradedVisit& v) { return !before || v.end < *before; };
  std::set<std::string> urns;
  for (const auto& v : visits) urns.insert(v.urn);
  for (const auto& urn : urns) {
    std::vector<const GradedVisit*> timeline;
    for (const auto& v : visits)
      if (v.urn == urn) timeline.push_back(&v);
    inherited_visits(urn, std::nullopt, visits, reorganisations, timeline);
    std::erase_if(timeline, [&](const GradedVisit* v) { return !known(*v); });
    std::sort(timeline.begin(), timeline.end(),
              [](const GradedVisit* a, const GradedVisit* b) { return a->start < b->start; });
    // Only intervals ending in an inspection of this authority: a
    // predecessor's own intervals belong to the predecessor, counted once.
    for (size_t i = 1; i < timeline.size(); ++i) {
      const GradedVisit& prev = *timeline[i - 1];
      const GradedVisit& next = *timeline[i];
      if (next.urn != urn) continue;
      const int days = days_between(prev.end, next.start);
      if (days <= 0) continue;  // overlapping records: not an interval
      out.push_back({urn, prev.urn, prev.framework, next.framework, prev.grade, prev.end, next.start,
                     days / kDaysPerMonth});
    }
  }
  return out;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double pos = p * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::string_view describe(WindowSource source) {
  switch (source) {
    case WindowSource::Record: return "record";
    case WindowSource::PooledGrade: return "record, every framework's intervals after the grade";
    case WindowSource::DomainRule: return "domain rule (30-42 months)";
    case WindowSource::None: return "none: monitoring";
  }
  return "";
}

bool inside_window(const Date& last_end, const Date& next_start, int opens_months, int closes_months) {
  return !(next_start < add_months(last_end, opens_months)) && !(add_months(last_end, closes_months) < next_start);
}

std::string IntervalWindow::label() const { return "after " + framework + " " + grade_label(grade); }

std::string IntervalWindow::rule() const {
  using std::to_string;
  const std::string range = to_string(opens_months) + "-" + to_string(closes_months) + " months";
  switch (source) {
    case WindowSource::Record:
      return label() + ": " + range + ", 10th-90th percentile of " + to_string(n) + " intervals (median " +
             fixed(median_months) + ")";
    case WindowSource::PooledGrade:
      return label() + ": " + range + ", 10th-90th percentile of all " + to_string(basis_n) + " intervals after " +
             grade_label(grade) + " (only " + to_string(n) + " in this group)";
    case WindowSource::DomainRule:
      return label() + ": " + range + ", the three-year cycle (only " + to_string(n) +
             " past intervals in this group, " + to_string(basis_n) + " after " + grade_label(grade) + ")";
    case WindowSource::None:
      return label() + ": monitoring until re-inspection (only " + to_string(basis_n) +
             " past re-inspections after inadequate on record)";
  }
  return "";
}

std::string DerivedForecast::held() const {
  if (window.framework.empty()) return "-";
  if (!window.has_window()) return "-";
  if (window.n == 0) return "no past intervals";
  return fixed(100.0 * *window.hit_rate()) + "% of " + std::to_string(window.n);
}

CadenceWindows::CadenceWindows(std::vector<InspectionInterval> intervals) : intervals_(std::move(intervals)) {}

IntervalWindow CadenceWindows::window(const std::string& framework, const std::string& grade) const {
  IntervalWindow w;
  w.framework = framework;
  w.grade = grade;
  std::vector<const InspectionInterval*> group;
  std::vector<double> months, basis;
  for (const auto& i : intervals_) {
    if (i.prev_grade != grade) continue;
    if (i.prev_framework == framework) {
      group.push_back(&i);
      months.push_back(i.months);
    }
  }
  std::sort(months.begin(), months.end());
  w.n = static_cast<int>(months.size());
  w.median_months = percentile(months, 0.5);
  int pooled_n = 0;  // when even the pooled intervals were too few
  if (w.n >= kMinIntervalsForWindow) {
    w.source = WindowSource::Record;
    basis = months;
  } else {
    for (const auto& i : intervals_)
      if (i.prev_grade == grade) basis.push_back(i.months);
    std::sort(basis.begin(), basis.end());
    if (static_cast<int>(basis.size()) >= kMinIntervalsForWindow) {
      w.source = WindowSource::PooledGrade;
    } else {
      w.source = grade == "inadequate" ? WindowSource::None : WindowSource::DomainRule;
      pooled_n = static_cast<int>(basis.size());
      basis.clear();
    }
  }
  w.basis_n = basis.empty() ? pooled_n : static_cast<int>(basis.size());
  if (w.source == WindowSource::DomainRule) {
    w.opens_months = kWindowOpensMonths;
    w.closes_months = kWindowClosesMonths;
  } else if (w.source != WindowSource::None) {
    w.opens_months = static_cast<int>(std::floor(percentile(basis, kWindowLowPercentile)));
    w.closes_months = static_cast<int>(std::ceil(percentile(basis, kWindowHighPercentile)));
  }
  if (w.has_window())
    for (const auto* i : group)
      if (inside_window(i->prev_end, i->next_start, w.opens_months, w.closes_months)) ++w.held;
  return w;
}

IntervalWindow CadenceWindows::domain_rule_window(const std::string& framework, const std::string& grade) const {
  IntervalWindow w;
  w.framework = framework;
  w.grade = grade;
  std::vector<double> months;
  for (const auto& i : intervals_)
    if (i.prev_grade == grade && i.prev_framework == framework) months.push_back(i.months);
  std::sort(months.begin(), months.end());
  w.n = static_cast<int>(months.size());
  w.median_months = percentile(months, 0.5);
  if (grade == "inadequate") return w;  // WindowSource::None: monitoring
  w.source = WindowSource::DomainRule;
  w.opens_months = kWindowOpensMonths;
  w.closes_months = kWindowClosesMonths;
  for (const auto& i : intervals_)
    if (i.prev_grade == grade && i.prev_framework == framework &&
        inside_window(i.prev_end, i.next_start, w.opens_months, w.closes_months))
      ++w.held;
  return w;
}

std::vector<IntervalWindow> CadenceWindows::groups() const {
  std::set<std::tuple<std::string, int, std::string>> keys;
  for (const auto& i : intervals_) keys.emplace(i.prev_framework, grade_order(i.prev_grade), i.prev_grade);
  std::vector<IntervalWindow> out;
  for (const auto& [framework, order, grade] : keys) out.push_back(window(framework, grade));
  return out;
}

DerivedForecast CadenceWindows::forecast(const GradedVisit& last) const {
  DerivedForecast f;
  if (last.grades2026) {
    f.forecast = forecast_next_inspection_2026(last.end, *last.grades2026);
    f.rule = f.forecast.basis + " (domain rule: no intervals after the 2026 framework yet)";
    return f;
  }
  f.window = window(last.framework, last.grade);
  f.rule = f.window.rule();
  f.forecast.basis = f.rule;
  if (f.window.has_window()) {
    f.forecast.opens = add_months(last.end, f.window.opens_months);
    f.forecast.closes = add_months(last.end, f.window.closes_months);
  }
  return f;
}

}  // namespace cscwatch
