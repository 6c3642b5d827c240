#include <gtest/gtest.h>

#include "analysis/forecast_backtest.h"
#include "analysis/inspection_intervals.h"

namespace cscwatch {
namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

GradedVisit visit(std::string urn, const char* start, const char* end, std::string grade,
                  std::string framework = "ILACS") {
  GradedVisit v;
  v.urn = urn;
  v.name = "LA " + urn;
  v.framework = std::move(framework);
  v.grade = std::move(grade);
  v.start = d(start);
  v.end = d(end);
  return v;
}

// `n` authorities, each inspected (grade, framework) and again `months[i]`
// months after the first ended.
std::vector<GradedVisit> group_of(const std::string& prefix, const std::vector<int>& months, const std::string& grade,
                                  const std::string& framework = "ILACS", const char* end = "2015-01-16") {
  std::vector<GradedVisit> out;
  for (size_t i = 0; i < months.size(); ++i) {
    std::string urn = prefix + std::to_string(i);
    out.push_back(visit(urn, "2015-01-05", end, grade, framework));
    GradedVisit next = visit(urn, "2015-01-05", "2015-01-05", "good");
    next.start = add_months(d(end), months[i]);
    next.end = next.start;
    out.push_back(next);
  }
  return out;
}

TEST(InspectionIntervals, PercentileInterpolatesBetweenRanks) {
  EXPECT_DOUBLE_EQ(percentile({}, 0.5), 0);
  EXPECT_DOUBLE_EQ(percentile({7}, 0.9), 7);
  EXPECT_DOUBLE_EQ(percentile({1, 2, 3, 4}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(percentile({10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110}, 0.1), 20);
  EXPECT_DOUBLE_EQ(percentile({10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110}, 0.9), 100);
}

TEST(InspectionIntervals, ConsecutiveInspectionsFromLastDayToFirstDay) {
  std::vector<GradedVisit> v = {
      visit("1", "2014-03-03", "2014-03-27", "inadequate", "SIF"),
      visit("1", "2016-06-06", "2016-06-30", "requires_improvement", "SIF"),
      visit("1", "2019-09-02", "2019-09-13", "good"),
      visit("2", "2018-01-08", "2018-01-19", "good"),
  };
  auto intervals = inspection_intervals(v, {});
  ASSERT_EQ(intervals.size(), 2u);
  EXPECT_EQ(intervals[0].prev_grade, "inadequate");
  EXPECT_EQ(intervals[0].prev_framework, "SIF");
  EXPECT_EQ(intervals[0].next_framework, "SIF");
  EXPECT_EQ(to_iso(intervals[0].prev_end), "2014-03-27");
  EXPECT_EQ(to_iso(intervals[0].next_start), "2016-06-06");
  EXPECT_NEAR(intervals[0].months, 26.3, 0.1);
  EXPECT_EQ(intervals[1].prev_grade, "requires_improvement");
  EXPECT_EQ(intervals[1].next_framework, "ILACS");
  EXPECT_NEAR(intervals[1].months, 38.1, 0.1);
  // Only inspections that ended before the day exist.
  EXPECT_EQ(inspection_intervals(v, {}, d("2019-09-13")).size(), 1u);
  EXPECT_EQ(inspection_intervals(v, {}, d("2019-09-14")).size(), 2u);
}

TEST(InspectionIntervals, ReorganisedAuthoritiesContinueTheirPredecessorsHistory) {
  const Reorganisation reorgs[] = {
      {"2021-04-01", "P", "S1", "split"},
      {"2021-04-01", "P", "S2", "split"},
  };
  std::vector<GradedVisit> v = {
      visit("P", "2016-01-04", "2016-01-28", "inadequate", "SIF"),
      visit("P", "2019-01-07", "2019-01-18", "inadequate"),
      visit("S1", "2022-10-03", "2022-10-14", "requires_improvement"),
      visit("S2", "2023-01-09", "2023-01-20", "requires_improvement"),
      visit("S1", "2025-10-06", "2025-10-17", "good"),
  };
  auto intervals = inspection_intervals(v, reorgs);
  // P's own interval once; each successor's first inspection follows P's last.
  ASSERT_EQ(intervals.size(), 4u);
  int from_predecessor = 0;
  for (const auto& i : intervals) {
    if (i.urn != i.prev_urn) {
      ++from_predecessor;
      EXPECT_EQ(i.prev_urn, "P");
      EXPECT_EQ(to_iso(i.prev_end), "2019-01-18");
      EXPECT_EQ(i.prev_grade, "inadequate");
    }
  }
  EXPECT_EQ(from_predecessor, 2);

  // As at 2022-01-01 P is abolished: S1 and S2 are judged from P's last inspection.
  auto score = backtest_forecast(v, reorgs, d("2022-01-01"));
  ASSERT_EQ(score.authorities, 2);
  for (const auto& o : score.outcomes) {
    EXPECT_EQ(o.last.urn, "P");
    ASSERT_TRUE(o.next);
    EXPECT_EQ(o.next->urn, o.urn);
  }
  // As at 2020-01-01 only P exists, and its next inspection is its successors' first.
  score = backtest_forecast(v, reorgs, d("2020-01-01"));
  ASSERT_EQ(score.authorities, 1);
  ASSERT_TRUE(score.outcomes[0].next);
  EXPECT_EQ(to_iso(score.outcomes[0].next->start), "2022-10-03");
}

TEST(InspectionIntervals, LargeGroupGetsItsTenthToNinetiethPercentile) {
  // 11 intervals of 26..36 months after ILACS good: p10 = 27, p90 = 35.
  std::vector<int> months;
  for (int m = 26; m <= 36; ++m) months.push_back(m);
  auto visits = group_of("g", months, "good");
  CadenceWindows windows(inspection_intervals(visits, {}));
  auto w = windows.window("ILACS", "good");
  EXPECT_EQ(w.n, 11);
  EXPECT_EQ(w.source, WindowSource::Record);
  EXPECT_NEAR(w.median_months, 31, 0.5);
  EXPECT_EQ(w.opens_months, 26);  // floor of ~27 months measured in days (just under 27)
  EXPECT_EQ(w.closes_months, 35);
  // Held: intervals at 26..35 months inside; 36 outside.
  EXPECT_EQ(w.held, 10);
  EXPECT_NEAR(*w.hit_rate(), 10.0 / 11, 1e-9);

  auto f = windows.forecast(visit("x", "2024-01-08", "2024-01-19", "good"));
  ASSERT_TRUE(f.forecast.opens && f.forecast.closes);
  EXPECT_EQ(to_iso(*f.forecast.opens), "2026-03-19");
  EXPECT_EQ(to_iso(*f.forecast.closes), "2026-12-19");
  EXPECT_EQ(f.held(), "91% of 11");
  EXPECT_NE(f.rule.find("after ILACS good"), std::string::npos);
}

TEST(InspectionIntervals, SmallGroupsFallBackToTheDomainRule) {
  auto visits = group_of("o", {40, 44, 50}, "outstanding");
  CadenceWindows windows(inspection_intervals(visits, {}));
  auto w = windows.window("ILACS", "outstanding");
  EXPECT_EQ(w.n, 3);
  EXPECT_EQ(w.source, WindowSource::DomainRule);
  EXPECT_EQ(w.opens_months, 30);
  EXPECT_EQ(w.closes_months, 42);
  EXPECT_EQ(w.held, 1);  // only the 40-month interval
  // A group with no past interval at all.
  auto none = windows.window("SIF", "good");
  EXPECT_EQ(none.n, 0);
  EXPECT_EQ(none.source, WindowSource::DomainRule);
  EXPECT_FALSE(none.hit_rate());
}

TEST(InspectionIntervals, SmallGroupsFirstBorrowTheSameGradeUnderOtherFrameworks) {
  // Eleven intervals after SIF good, none yet after ILACS good.
  std::vector<int> months;
  for (int m = 40; m <= 50; ++m) months.push_back(m);
  auto visits = group_of("s", months, "good", "SIF");
  for (auto& v : group_of("i", {20, 22}, "good")) visits.push_back(v);
  CadenceWindows windows(inspection_intervals(visits, {}));
  auto w = windows.window("ILACS", "good");
  EXPECT_EQ(w.n, 2);
  EXPECT_EQ(w.basis_n, 13);
  EXPECT_EQ(w.source, WindowSource::PooledGrade);
  EXPECT_EQ(w.opens_months, 25);  // p10 of {20, 22, 40..50}: 22 + 0.2 * 18 = 25.6
  EXPECT_EQ(w.closes_months, 49);
  EXPECT_EQ(w.held, 0);  // neither of its own two intervals
  EXPECT_NE(w.rule().find("all 13 intervals after good"), std::string::npos) << w.rule();
}

TEST(InspectionIntervals, InadequateReinspectionWindowFromTheRecord) {
  // Too few re-inspections anywhere: monitoring, as the domain rule says.
  auto few = group_of("i", {18, 20, 24}, "inadequate", "SIF");
  CadenceWindows sparse(inspection_intervals(few, {}));
  auto f = sparse.forecast(visit("x", "2024-01-08", "2024-01-19", "inadequate"));
  EXPECT_FALSE(f.forecast.opens);
  EXPECT_EQ(forecast_status(f.forecast, d("2025-01-01")), "monitoring");

  // Five after SIF and five after ILACS: neither group is big enough, pooled they are.
  auto visits = group_of("s", {18, 20, 22, 24, 26}, "inadequate", "SIF");
  for (auto& v : group_of("i", {28, 30, 32, 34, 36}, "inadequate")) visits.push_back(v);
  CadenceWindows windows(inspection_intervals(visits, {}));
  auto w = windows.window("ILACS", "inadequate");
  EXPECT_EQ(w.n, 5);
  EXPECT_EQ(w.basis_n, 10);
  EXPECT_EQ(w.source, WindowSource::PooledGrade);
  EXPECT_EQ(w.opens_months, 19);  // p10 of 18..36 = 19.8 (in days: just under)
  EXPECT_EQ(w.closes_months, 35);
  EXPECT_EQ(w.held, 4);  // 28, 30, 32, 34 inside; 36 after
  auto g = windows.forecast(visit("x", "2024-01-08", "2024-01-19", "inadequate"));
  ASSERT_TRUE(g.forecast.opens);
  EXPECT_EQ(to_iso(*g.forecast.opens), "2025-08-19");
}

// Eleven authorities inspected good under ILACS in January 2015 and again
// 30..40 months later, then five whose later history is scored as at 2020.
std::vector<GradedVisit> scenario() {
  std::vector<int> months;
  for (int m = 30; m <= 40; ++m) months.push_back(m);
  auto visits = group_of("g", months, "good");
  visits.push_back(visit("a", "2017-01-09", "2017-01-20", "good"));
  visits.push_back(visit("a", "2020-02-03", "2020-02-14", "good"));  // 36.5 months: inside
  visits.push_back(visit("b", "2017-01-09", "2017-01-20", "good"));
  visits.push_back(visit("b", "2019-06-03", "2019-06-14", "good"));  // b's last: nothing after
  visits.push_back(visit("c", "2016-11-07", "2016-11-18", "good"));
  visits.push_back(visit("c", "2020-10-05", "2020-10-16", "good"));  // 46.5 months: after the window
  visits.push_back(visit("e", "2017-06-05", "2017-06-16", "requires_improvement"));
  visits.push_back(visit("e", "2019-12-02", "2019-12-13", "requires_improvement"));  // e's last
  visits.push_back(visit("e", "2021-03-01", "2021-03-12", "good"));  // 15 months: before the window
  visits.push_back(visit("m", "2019-03-04", "2019-03-15", "inadequate"));
  visits.push_back(visit("m", "2020-09-07", "2020-09-18", "requires_improvement"));  // re-inspection
  visits.push_back(visit("z", "2026-01-05", "2026-01-16", "good"));  // the register's horizon
  return visits;
}

TEST(ForecastBacktest, ScoresLaterInspectionsAgainstTheWindow) {
  auto s = backtest_forecast(scenario(), {}, d("2020-01-01"), ForecastPolicy::Derived);
  EXPECT_EQ(to_iso(s.horizon), "2026-01-16");
  EXPECT_EQ(s.authorities, 16);  // g0..g10, a, b, c, e, m (z not yet inspected)
  EXPECT_EQ(s.with_window, 15);  // m: inadequate, too few re-inspections on record
  EXPECT_EQ(s.inspected_later, 4);
  EXPECT_EQ(s.later_with_window, 3);
  EXPECT_EQ(s.inside, 1);
  EXPECT_EQ(s.early, 1);
  EXPECT_EQ(s.late, 1);
  EXPECT_EQ(s.unpredicted, 1);
  EXPECT_EQ(s.inadequate_reinspected, 1);
  EXPECT_EQ(s.inadequate_predicted, 0);
  EXPECT_EQ(s.overdue, 12);  // g0..g10 and b
  EXPECT_EQ(s.pending, 0);
  for (const auto& o : s.outcomes) {
    if (o.urn == "a") {
      EXPECT_EQ(o.result, BacktestResult::Inside);
    }
    if (o.urn == "c") {
      EXPECT_EQ(o.result, BacktestResult::Late);
      EXPECT_EQ(o.forecast.window.source, WindowSource::Record);  // ILACS good: 12 intervals
      EXPECT_EQ(o.forecast.window.n, 12);
    }
    if (o.urn == "e") {
      EXPECT_EQ(o.result, BacktestResult::Early);
      EXPECT_EQ(o.forecast.window.source, WindowSource::DomainRule);  // ILACS RI: one interval
      EXPECT_EQ(o.months_off, 15);  // window opened 2022-06-13, inspected 2021-03-01
    }
    if (o.urn == "m") {
      EXPECT_EQ(o.result, BacktestResult::Unpredicted);
    }
  }
  EXPECT_NE(format_backtest(s).find("1 (33%)"), std::string::npos) << format_backtest(s);

  // The domain rule on the same history: c is late by fewer months.
  auto fixed = backtest_forecast(scenario(), {}, d("2020-01-01"), ForecastPolicy::DomainRule);
  EXPECT_EQ(fixed.later_with_window, 3);
  EXPECT_EQ(fixed.inside + fixed.early + fixed.late, 3);
  EXPECT_EQ(fixed.unpredicted, 1);
}

TEST(ForecastBacktest, NoPeekingPastTheDate) {
  const Date as_of = d("2020-01-01");
  auto visits = scenario();
  auto before = backtest_forecast(visits, {}, as_of);
  // Later inspections, some of which would change the intervals by group if seen.
  auto more = visits;
  for (int i = 0; i < 12; ++i) {
    more.push_back(visit("n" + std::to_string(i), "2020-01-06", "2020-01-17", "requires_improvement"));
    more.push_back(visit("n" + std::to_string(i), "2021-01-04", "2021-01-15", "inadequate"));
    more.push_back(visit("n" + std::to_string(i), "2022-01-03", "2022-01-14", "good"));
  }
  more.push_back(visit("b", "2019-12-16", "2020-01-10", "outstanding"));  // ends after the date
  auto after = backtest_forecast(more, {}, as_of);
  EXPECT_EQ(after.intervals_known, before.intervals_known);
  ASSERT_EQ(after.outcomes.size(), before.outcomes.size());
  for (size_t i = 0; i < before.outcomes.size(); ++i) {
    const auto& x = before.outcomes[i].forecast;
    const auto& y = after.outcomes[i].forecast;
    EXPECT_EQ(x.forecast.opens, y.forecast.opens) << before.outcomes[i].urn;
    EXPECT_EQ(x.forecast.closes, y.forecast.closes) << before.outcomes[i].urn;
    EXPECT_EQ(x.rule, y.rule);
    EXPECT_EQ(x.held(), y.held());
  }
  // The windows by group are the same as from a register that never held them.
  std::vector<GradedVisit> truncated;
  for (const auto& v : more)
    if (v.end < as_of) truncated.push_back(v);
  CadenceWindows w_all(inspection_intervals(more, {}, as_of));
  CadenceWindows w_cut(inspection_intervals(truncated, {}));
  auto ga = w_all.groups(), gc = w_cut.groups();
  ASSERT_EQ(ga.size(), gc.size());
  for (size_t i = 0; i < ga.size(); ++i) EXPECT_EQ(ga[i].rule(), gc[i].rule());
  // b was inspected again (its inspection ended after the date): scored, not overdue.
  for (const auto& o : after.outcomes)
    if (o.urn == "b") {
      EXPECT_EQ(o.result, BacktestResult::Early);
    }
}

}  // namespace
}  // namespace cscwatch

namespace cscwatch {
namespace {

// The round's queue: oldest last inspection first, at the pace of the past
// year, six months either side, never sooner than 30 months after.
TEST(RoundQueue, OrderAndPaceSetTheWindow) {
  std::vector<GradedVisit> visits;
  // Twelve authorities re-inspected one a month through 2019 (the pace: 12 a year).
  for (int m = 1; m <= 12; ++m) {
    const std::string urn = "r" + std::to_string(m);
    const std::string mm = (m < 10 ? "0" : "") + std::to_string(m);
    const std::string a = "2016-" + mm + "-04", b = "2016-" + mm + "-15";
    const std::string c = "2019-" + mm + "-04", e = "2019-" + mm + "-15";
    visits.push_back(visit(urn, a.c_str(), b.c_str(), "good"));
    visits.push_back(visit(urn, c.c_str(), e.c_str(), "good"));
  }
  // Three waiting since 2017, oldest first in the queue.
  visits.push_back(visit("q1", "2017-01-09", "2017-01-20", "requires_improvement"));
  visits.push_back(visit("q2", "2017-03-06", "2017-03-17", "good"));
  visits.push_back(visit("q3", "2018-06-04", "2018-06-15", "inadequate"));
  const Date as_of = d("2020-01-01");
  const RoundQueue round(last_inspections(visits, {}, as_of), visits, as_of);
  EXPECT_DOUBLE_EQ(round.pace_per_month(), 1.0);
  // q1 first: half a month after the date, six months either side.
  const auto q1 = round.forecast("q1").forecast;
  ASSERT_TRUE(q1.opens && q1.closes);
  EXPECT_EQ(to_iso(*q1.opens), "2019-07-16");
  EXPECT_EQ(to_iso(*q1.closes), "2020-07-16");
  // q3 third: 2.5 months on - but 30 months after its last inspection is later (2020-12-15).
  const auto q3 = round.forecast("q3").forecast;
  EXPECT_EQ(to_iso(*q3.opens), "2020-06-15");
  EXPECT_NE(round.forecast("q3").rule.find("after ILACS inadequate: 3 of 15"), std::string::npos)
      << round.forecast("q3").rule;
  // Coverage: as at 2019-01-01 the same rule is scored on the 2019 inspections.
  EXPECT_GT(round.coverage().scored, 0);
  EXPECT_LE(round.coverage().inside, round.coverage().scored);
  // The baseline for comparison: last + 36 months +/- 6.
  const auto base = baseline_forecast(visits.back()).forecast;
  EXPECT_EQ(to_iso(*base.opens), "2020-12-15");
  EXPECT_EQ(to_iso(*base.closes), "2021-12-15");
  // A register complete only to an earlier day starts the queue there.
  const RoundQueue stale(last_inspections(visits, {}, as_of), visits, as_of, d("2019-07-01"));
  EXPECT_LT(*stale.forecast("q1").forecast.opens, *q1.opens);
}

TEST(RoundQueue, APauseYearKeepsTheRoundsPace) {
  // 48 authorities inspected two a month through 2018 and 2019, then a year
  // with none (a pause): the pace is the round's (48 in its 36 months), not zero.
  std::vector<GradedVisit> visits;
  for (int k = 0; k < 48; ++k) {
    const int month = k / 2 % 12 + 1;
    const std::string ym = std::to_string(2018 + k / 24) + "-" + (month < 10 ? "0" : "") + std::to_string(month);
    const std::string a = ym + (k % 2 ? "-04" : "-11"), b = ym + (k % 2 ? "-15" : "-22");
    visits.push_back(visit("p" + std::to_string(k), a.c_str(), b.c_str(), "good"));
  }
  const Date as_of = d("2021-01-01");
  const RoundQueue round(last_inspections(visits, {}, as_of), visits, as_of);
  EXPECT_NEAR(round.pace_per_month(), 48.0 / 36, 1e-9);
  // The first in the queue is due now, not years on.
  const auto first = round.forecast("p1").forecast;
  ASSERT_TRUE(first.opens && first.closes);
  EXPECT_LT(*first.opens, as_of);
  EXPECT_LT(as_of, *first.closes);
}

}  // namespace
}  // namespace cscwatch
