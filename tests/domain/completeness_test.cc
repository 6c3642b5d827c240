// One test per completeness rule and cross-check (domain/completeness.h): a
// record that falls short gets a review item naming the fact, never a blank
// that passes, and a complete record gets none.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/completeness.h"
#include "domain/inspection_cadence.h"
#include "domain/judgement_scheme.h"

namespace cscwatch {
namespace {

Date day(const char* iso) { return *parse_iso_date(iso); }

InspectionRecord report(DocumentKind kind, const char* start, const char* end,
                        std::initializer_list<JudgementArea> areas) {
  InspectionRecord r;
  r.kind = kind;
  r.framework = framework_of(kind);
  r.authority_printed = {"Dudley", 1};
  r.start = Sourced<Date>{day(start), 1};
  r.end = Sourced<Date>{day(end), 1};
  r.lead_inspector = Sourced<std::string>{"Jane Example", 1};
  for (JudgementArea a : areas) r.judgements.push_back({a, Grade::Good, "label", "Good", 1});
  r.evidence.table_grade_cells = static_cast<int>(r.judgements.size());
  r.evidence.table_rows_read = static_cast<int>(r.judgements.size());
  r.evidence.table_page = 1;
  return r;
}

bool flags(const std::vector<ReviewItem>& items, const std::string& field) {
  return std::any_of(items.begin(), items.end(), [&](const ReviewItem& i) { return i.field == field; });
}

using A = JudgementArea;

TEST(JudgementScheme, PeriodsFollowTheFirstDayOnSite) {
  EXPECT_EQ(judgement_scheme(DocumentKind::IlacsReport, day("2022-12-05")), JudgementScheme::Ilacs2018);
  EXPECT_EQ(judgement_scheme(DocumentKind::IlacsReport, day("2023-01-09")), JudgementScheme::Ilacs2023);
  EXPECT_EQ(judgement_scheme(DocumentKind::IlacsReport, day("2026-03-31")), JudgementScheme::Ilacs2023);
  EXPECT_EQ(judgement_scheme(DocumentKind::IlacsReport, day("2026-04-01")), JudgementScheme::Ilacs2026);
  EXPECT_EQ(judgement_scheme(DocumentKind::SifReport, day("2016-01-11")), JudgementScheme::Sif);
  EXPECT_EQ(judgement_scheme(DocumentKind::MonitoringVisitLetter, day("2022-06-07")), JudgementScheme::Letter);
  EXPECT_FALSE(grades_overall(JudgementScheme::Ilacs2026));
  EXPECT_TRUE(grades_overall(JudgementScheme::Ilacs2023));
}

TEST(Completeness, SifFullInspectionNeedsSixJudgementsAndTheLscbWhenTitled) {
  auto r = report(DocumentKind::SifReport, "2016-01-11", "2016-02-08",
                  {A::Overall, A::HelpProtection, A::InCare, A::Adoption, A::CareLeavers, A::Leadership});
  EXPECT_TRUE(check_completeness(r).empty());
  r.evidence.title_covers_lscb = true;
  EXPECT_TRUE(flags(check_completeness(r), "lscb"));
  r.judgements.push_back({A::Lscb, Grade::Inadequate, "LSCB", "inadequate", 2});
  EXPECT_TRUE(check_completeness(r).empty());
  // The children looked after row not read: flagged, never blank.
  std::erase_if(r.judgements, [](const Judgement& j) { return j.area == A::InCare; });
  const auto items = check_completeness(r);
  ASSERT_TRUE(flags(items, "in_care"));
  EXPECT_EQ(items.front().page, 1);
}

TEST(Completeness, ANotJudgedRowCountsAsRead) {
  auto r = report(DocumentKind::SifReport, "2016-06-01", "2016-06-23",
                  {A::Overall, A::HelpProtection, A::Adoption, A::CareLeavers, A::Leadership});
  r.judgements.push_back({A::InCare, std::nullopt, "Children looked after", "Not judged", 1});
  EXPECT_TRUE(check_completeness(r).empty());
}

TEST(Completeness, Ilacs2018NeedsOverallAndThree) {
  auto r = report(DocumentKind::IlacsReport, "2021-12-06", "2021-12-17",
                  {A::Overall, A::Leadership, A::HelpProtection, A::InCare});
  EXPECT_TRUE(check_completeness(r).empty());
  r.judgements.push_back({A::CareLeavers, Grade::Good, "care leavers", "Good", 1});
  EXPECT_TRUE(flags(check_completeness(r), "care_leavers"));  // not judged apart before 2023
}

TEST(Completeness, Ilacs2023NeedsOverallAndFour) {
  auto r = report(DocumentKind::IlacsReport, "2024-12-02", "2024-12-13",
                  {A::Overall, A::Leadership, A::HelpProtection, A::InCare});
  EXPECT_TRUE(flags(check_completeness(r), "care_leavers"));
  r.judgements.push_back({A::CareLeavers, Grade::Good, "care leavers", "Good", 1});
  EXPECT_TRUE(check_completeness(r).empty());
}

TEST(Completeness, Ilacs2026HasFourJudgementsAndNoOverall) {
  auto r = report(DocumentKind::IlacsReport, "2026-05-04", "2026-05-15",
                  {A::Leadership, A::HelpProtection, A::InCare, A::CareLeavers});
  EXPECT_TRUE(check_completeness(r).empty()) << "no overall grade is absent by framework, not missing";
  r.judgements.push_back({A::Overall, Grade::Good, "Overall effectiveness", "Good", 1});
  EXPECT_TRUE(flags(check_completeness(r), "overall"));
}

TEST(Completeness, ALetterHasNoGradesButItsIdentity) {
  auto r = report(DocumentKind::FocusedVisitLetter, "2022-06-07", "2022-06-08", {});
  r.evidence.table_grade_cells = -1;
  EXPECT_TRUE(check_completeness(r).empty());
  r.lead_inspector.reset();
  EXPECT_TRUE(flags(check_completeness(r), "lead_inspector"));
  // A judgement table in a "letter": a graded report misread.
  auto misread = report(DocumentKind::FocusedVisitLetter, "2024-03-04", "2024-03-15",
                        {A::Overall, A::Leadership, A::HelpProtection, A::InCare, A::CareLeavers});
  EXPECT_TRUE(flags(check_completeness(misread), "kind"));
}

TEST(Completeness, TheAuthorityAndDatesMustBeRead) {
  auto r = report(DocumentKind::IlacsReport, "2024-12-02", "2024-12-13",
                  {A::Overall, A::Leadership, A::HelpProtection, A::InCare, A::CareLeavers});
  r.authority_printed = {"", 0};
  EXPECT_TRUE(flags(check_completeness(r), "authority"));
  r.start.reset();
  EXPECT_TRUE(flags(check_completeness(r), "inspection_start"));
}

TEST(CrossCheck, StartEndAndPublicationInOrder) {
  auto r = report(DocumentKind::IlacsReport, "2024-12-13", "2024-12-02",
                  {A::Overall, A::Leadership, A::HelpProtection, A::InCare, A::CareLeavers});
  EXPECT_TRUE(flags(check_completeness(r), "inspection_end"));
  auto p = report(DocumentKind::IlacsReport, "2024-12-02", "2024-12-13",
                  {A::Overall, A::Leadership, A::HelpProtection, A::InCare, A::CareLeavers});
  p.published = Sourced<Date>{day("2024-11-01"), 1};
  EXPECT_TRUE(flags(check_completeness(p), "published"));
}

TEST(CrossCheck, OnSiteSpanPlausibleForTheKind) {
  auto r = report(DocumentKind::IlacsReport, "2024-09-02", "2024-11-29",
                  {A::Overall, A::Leadership, A::HelpProtection, A::InCare, A::CareLeavers});
  EXPECT_TRUE(flags(check_completeness(r), "inspection_end"));
  r.evidence.split_fieldwork = true;  // "30 September to 11 October 2024 and 13 to 16 January 2025"
  EXPECT_FALSE(flags(check_completeness(r), "inspection_end"));
  auto sif = report(DocumentKind::SifReport, "2016-07-28", "2016-07-28",
                    {A::Overall, A::HelpProtection, A::InCare, A::Adoption, A::CareLeavers, A::Leadership});
  EXPECT_TRUE(flags(check_completeness(sif), "inspection_end"));
  sif.evidence.single_date_printed = true;  // taken as printed (City of London 2016)
  EXPECT_TRUE(check_completeness(sif).empty());
}

TEST(CrossCheck, OverallAgreesWithTheSummarySentence) {
  auto r = report(DocumentKind::SifReport, "2016-01-11", "2016-02-08",
                  {A::Overall, A::HelpProtection, A::InCare, A::Adoption, A::CareLeavers, A::Leadership});
  r.evidence.summary_grade = Sourced<Grade>{Grade::Good, 1};
  EXPECT_TRUE(check_completeness(r).empty());
  r.evidence.summary_grade = Sourced<Grade>{Grade::Inadequate, 1};
  EXPECT_TRUE(flags(check_completeness(r), "overall"));
}

TEST(CrossCheck, GradeCellsEqualJudgementsRead) {
  auto r = report(DocumentKind::IlacsReport, "2024-12-02", "2024-12-13",
                  {A::Overall, A::Leadership, A::HelpProtection, A::InCare, A::CareLeavers});
  r.evidence.table_grade_cells = 6;  // a row whose label the reader did not know
  EXPECT_TRUE(flags(check_completeness(r), "judgements"));
}

TEST(CrossCheck, ParserDoubtsComeFirst) {
  auto r = report(DocumentKind::IlacsReport, "2024-12-02", "2024-12-13",
                  {A::Overall, A::Leadership, A::HelpProtection, A::InCare, A::CareLeavers});
  r.doubts.push_back({"improvement_points", "a bullet could not be delimited", 2});
  const auto items = check_completeness(r);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].field, "improvement_points");
}

