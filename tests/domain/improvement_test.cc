// Improvement records: stated dates, validation with specific messages, and
// the status derived from the record (domain brief §3).
#include <gtest/gtest.h>

#include "domain/improvement_validation.h"
#include "domain/intervention_status.h"

namespace cscwatch {
namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }
StatedDate sd(const char* text) { return *parse_stated_date(text); }

bool has_error(const std::vector<FieldError>& errors, const std::string& field, const std::string& words) {
  for (const auto& e : errors)
    if (e.field == field && e.message.find(words) != std::string::npos) return true;
  return false;
}

TEST(StatedDate, KeepsThePrecisionTheSourceGives) {
  EXPECT_EQ(to_iso(sd("2022-04")), "2022-04");
  EXPECT_EQ(to_display(sd("2022-04")), "April 2022");
  EXPECT_EQ(to_display(sd("2016-04-05")), "5 April 2016");
  EXPECT_EQ(to_display(sd("2018")), "2018");
  EXPECT_FALSE(parse_stated_date("2022-13"));
  EXPECT_FALSE(parse_stated_date("April 2022"));
  EXPECT_FALSE(parse_stated_date("2022-02-30"));
}

TEST(ImprovementValidation, InterventionDatesInOrderWithSpecificMessages) {
  Intervention i;
  i.kind = InterventionKind::Commissioner;
  auto errors = validate(i);
  EXPECT_TRUE(has_error(errors, "issuer", "required"));
  EXPECT_TRUE(has_error(errors, "start", "required"));
  i.issuer = "DfE";
  i.start = sd("2016-04-05");
  i.end = sd("2016-01-01");
  errors = validate(i);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "end");
  EXPECT_EQ(errors[0].message, "The end date (2016-01-01) is before the start (2016-04-05).");
  i.end = sd("2016-08");
  EXPECT_TRUE(validate(i).empty());
}

TEST(ImprovementValidation, ActionNeedsADueDateAndAPointTheReportHas) {
  PlanAction a;
  a.description = "Strengthen management oversight of casework";
  a.owner = "Director of children's services";
  a.point_ordinal = 7;
  a.evidence_links = {"javascript:alert(1)"};
  auto errors = validate(a, {1, 2, 3});
  EXPECT_TRUE(has_error(errors, "due", "due date is required"));
  EXPECT_TRUE(has_error(errors, "point", "no improvement point 7 (it has 3)"));
  EXPECT_TRUE(has_error(errors, "evidence", "is not a web address"));
  a.due = d("2023-03-31");
  a.point_ordinal = 2;
  a.evidence_links = {"https://example.org/board-minutes"};
  EXPECT_TRUE(validate(a, {1, 2, 3}).empty());
  EXPECT_TRUE(has_error(validate(a, {}), "point", "names no report"));
}

TEST(ImprovementValidation, VisitsAndBoards) {
  Visit v;
  v.start = d("2022-06-08");
  v.end = d("2022-06-07");
  v.ordinal = 0;
  auto errors = validate(v);
  EXPECT_TRUE(has_error(errors, "end", "before the first"));
  EXPECT_TRUE(has_error(errors, "ordinal", "between 1 and 30"));
  ImprovementBoard b;
  b.name = "Improvement board";
  b.established = sd("2015-09");
  b.members = {{"A Person", "", ""}};
  b.meetings = {{d("2015-08-01"), ""}};
  errors = validate(b);
  EXPECT_TRUE(has_error(errors, "chair", "required"));
  EXPECT_TRUE(has_error(errors, "members", "has no organisation"));
  EXPECT_TRUE(has_error(errors, "meetings", "before the board was established"));
}

TEST(ImprovementRecords, OverdueIsPastDueAndNotFinished) {
  PlanAction a;
  a.due = d("2023-01-31");
  EXPECT_TRUE(is_overdue(a, d("2023-02-01")));
  EXPECT_FALSE(is_overdue(a, d("2023-01-31")));
  a.status = ActionStatus::Done;
  EXPECT_FALSE(is_overdue(a, d("2024-01-01")));
  EXPECT_EQ(parse_action_status("in_progress"), ActionStatus::InProgress);
  EXPECT_FALSE(parse_action_status("finished"));
}

Intervention intervention(InterventionKind kind, const char* start, const char* end = nullptr) {
  Intervention i;
  i.kind = kind;
  i.issuer = "DfE";
  i.start = sd(start);
  if (end) i.end = sd(end);
  return i;
}

