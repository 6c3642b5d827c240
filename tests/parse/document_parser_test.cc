#include "parse/document_parser.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/completeness.h"
#include "domain/date.h"
#include "parse_support.h"

namespace cscwatch {
namespace {

using testing::make_pages;

const char* kIlacsPage1 =
    "Inspection of Bournemouth, \nChristchurch and Poole local authority \nchildren\u2019s services \n\n"
    "Inspection dates: 6 to 17 December 2021\n\n"
    "Lead inspector: Steve Lowe, Her Majesty\u2019s Inspector\n\n"
    "Judgement\nGrade\n\n"
    "The impact of leaders on social work \npractice with children and families\n\nInadequate\n\n"
    "The experiences and progress of \nchildren who need help and protection\n\nInadequate\n\n"
    "The experiences and progress of \nchildren in care and care leavers\n\nRequires improvement to be good\n\n"
    "Overall effectiveness\nInadequate\n\n"
    "In 2020, Ofsted conducted a focused visit. Children were not protected effectively.\n\n"
    "There remain too many areas where progress has been neither sufficiently swift nor \n";
const char* kIlacsPage2 =
    "Inspection of Bournemouth, Christchurch and Poole local authority children\u2019s services\n"
    "6 to 17 December 2021\n2\n\n"
    "What needs to improve?\n\n"
    "\u25FC The recruitment and retention of a workforce that is experienced, competent and \n\n"
    "confident to deliver improvements.\n\n"
    "\u25FC Care leavers\u2019 access to their health records.\n\n"
    "The experiences and progress of children who need help and \nprotection: inadequate\n\n1.\nMany families.\n";

TEST(DocumentParser, IlacsReport) {
  auto r = parse_inspection_document(make_pages({kIlacsPage1, kIlacsPage2}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->kind, DocumentKind::IlacsReport);
  EXPECT_EQ(r->framework, Framework::Ilacs);
  EXPECT_EQ(r->type, InspectionType::Standard);
  EXPECT_TRUE(r->type_inferred);
  EXPECT_EQ(r->authority_printed.value, "Bournemouth, Christchurch and Poole");
  EXPECT_EQ(to_iso(r->start->value), "2021-12-06");
  EXPECT_EQ(to_iso(r->end->value), "2021-12-17");
  EXPECT_FALSE(r->published);
  ASSERT_TRUE(r->lead_inspector);
  EXPECT_EQ(r->lead_inspector->value, "Steve Lowe");
  ASSERT_EQ(r->judgements.size(), 4u);
  EXPECT_EQ(r->judgement(JudgementArea::Overall)->grade, Grade::Inadequate);
  EXPECT_EQ(r->judgement(JudgementArea::Leadership)->grade, Grade::Inadequate);
  EXPECT_EQ(r->judgement(JudgementArea::HelpProtection)->grade, Grade::Inadequate);
  const Judgement* in_care = r->judgement(JudgementArea::InCare);
  ASSERT_TRUE(in_care);
  EXPECT_EQ(in_care->grade, Grade::RequiresImprovement);
  EXPECT_EQ(in_care->printed_grade, "Requires improvement to be good");
  EXPECT_EQ(in_care->printed_label, "The experiences and progress of children in care and care leavers");
  EXPECT_EQ(in_care->page, 1);
  EXPECT_FALSE(r->judgement(JudgementArea::CareLeavers));
  ASSERT_TRUE(r->headline);
  EXPECT_EQ(r->headline->value, "In 2020, Ofsted conducted a focused visit. Children were not protected effectively.");
  ASSERT_EQ(r->improvement_points.size(), 2u);
  EXPECT_EQ(r->improvement_points[0].text,
            "The recruitment and retention of a workforce that is experienced, competent and confident to deliver "
            "improvements.");
  EXPECT_EQ(r->improvement_points[0].page, 2);
  EXPECT_EQ(r->improvement_points[1].text, "Care leavers' access to their health records.");
}

TEST(DocumentParser, IlacsSeparateCareLeaversAndShortType) {
  auto r = parse_inspection_document(make_pages(
      {"Inspection of Brighton and Hove local \nauthority children\u2019s services \n"
       "Inspection dates: 11 to 15 March 2024\nLead inspector: M\u00e1ire Atherton, His Majesty\u2019s Inspector\n"
       "Judgement\nGrade\nThe impact of leaders on social work \npractice with children and families\nOutstanding \n"
       "The experiences and progress of \nchildren who need help and protection\nGood \n"
       "The experiences and progress of \nchildren in care\nOutstanding \n"
       "The experiences and progress of care \nleavers\nRequires improvement to be good \n"
       "Overall effectiveness\nOutstanding \n\nMost children receive excellent support.\n"}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->type, InspectionType::Short);
  EXPECT_EQ(r->authority_printed.value, "Brighton and Hove");
  EXPECT_EQ(r->judgement(JudgementArea::InCare)->grade, Grade::Outstanding);
  EXPECT_EQ(r->judgement(JudgementArea::CareLeavers)->grade, Grade::RequiresImprovement);
  EXPECT_EQ(r->judgement(JudgementArea::HelpProtection)->grade, Grade::Good);
}

const char* kSifPage1 =
    "1\n\nDudley Metropolitan Borough Council \n\n"
    "Inspection of services for children in need of help and \nprotection, children looked after and care leavers \n\n"
    "and \n\nReview of the effectiveness of the Local Safeguarding Children \nBoard1  \n\n"
    "Inspection date: 11 January to 8 February 2016 \n\nReport published: 5 April 2016 \n\n"
    "Children\u2019s services in Dudley Metropolitan Borough Council are \ninadequate\n\n"
    "1. Children who need help and protection\nInadequate\n\n"
    "2. Children looked after and achieving \n\npermanence\nInadequate\n\n"
    "2.1 Adoption performance\nNot judged\n\n"
    "2.2 Experiences and progress of care leavers\nRequires improvement\n\n"
    "3. Leadership, management and governance\nInadequate\n\n"
    "Executive summary\n\nThere are serious and widespread failures.\n";
const char* kSifPage2 =
    "2\n\nRecommendations \n\n1. \nUrgently implement quality assurance processes so that \nleaders are assured (Page 33). \n\n"
    "2. \nEnsure that all children have a plan. \n\n"
    "Summary for children and young people \n\n"
    "The Local Safeguarding Children Board is inadequate \n\n"
    "Information about this inspection\n\nLead inspector: Peter McEntee \n\nDeputy lead inspector: Ian Young\n";

TEST(DocumentParser, SifReport) {
  auto r = parse_inspection_document(make_pages({kSifPage1, kSifPage2}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->kind, DocumentKind::SifReport);
  EXPECT_EQ(r->framework, Framework::Sif);
  EXPECT_EQ(r->type, InspectionType::Full);
  EXPECT_EQ(r->authority_printed.value, "Dudley Metropolitan Borough Council");
  EXPECT_EQ(to_iso(r->start->value), "2016-01-11");
  EXPECT_EQ(to_iso(r->end->value), "2016-02-08");
  ASSERT_TRUE(r->published);
  EXPECT_EQ(to_iso(r->published->value), "2016-04-05");
  EXPECT_EQ(r->published_source, "report");
  EXPECT_EQ(r->lead_inspector->value, "Peter McEntee");
  EXPECT_EQ(r->lead_inspector->page, 2);
  EXPECT_EQ(r->judgement(JudgementArea::Overall)->grade, Grade::Inadequate);
  EXPECT_EQ(r->judgement(JudgementArea::HelpProtection)->grade, Grade::Inadequate);
  EXPECT_EQ(r->judgement(JudgementArea::InCare)->grade, Grade::Inadequate);
  ASSERT_TRUE(r->judgement(JudgementArea::Adoption));
  EXPECT_FALSE(r->judgement(JudgementArea::Adoption)->grade);  // Not judged
  EXPECT_EQ(r->judgement(JudgementArea::CareLeavers)->grade, Grade::RequiresImprovement);
  EXPECT_EQ(r->judgement(JudgementArea::Leadership)->grade, Grade::Inadequate);
  ASSERT_TRUE(r->judgement(JudgementArea::Lscb));
  EXPECT_EQ(r->judgement(JudgementArea::Lscb)->grade, Grade::Inadequate);
  EXPECT_EQ(r->judgement(JudgementArea::Lscb)->page, 2);
  EXPECT_EQ(r->headline->value, "Children's services in Dudley Metropolitan Borough Council are inadequate");
  ASSERT_EQ(r->improvement_points.size(), 2u);
  EXPECT_EQ(r->improvement_points[0].text,
            "Urgently implement quality assurance processes so that leaders are assured (Page 33).");
  EXPECT_EQ(r->improvement_points[1].text, "Ensure that all children have a plan.");
}

TEST(DocumentParser, SifReInspectionHeadlineAndSingleDate) {
  auto r = parse_inspection_document(make_pages(
      {"Norfolk Council  \nRe-inspection of services for children in need of help and \n"
       "protection, children looked after and care leavers \nInspection date: 28 July 2016 \n\n"
       "The overall judgement is that children\u2019s services require \nimprovement\n\n"
       "1. Children who need help and protection\nRequire improvement\n"}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->type, InspectionType::ReInspection);
  EXPECT_EQ(to_iso(r->start->value), "2016-07-28");
  EXPECT_EQ(to_iso(r->end->value), "2016-07-28");
  EXPECT_EQ(r->judgement(JudgementArea::Overall)->grade, Grade::RequiresImprovement);
  EXPECT_EQ(r->judgement(JudgementArea::HelpProtection)->grade, Grade::RequiresImprovement);
  EXPECT_FALSE(r->judgement(JudgementArea::Lscb));
  EXPECT_FALSE(r->lead_inspector);
}

TEST(DocumentParser, LookedAfterChildrenReportKeepsTwoRows) {
  auto r = parse_inspection_document(make_pages(
      {"Inspection of looked after children \nservices \n\n\nSandwell Metropolitan Borough Council  \n\n"
       "Inspection dates:\n24 \u2013 28 June 2013\n\nReporting inspector Christopher Sands HMI\n\n"
       "Age group: \nAll \n\nPublished: \n2 August 2013 \n",
       "Record of main findings \n\nServices for looked after children \n\nOverall effectiveness\nInadequate\n\n"
       "Capacity to improve\nAdequate\n\nOutcomes for looked after children and \nyoung people\n\nAdequate\n\n"
       "Quality of provision\nInadequate\n\nLeadership and management\nAdequate\n"}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->kind, DocumentKind::LookedAfterChildrenReport);
  EXPECT_EQ(r->framework, Framework::PreSif);
  EXPECT_EQ(r->authority_printed.value, "Sandwell Metropolitan Borough Council");
  EXPECT_EQ(to_iso(r->start->value), "2013-06-24");
  EXPECT_EQ(to_iso(r->published->value), "2013-08-02");
  EXPECT_EQ(r->lead_inspector->value, "Christopher Sands");
  ASSERT_EQ(r->judgements.size(), 2u);
  EXPECT_EQ(r->judgement(JudgementArea::Overall)->grade, Grade::Inadequate);
  EXPECT_EQ(r->judgement(JudgementArea::Leadership)->grade, Grade::Adequate);
  EXPECT_EQ(r->judgement(JudgementArea::Leadership)->page, 2);
}

TEST(DocumentParser, MonitoringVisitLetter) {
  auto r = parse_inspection_document(make_pages(
      {"Dear Ms Smith\n\nMonitoring visit to Bournemouth, Christchurch and Poole children\u2019s services\n\n"
       "This letter summarises the findings of the monitoring visit to Bournemouth, Christchurch and Poole \n"
       "children\u2019s services on 7 and 8 June 2022. This was the first monitoring visit since the local "
       "authority was judged inadequate.\n",
       "Yours sincerely\n\nJenny Turnross\nHer Majesty\u2019s Inspector\n"}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->kind, DocumentKind::MonitoringVisitLetter);
  EXPECT_EQ(r->type, InspectionType::MonitoringVisit);
  EXPECT_EQ(r->authority_printed.value, "Bournemouth, Christchurch and Poole");
  EXPECT_EQ(to_iso(r->start->value), "2022-06-07");
  EXPECT_EQ(to_iso(r->end->value), "2022-06-08");
  EXPECT_EQ(r->lead_inspector->value, "Jenny Turnross");
  EXPECT_TRUE(r->judgements.empty());
}

TEST(DocumentParser, FocusedVisitAndJointLetters) {
  auto fv = parse_inspection_document(make_pages(
      {"Focused visit to Dorset children\u2019s services\n\nThis letter summarises the findings of the focused visit "
       "to Dorset children\u2019s services on 3 and 4 March 2020.\n\nTara Geere\nHer Majesty\u2019s Inspector\n"}));
  ASSERT_TRUE(fv.ok()) << fv.error();
  EXPECT_EQ(fv->kind, DocumentKind::FocusedVisitLetter);
  EXPECT_EQ(fv->authority_printed.value, "Dorset");
  EXPECT_EQ(fv->lead_inspector->value, "Tara Geere");
  auto jtai = parse_inspection_document(make_pages(
      {"Joint targeted area inspection of the multi-agency response to children in Leeds\n\n"
       "Between 10 and 14 October 2022, Ofsted, the CQC and HMICFRS carried out a joint inspection.\n"}));
  ASSERT_TRUE(jtai.ok()) << jtai.error();
  EXPECT_EQ(jtai->kind, DocumentKind::JointTargetedInspection);
  EXPECT_EQ(to_iso(jtai->start->value), "2022-10-10");
  EXPECT_EQ(to_iso(jtai->end->value), "2022-10-14");
}

TEST(DocumentParser, UnsupportedDocumentsSayWhy) {
  auto empty = parse_inspection_document({});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().rfind("unsupported document: ", 0), 0u);
  auto blank = parse_inspection_document(make_pages({"", "   \n\n"}));
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().rfind("unsupported document: ", 0), 0u);
  auto school = parse_inspection_document(make_pages({"School report\nSt Mary's Primary School\n"}));
  ASSERT_FALSE(school.ok());
  EXPECT_EQ(school.error(), "unsupported document: no Ofsted children's services title on the first pages");
  auto send = parse_inspection_document(make_pages({"Joint local area SEND inspection in Leeds\n"}));
  ASSERT_FALSE(send.ok());
  EXPECT_EQ(send.error(), "unsupported document: local area SEND inspection");
}

// The stand-alone board review (Surrey 2015): the board's name above the
// title, the review dates, the one judgement as a sentence, the team list.
TEST(DocumentParser, StandAloneLscbReviewKeepsTheBoardsJudgement) {
  auto lscb = parse_inspection_document(make_pages(
      {"1\n\nSurrey Safeguarding Children Board\n\nReview of the effectiveness of the Local Safeguarding Children\n"
       "Board\n\nInspection date: 15 June 2015 \u2013 17 June 2015\n\nReport published: 3 August 2015\n\n"
       "The Local Safeguarding Children Board requires improvement\n\nThe arrangements in place require improvement.\n",
       "The inspection team\n\nLead inspector: Dominic Stevens, HMI\n"}));
  ASSERT_TRUE(lscb.ok()) << lscb.error();
  EXPECT_EQ(lscb->kind, DocumentKind::LscbReview);
  EXPECT_EQ(lscb->type, InspectionType::BoardReview);
  EXPECT_EQ(lscb->authority_printed.value, "Surrey Safeguarding Children Board");
  EXPECT_EQ(to_iso(lscb->start->value), "2015-06-15");
  EXPECT_EQ(to_iso(lscb->end->value), "2015-06-17");
  EXPECT_EQ(to_iso(lscb->published->value), "2015-08-03");
  ASSERT_TRUE(lscb->lead_inspector);
  EXPECT_EQ(lscb->lead_inspector->value, "Dominic Stevens");
  ASSERT_EQ(lscb->judgements.size(), 1u);
  EXPECT_EQ(lscb->judgements[0].area, JudgementArea::Lscb);
  EXPECT_EQ(lscb->judgements[0].grade, Grade::RequiresImprovement);
  EXPECT_TRUE(check_completeness(*lscb).empty());
  // Neither dates nor a judgement: refused, naming the kind.
  auto bare = parse_inspection_document(
      make_pages({"Review of the effectiveness of the Local Safeguarding Children Board\n"}));
  ASSERT_FALSE(bare.ok());
  EXPECT_NE(bare.error().find("Local Safeguarding Children Board"), std::string::npos);
}

TEST(DocumentParser, RecognisedReportWithoutDatesNamesTheFact) {
  auto r = parse_inspection_document(make_pages(
      {"Dudley Metropolitan Borough Council\nInspection of services for children in need of help and protection\n"}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "SIF report without inspection dates");
}

TEST(DocumentParser, HostileInputDoesNotCrash) {
  std::string long_line(200000, 'x');
  std::string many_lines;
  for (int i = 0; i < 20000; ++i) many_lines += "Good\n";
  auto r = parse_inspection_document(make_pages({long_line, many_lines, "\xEF\x81", "\xE2"}));
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace cscwatch

namespace cscwatch {
namespace {

using cscwatch::testing::make_pages;

// 2014-15 SIF reports break their recommendations with sub-headings, printed
// in the same block as the points, or on the same line as a point's end.
TEST(DocumentParser, SifRecommendationSubHeadingsAreNotPoints) {
  std::string page2 =
      "2\n\nWhat does the local authority need to improve? \n\nPriority and immediate action \n\n"
      "1. \nEnsure that return interviews are offered to children missing from home and care. Areas for improvement \n"
      "Areas for improvement \nLeadership, management and governance \n"
      "2. \nImprove the quality of assessments so that \nrobust analysis informs decisions. \n"
      "Areas for improvement: \n"
      "3. \nEnsure that all children have a plan. \n\n"
      "Summary for children and young people \n\n"
      "Information about this inspection\n\nLead inspector: Peter McEntee \n";
  auto r = parse_inspection_document(make_pages({kSifPage1, page2}));
  ASSERT_TRUE(r.ok()) << r.error();
  ASSERT_EQ(r->improvement_points.size(), 3u);
  EXPECT_EQ(r->improvement_points[0].text,
            "Ensure that return interviews are offered to children missing from home and care.");
  EXPECT_EQ(r->improvement_points[1].text,
            "Improve the quality of assessments so that robust analysis informs decisions.");
  EXPECT_EQ(r->improvement_points[2].text, "Ensure that all children have a plan.");
}

// Ofsted may stop grading overall effectiveness (domain brief, section 1):
// a report without that row still yields its other judgements.
TEST(DocumentParser, IlacsWithoutOverallEffectiveness) {
  auto r = parse_inspection_document(make_pages(
      {"Inspection of Rutland local authority \nchildren\u2019s services \n"
       "Inspection dates: 11 to 22 May 2026\nLead inspector: Ann Example, His Majesty\u2019s Inspector\n"
       "Judgement\nGrade\nThe impact of leaders on social work \npractice with children and families\nGood \n"
       "The experiences and progress of \nchildren who need help and protection\nGood \n"
       "The experiences and progress of \nchildren in care\nRequires improvement to be good \n"
       "The experiences and progress of care \nleavers\nGood \n\nChildren are helped early.\n"}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->type, InspectionType::Standard);
  EXPECT_EQ(r->judgement(JudgementArea::Overall), nullptr);
  ASSERT_NE(r->judgement(JudgementArea::InCare), nullptr);
  EXPECT_EQ(r->judgement(JudgementArea::InCare)->grade, Grade::RequiresImprovement);
  EXPECT_EQ(r->judgement(JudgementArea::CareLeavers)->grade, Grade::Good);
}

// Early 2014 reports: recommendations under "Priority and immediate action"
// with no heading above, "There are no areas for ..." as a non-point, and
// bullets that complete a point ending "by:".
TEST(DocumentParser, SifRecommendationsUnderPriorityHeadingWithSubBullets) {
  std::string page2 =
      "2\n\nPriority and immediate action \n\n18. There are no areas for priority or immediate action. \n\n"
      "Areas for improvement \n\n19. Ensure that all children have a plan. \n\n"
      "20. Improve the achievement of looked after children by: \n"
      "\u2022 targeting the pupil premium \n\u2022 working with schools to reduce exclusions. \n\n"
      "21. Improve the collation of complaints. \n\n"
      "Summary for children and young people \n\n"
      "Information about this inspection\n\nLead inspector: Peter McEntee \n";
  auto r = parse_inspection_document(make_pages({kSifPage1, page2}));
  ASSERT_TRUE(r.ok()) << r.error();
  ASSERT_EQ(r->improvement_points.size(), 3u);
  EXPECT_EQ(r->improvement_points[0].text, "Ensure that all children have a plan.");
  EXPECT_EQ(r->improvement_points[1].text,
            "Improve the achievement of looked after children by: targeting the pupil premium; working with schools "
            "to reduce exclusions.");
  EXPECT_EQ(r->improvement_points[2].text, "Improve the collation of complaints.");
}

}  // namespace
}  // namespace cscwatch

namespace cscwatch {
namespace {

// A graded report whose dates cannot be read is kept, its judgements with it,
// and flagged for the dates — not refused, and never silently undated.
TEST(DocumentParser, AGradedReportWithoutReadableDatesIsKeptAndFlagged) {
  std::string page1 = kIlacsPage1;
  const std::string dates = "Inspection dates: 6 to 17 December 2021\n\n";
  page1.erase(page1.find(dates), dates.size());
  auto r = parse_inspection_document(testing::make_pages({page1, kIlacsPage2}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_FALSE(r->start);
  ASSERT_NE(r->judgement(JudgementArea::Overall), nullptr);
  EXPECT_EQ(r->judgement(JudgementArea::Overall)->grade, Grade::Inadequate);
  const auto items = check_completeness(*r);
  auto flagged = [&](const char* field) {
    return std::any_of(items.begin(), items.end(), [&](const ReviewItem& i) { return i.field == field; });
  };
  EXPECT_TRUE(flagged("inspection_start"));
  EXPECT_TRUE(flagged("inspection_end"));
}

}  // namespace
}  // namespace cscwatch