TEST(Cadence2026, LeadersAndTwoOfThreePracticeJudgementsDecide) {
  using G = Grade;
  EXPECT_EQ(standing_under_2026_framework({G::Good, G::Good, G::RequiresImprovement, G::Good}), Standing2026::Secure);
  EXPECT_EQ(standing_under_2026_framework({G::RequiresImprovement, G::Good, G::Good, G::Good}),
            Standing2026::NotYetSecure);
  EXPECT_EQ(standing_under_2026_framework({G::Good, G::Good, G::RequiresImprovement, G::RequiresImprovement}),
            Standing2026::NotYetSecure);
  EXPECT_EQ(standing_under_2026_framework({G::Good, G::Inadequate, G::Good, G::Good}), Standing2026::Inadequate);
  auto secure = forecast_next_inspection_2026(day("2026-05-15"), {G::Outstanding, G::Good, G::Good, G::Inadequate});
  EXPECT_FALSE(secure.opens) << "any judgement inadequate: monitoring";
  auto usual = forecast_next_inspection_2026(day("2026-05-15"), {G::Good, G::Good, G::RequiresImprovement, G::Good});
  ASSERT_TRUE(usual.opens);
  EXPECT_EQ(to_iso(*usual.opens), "2028-11-15");
}

}  // namespace
}  // namespace cscwatch
