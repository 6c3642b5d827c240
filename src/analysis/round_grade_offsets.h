// How much sooner or later than its place in the round an authority is
// revisited, by the grade of its last inspection.
//
// Ofsted's round revisits authorities in about the order of the round before
// (rank correlation of first days on site, one inspection to the next, 0.79
// from SIF to ILACS and 0.52 across the 2020-21 pause, measured on the
// corpus), but not regardless of grade: in the corpus inadequate authorities
// are re-inspected about 8 months sooner than the median interval, and good or
// outstanding ones about 3 months later. So the queue orders authorities by
// their last inspection moved by their grade group's offset: the group's
// median interval less the median of all, over the intervals whose later
// inspection began in the latest round (the kRoundLengthMonths before the
// date), so the latest round speaks and older framework changes and pauses do
// not. A group splits off only with kMinOffsetIntervals such intervals;
// otherwise it keeps its place (offset 0): a grade is separated only where the
// data shows it differs.
#pragma once

#include <map>
#include <span>
#include <string>

#include "analysis/inspection_intervals.h"
#include "domain/date.h"

namespace cscwatch {

inline constexpr int kMinOffsetIntervals = 5;

// The grade groups the offsets are measured for: good and outstanding share
// one (short inspections), requires improvement and inadequate each their own.
std::string offset_group(const std::string& grade);

struct RoundGradeOffsets {
  std::map<std::string, double> months;  // offset_group -> months later (+) or sooner (-) than the round
  std::map<std::string, int> intervals;  // offset_group -> intervals measured
  int pooled = 0;                        // intervals in the latest round
  double offset(const std::string& grade) const;  // 0 for a group not split off
};

// From `visits` as known on `clock` (ended before it): the intervals whose
// later inspection began in the kRoundLengthMonths before `clock`.
RoundGradeOffsets round_grade_offsets(std::span<const GradedVisit> visits, const Date& clock, int round_months);

}  // namespace cscwatch
