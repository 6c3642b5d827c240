// The round queue's grade split (analysis/round_grade_offsets.h): a grade
// group moves by its latest-round intervals only when it has enough of them,
// and the queue and its floor follow.
#include <gtest/gtest.h>

#include "analysis/forecast_backtest.h"
#include "analysis/round_grade_offsets.h"
#include "analysis/round_queue.h"

namespace cscwatch {
namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

GradedVisit visit(const std::string& urn, const Date& start, const std::string& grade) {
  GradedVisit v;
  v.urn = urn;
  v.name = "LA " + urn;
  v.framework = "ILACS";
  v.grade = grade;
  v.start = start;
  v.end = Date{std::chrono::sys_days(start) + std::chrono::days{11}};
  return v;
}

Date plus_days(const Date& date, int days) { return Date{std::chrono::sys_days(date) + std::chrono::days{days}}; }

// `n` authorities of `grade` inspected in 2017 and again `gap_days` later,
// one a week from `first`.
void add_pairs(std::vector<GradedVisit>& visits, const std::string& prefix, int n, const std::string& grade,
               int gap_days, const Date& first) {
  for (int k = 0; k < n; ++k) {
    const Date start = plus_days(first, 7 * k);
    visits.push_back(visit(prefix + std::to_string(k), start, grade));
    visits.push_back(visit(prefix + std::to_string(k), plus_days(start, gap_days), "good"));
  }
}

TEST(RoundGradeOffsets, AGroupWithEnoughIntervalsMovesByItsMedian) {
  std::vector<GradedVisit> visits;
  // Six good authorities re-inspected after about 40 months, six inadequate
  // after about 28: the pooled median lies between, the groups either side.
  add_pairs(visits, "g", 6, "good", 1217, d("2017-01-02"));
  add_pairs(visits, "i", 6, "inadequate", 852, d("2017-01-02"));
  const auto offsets = round_grade_offsets(visits, d("2021-01-01"), kRoundLengthMonths);
  EXPECT_EQ(offsets.pooled, 12);
  EXPECT_LT(offsets.offset("inadequate"), -5);
  EXPECT_GT(offsets.offset("good"), 5);
  // Good and outstanding share one group; a grade with no intervals keeps its place.
  EXPECT_DOUBLE_EQ(offsets.offset("outstanding"), offsets.offset("good"));
  EXPECT_DOUBLE_EQ(offsets.offset("requires_improvement"), 0.0);
}

TEST(RoundGradeOffsets, TooFewIntervalsDoNotSplitAGroup) {
  std::vector<GradedVisit> visits;
  add_pairs(visits, "g", 8, "good", 1217, d("2017-01-02"));
  add_pairs(visits, "i", kMinOffsetIntervals - 1, "inadequate", 852, d("2017-01-02"));
  const auto offsets = round_grade_offsets(visits, d("2021-01-01"), kRoundLengthMonths);
  EXPECT_EQ(offsets.intervals.at("inadequate"), kMinOffsetIntervals - 1);
  EXPECT_DOUBLE_EQ(offsets.offset("inadequate"), 0.0);
  EXPECT_EQ(offsets.months.count("good or outstanding"), 1u);
}

TEST(RoundGradeOffsets, OnlyTheLatestRoundSpeaks) {
  std::vector<GradedVisit> visits;
  // Inadequate authorities re-inspected quickly long ago (before the round
  // window), then good ones in the latest round: no inadequate split now.
  add_pairs(visits, "old", 6, "inadequate", 600, d("2010-01-04"));
  add_pairs(visits, "g", 6, "good", 1217, d("2017-01-02"));
  const auto offsets = round_grade_offsets(visits, d("2021-01-01"), kRoundLengthMonths);
  EXPECT_EQ(offsets.pooled, 6);
  EXPECT_DOUBLE_EQ(offsets.offset("inadequate"), 0.0);
}

// The queue with the split: an inadequate authority last inspected after a
// good one comes up before it, and may be due sooner than 30 months.
TEST(RoundQueue, InadequateAuthoritiesComeUpSoonerWhereTheRoundShowsIt) {
  std::vector<GradedVisit> visits;
  add_pairs(visits, "g", 6, "good", 1217, d("2016-06-06"));
  add_pairs(visits, "i", 6, "inadequate", 852, d("2017-06-05"));
  visits.push_back(visit("wait_good", d("2018-01-08"), "good"));
  visits.push_back(visit("wait_inadequate", d("2018-04-09"), "inadequate"));
  const Date as_of = d("2020-01-01");
  const auto lasts = last_inspections(visits, {}, as_of);
  const RoundQueue split(lasts, visits, as_of);
  const RoundQueue plain(lasts, visits, as_of, std::nullopt, true, RoundOrder::LastInspection);
  const auto g = split.forecast("wait_good").forecast, i = split.forecast("wait_inadequate").forecast;
  ASSERT_TRUE(g.opens && i.opens);
  EXPECT_LT(*i.opens, *g.opens);
  EXPECT_NE(split.forecast("wait_inadequate").rule.find("months sooner for its grade"), std::string::npos)
      << split.forecast("wait_inadequate").rule;
  EXPECT_NE(split.forecast("wait_inadequate").rule.find(": 1 of 14 in the round"), std::string::npos);
  EXPECT_NE(split.forecast("wait_good").rule.find(": 2 of 14 in the round"), std::string::npos);
  // By last inspection alone the order is the other way round.
  EXPECT_NE(plain.forecast("wait_good").rule.find(": 1 of 14 in the round"), std::string::npos)
      << plain.forecast("wait_good").rule;
  EXPECT_NE(plain.forecast("wait_inadequate").rule.find(": 2 of 14 in the round"), std::string::npos);
  EXPECT_TRUE(plain.offsets().months.empty());
}

TEST(RoundQueue, TheFloorIsEighteenMonthsAfterInadequateAndThirtyOtherwise) {
  // Two authorities last inspected a year before the date, first in a queue
  // at a fast pace: the floor decides, by grade.
  std::vector<GradedVisit> visits;
  for (int k = 0; k < 24; ++k)
    visits.push_back(visit("p" + std::to_string(k), plus_days(d("2019-01-07"), 14 * k), "good"));
  visits.push_back(visit("a_inadequate", d("2018-12-03"), "inadequate"));
  visits.push_back(visit("a_good", d("2018-12-03"), "good"));
  const Date as_of = d("2020-01-01");
  const RoundQueue round(last_inspections(visits, {}, as_of), visits, as_of);
  const Date last_end = d("2018-12-14");
  EXPECT_EQ(*round.forecast("a_inadequate").forecast.opens,
            add_months(add_months(last_end, kRoundMinMonthsInadequate), -kRoundHalfWidthMonths));
  EXPECT_EQ(*round.forecast("a_good").forecast.opens,
            add_months(add_months(last_end, kRoundMinMonths), -kRoundHalfWidthMonths));
}

}  // namespace
}  // namespace cscwatch