// Dudley: judged inadequate (published 5 April 2016); a direction and a
// commissioner the same day; the commissioner's term ended 5 August 2016.
TEST(ImprovementStatus, DudleyAfterItsInadequateJudgement) {
  std::vector<GradedInspection> inspections = {{d("2016-01-11"), d("2016-02-08"), d("2016-04-05"), Grade::Inadequate}};
  std::vector<Intervention> interventions = {intervention(InterventionKind::StatutoryDirection, "2016-04-05"),
                                             intervention(InterventionKind::Commissioner, "2016-04-05", "2016-08-05")};
  std::vector<Visit> visits(2);
  visits[0].start = d("2016-09-20");
  visits[1].start = d("2016-12-06");
  visits[1].kind = VisitKind::Monitoring;
  auto s = derive_improvement_status(inspections, interventions, visits, d("2016-06-01"));
  EXPECT_TRUE(s.under_intervention);
  EXPECT_EQ(to_iso(*s.since), "2016-04-05");
  EXPECT_EQ(s.in_force.size(), 2u);
  EXPECT_EQ(*s.months_since_inadequate, 1);
  EXPECT_EQ(s.monitoring_visits, 0);  // the visits come later
  EXPECT_NE(s.reinspection_text.find("monitoring visits until a standard re-inspection"), std::string::npos);

  s = derive_improvement_status(inspections, interventions, visits, d("2017-01-10"));
  ASSERT_EQ(s.in_force.size(), 1u);  // the commissioner's term is over
  EXPECT_EQ(s.in_force[0].kind, InterventionKind::StatutoryDirection);
  EXPECT_EQ(s.monitoring_visits, 2);
  EXPECT_EQ(*s.months_since_inadequate, 9);
  EXPECT_FALSE(s.intervention_expected_but_unrecorded);
}

TEST(ImprovementStatus, AnEndStatedAsAMonthRunsToTheEndOfThatMonth) {
  auto adviser = intervention(InterventionKind::ImprovementAdviser, "2020", "2022-04");
  EXPECT_TRUE(in_force(adviser, d("2022-04-30")));
  EXPECT_FALSE(in_force(adviser, d("2022-05-01")));
  EXPECT_FALSE(in_force(adviser, d("2019-12-31")));
}

TEST(ImprovementStatus, ADirectionWithNoStatedEndIsPresumedEndedByALaterBetterGrade) {
  // BCP: direction April 2022, judged good in December 2024.
  std::vector<GradedInspection> inspections = {{d("2021-12-06"), d("2021-12-17"), d("2022-02-11"), Grade::Inadequate},
                                               {d("2024-12-02"), d("2024-12-13"), d("2025-01-29"), Grade::Good}};
  std::vector<Intervention> interventions = {intervention(InterventionKind::StatutoryDirection, "2022-04")};
  auto s = derive_improvement_status(inspections, interventions, {}, d("2025-06-01"));
  EXPECT_FALSE(s.under_intervention);
  ASSERT_EQ(s.presumed_ended.size(), 1u);
  EXPECT_FALSE(s.months_since_inadequate);
  EXPECT_NE(s.reinspection_text.find("next inspection window"), std::string::npos);
  // A trust is not ended by a grade.
  interventions.push_back(intervention(InterventionKind::AlternativeDelivery, "2023-04-01"));
  s = derive_improvement_status(inspections, interventions, {}, d("2025-06-01"));
  EXPECT_TRUE(s.under_intervention);
}

TEST(ImprovementStatus, InadequateWithNothingRecordedSaysSo) {
  std::vector<GradedInspection> inspections = {{d("2021-12-06"), d("2021-12-17"), d("2022-02-11"), Grade::Inadequate}};
  auto s = derive_improvement_status(inspections, {}, {}, d("2022-05-11"));
  EXPECT_FALSE(s.under_intervention);
  EXPECT_TRUE(s.intervention_expected_but_unrecorded);
  EXPECT_EQ(*s.months_since_inadequate, 3);
  // Pages and the API say so in these words, never "no intervention".
  EXPECT_EQ(intervention_position(s), "expected, not recorded");
  // Once better than inadequate, nothing is expected any more.
  inspections.push_back({d("2024-12-02"), d("2024-12-13"), d("2025-01-29"), Grade::Good});
  s = derive_improvement_status(inspections, {}, {}, d("2025-06-01"));
  EXPECT_EQ(intervention_position(s), "no intervention in force");
  s = derive_improvement_status(inspections, {intervention(InterventionKind::AlternativeDelivery, "2023-04-01")}, {},
                                d("2025-06-01"));
  EXPECT_EQ(intervention_position(s), "under intervention");
}

}  // namespace
}  // namespace cscwatch
