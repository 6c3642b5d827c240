#include "analysis/round_grade_offsets.h"

#include <algorithm>
#include <vector>

namespace cscwatch {

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return percentile(values, 0.5);
}

}  // namespace

std::string offset_group(const std::string& grade) {
  if (grade == "good" || grade == "outstanding") return "good or outstanding";
  return grade;
}

double RoundGradeOffsets::offset(const std::string& grade) const {
  const auto it = months.find(offset_group(grade));
  return it == months.end() ? 0.0 : it->second;
}

RoundGradeOffsets round_grade_offsets(std::span<const GradedVisit> visits, const Date& clock, int round_months) {
  RoundGradeOffsets out;
  const Date round_from = add_months(clock, -round_months);
  std::vector<double> all;
  std::map<std::string, std::vector<double>> by_group;
  // No reorganisations here: an interval across one is rare and its grade
  // belongs to another council's services.
  for (const auto& iv : inspection_intervals(visits, {}, clock)) {
    if (iv.next_start < round_from) continue;
    all.push_back(iv.months);
    by_group[offset_group(iv.prev_grade)].push_back(iv.months);
  }
  out.pooled = static_cast<int>(all.size());
  if (all.empty()) return out;
  const double pooled_median = median(all);
  for (auto& [group, values] : by_group) {
    out.intervals[group] = static_cast<int>(values.size());
    if (static_cast<int>(values.size()) >= kMinOffsetIntervals) out.months[group] = median(values) - pooled_median;
  }
  return out;
}

}  // namespace cscwatch
