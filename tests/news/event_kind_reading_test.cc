// The event-kind reading on its own.
#include "news/event_kind_reading.h"

#include <gtest/gtest.h>

namespace cscwatch::news {
namespace {

EventKind kind_of(std::string_view text, double grade_weight = 0) {
  EventKindTally t;
  for (const auto& line : {text}) t.add_sentence(split_words(line), false, 1);
  return t.decide(grade_weight);
}

TEST(EventKindReading, VisitsAreTold) {
  EXPECT_EQ(kind_of("Ofsted made a monitoring visit to the council"), EventKind::MonitoringVisit);
  EXPECT_EQ(kind_of("The focused visit looked at the front door"), EventKind::FocusedVisit);
  EXPECT_EQ(kind_of("A joint targeted area inspection found"), EventKind::JointTargetedInspection);
  EXPECT_EQ(kind_of("The weather was fine"), EventKind::Unknown);
}

TEST(EventKindReading, AnEarlierVisitCountsLessThanGrades) {
  EXPECT_EQ(kind_of("It comes a year after a focused visit", 1), EventKind::Inspection);
}

}  // namespace
}  // namespace cscwatch::news
