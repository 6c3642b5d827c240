// Inspection windows derived from the record itself: the intervals between an
// authority's consecutive graded inspections (last day on site of one to the
// first day on site of the next), grouped by the previous inspection's
// framework and counted grade. Each group gives a median and a central window
// (the 10th to 90th percentile, in whole months), and how often that window
// held over the group's own intervals. A group with fewer than
// kMinIntervalsForWindow intervals falls back to every framework's intervals
// after the same grade pooled, and when those are too few as well, to the
// domain rule (domain/inspection_cadence.h): 30 to 42 months, or for inadequate
// no prediction (monitoring).
//
// Reorganisations (domain/reorganisation.h) continue a predecessor's history
// into each successor: the predecessor's last inspection before the change and
// the successor's first inspection make one interval of the successor.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/inspection_cadence.h"
#include "domain/reorganisation.h"
#include "store/inspection_rows.h"

namespace cscwatch {

// Groups smaller than this fall back (see above): with fewer intervals the
// 10th and 90th percentiles are little more than the extremes. (As at 2023
// no ILACS good authority had yet been inspected again - the COVID-19 pause -
// so "after ILACS good" fell back to "after good" under SIF.)
inline constexpr int kMinIntervalsForWindow = 8;
inline constexpr double kWindowLowPercentile = 0.10;
inline constexpr double kWindowHighPercentile = 0.90;

// Framework families of a graded inspection.
inline constexpr std::string_view kFrameworkSif = "SIF";
inline constexpr std::string_view kFrameworkIlacs = "ILACS";
inline constexpr std::string_view kFramework2026 = "ILACS 2026";  // no overall grade; four judgements

// Whether inspections of a framework are on the cycle the windows describe:
// SIF, ILACS and the April 2026 framework. The 2013 inspections of looked-after
// children services (pre-SIF) were not full inspections and start no interval.
bool on_inspection_cycle(std::string_view framework);

// One graded inspection as the cadence sees it.
struct GradedVisit {
  std::string urn;        // authority inspected
  std::string name;
  std::string framework;  // kFrameworkSif, kFrameworkIlacs, kFramework2026 (or as recorded)
  std::string grade;      // counted grade, machine name ("good", "inadequate", ...)
  Date start, end;        // first and last day on site
  std::optional<Grades2026> grades2026;  // the four judgements, April 2026 framework only
};

// Every graded inspection on the cycle in `rows` with a counted grade and a date, one per
// authority and first day on site, ordered by authority then start.
std::vector<GradedVisit> graded_visits(const std::vector<InspectionRow>& rows);

struct InspectionInterval {
  std::string urn;             // the authority of the later inspection
  std::string prev_urn;        // differs from urn across a reorganisation
  std::string prev_framework, next_framework, prev_grade;
  Date prev_end, next_start;
  double months = 0;           // days / (365.2425 / 12)
};

// The intervals between consecutive graded inspections of each authority, its
// predecessors' histories included. With `before`, only inspections that
// ended before that day exist (a backtest sees no later inspection).
std::vector<InspectionInterval> inspection_intervals(std::span<const GradedVisit> visits,
                                                     std::span<const Reorganisation> reorganisations,
                                                     std::optional<Date> before = std::nullopt);

// Linear-interpolated percentile (0..1) of sorted values; 0 for none.
double percentile(const std::vector<double>& sorted, double p);

// How a group's window was set.
enum class WindowSource {
  Record,            // the group's own intervals, 10th-90th percentile
  PooledGrade,       // too few in the group: every framework's intervals after the same grade
  DomainRule,        // too few of those too: 30-42 months (domain brief, section 2)
  None,              // inadequate with too few re-inspections anywhere: no prediction ("monitoring")
};
std::string_view describe(WindowSource source);

struct IntervalWindow {
  std::string framework, grade;   // the group: previous inspection's framework and grade
  int n = 0;                      // the group's intervals
  double median_months = 0;       // of the group (0 when n == 0)
  WindowSource source = WindowSource::None;
  int basis_n = 0;                // intervals the window was taken from (pooled: all after the grade)
  int opens_months = 0, closes_months = 0;  // the window, whole months after the last day on site
  int held = 0;                   // of the group's n intervals, how many fell inside the window
  bool has_window() const { return source != WindowSource::None; }
  std::optional<double> hit_rate() const {
    return n > 0 ? std::optional<double>(static_cast<double>(held) / n) : std::nullopt;
  }
  std::string label() const;      // "after ILACS good"
  std::string rule() const;       // the rule in words
};

// True when `next_start` falls in [last_end + opens, last_end + closes] months.
bool inside_window(const Date& last_end, const Date& next_start, int opens_months, int closes_months);

struct DerivedForecast {
  InspectionForecast forecast;
  IntervalWindow window;  // the group's window and its record (empty group for the 2026 framework)
  std::string rule;       // the rule applied, in words
  std::string held() const;  // "84% of 45", "no past intervals", "-"
};

// The windows by group, from a set of intervals.
class CadenceWindows {
 public:
  explicit CadenceWindows(std::vector<InspectionInterval> intervals);

  // The window for a group (computed even when the record has no interval).
  IntervalWindow window(const std::string& framework, const std::string& grade) const;
  // The domain rule for a group (30-42 months; inadequate: no window), with
  // how often it held over the group's intervals.
  IntervalWindow domain_rule_window(const std::string& framework, const std::string& grade) const;
  // Every group the record has an interval for, ordered by framework then grade (best first).
  std::vector<IntervalWindow> groups() const;
  // The forecast after `last`: its group's window; under the April 2026
  // framework the domain rule by its four judgements.
  DerivedForecast forecast(const GradedVisit& last) const;

  const std::vector<InspectionInterval>& intervals() const { return intervals_; }

 private:
  std::vector<InspectionInterval> intervals_;
};

}  // namespace cscwatch
