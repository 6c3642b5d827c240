// Which intervention answered an inadequate judgement (the recovery figures'
// explanatory column): the strongest in force over the period, counted from
// six months before the judgement; earlier ones only while still in force.
#include <gtest/gtest.h>

#include "analysis/answering_intervention.h"

namespace cscwatch {
namespace {

Date day(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }

Intervention of(InterventionKind kind, const char* start, const char* end = nullptr) {
  Intervention i;
  i.kind = kind;
  i.start = parse_stated_date(start);
  if (end) i.end = parse_stated_date(end);
  return i;
}

const Date kJudged = day(2016, 2, 12);
const Date kRecovered = day(2019, 11, 1);

TEST(AnsweringIntervention, TheStrongestWithinThePeriodWins) {
  EXPECT_EQ(answering_intervention({of(InterventionKind::ImprovementNotice, "2016-04"),
                                    of(InterventionKind::Commissioner, "2016-06-01")},
                                   kJudged, kRecovered),
            "Commissioner");
  EXPECT_EQ(answering_intervention({of(InterventionKind::Commissioner, "2016-06"),
                                    of(InterventionKind::AlternativeDelivery, "2018")},
                                   kJudged, kRecovered),
            "Trust or other alternative delivery");
}

TEST(AnsweringIntervention, NothingRecordedSaysSo) {
  EXPECT_EQ(answering_intervention({}, kJudged, kRecovered), "None recorded");
  // Begun after the recovery: it answered something else.
  EXPECT_EQ(answering_intervention({of(InterventionKind::Commissioner, "2020-01")}, kJudged, kRecovered),
            "None recorded");
}

TEST(AnsweringIntervention, AnEarlierOneCountsOnlyWhileInForce) {
  // A notice after a focused visit, four months before the inspection ended.
  EXPECT_EQ(answering_intervention({of(InterventionKind::ImprovementNotice, "2015-10-01")}, kJudged, kRecovered),
            "Improvement notice");
  // Years earlier and ended before: not this judgement's.
  EXPECT_EQ(answering_intervention({of(InterventionKind::Commissioner, "2013-01", "2014-06")}, kJudged, kRecovered),
            "None recorded");
  // Years earlier, still in force by its end date: counts.
  EXPECT_EQ(answering_intervention({of(InterventionKind::StatutoryDirection, "2013-01", "2017-03")}, kJudged,
                                   kRecovered),
            "Statutory direction");
  // A trust with no end still runs the service; a notice with no end is not
  // taken to last for ever.
  EXPECT_EQ(answering_intervention({of(InterventionKind::AlternativeDelivery, "2014")}, kJudged, kRecovered),
            "Trust or other alternative delivery");
  EXPECT_EQ(answering_intervention({of(InterventionKind::ImprovementNotice, "2013-05")}, kJudged, kRecovered),
            "None recorded");
}

}  // namespace
}  // namespace cscwatch
