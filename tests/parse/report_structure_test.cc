// Reports recognised by their structure rather than their title's wording:
// a judgement table makes a graded report, whoever the title names.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/completeness.h"
#include "domain/date.h"
#include "parse/document_parser.h"
#include "parse_support.h"

namespace cscwatch {
namespace {

using testing::make_pages;

std::string ilacs_page(const std::string& title, const std::string& opening = "") {
  return title +
         "\nInspection dates: 6 to 17 December 2021\nLead inspector: Steve Lowe, Her Majesty\u2019s Inspector\n\n"
         "Judgement\nGrade\n\n"
         "The impact of leaders on social work \npractice with children and families\n\nGood\n\n"
         "The experiences and progress of \nchildren who need help and protection\n\nRequires improvement \nto be good\n\n"
         "The experiences and progress of \nchildren in care and care leavers\n\nGood\n\n"
         "Overall effectiveness\nGood\n\n" +
         opening + "Children are helped early. Leaders know their services well.\n";
}

TEST(ReportStructure, TrustTitlesYieldTheBodyAsPrinted) {
  for (const std::string body : {"Doncaster Children's Services Trust", "Slough Children First",
                                 "Northamptonshire Children's Trust", "Achieving for Children",
                                 "Sunderland Children and Families Trust"}) {
    auto r = parse_inspection_document(make_pages({ilacs_page("Inspection of " + body)}));
    ASSERT_TRUE(r.ok()) << body << ": " << r.error();
    EXPECT_EQ(r->kind, DocumentKind::IlacsReport) << body;
    EXPECT_EQ(r->authority_printed.value, body);
    EXPECT_EQ(r->judgement(JudgementArea::HelpProtection)->grade, Grade::RequiresImprovement);
    EXPECT_TRUE(check_completeness(*r).empty()) << body;
  }
}

TEST(ReportStructure, JudgementTableMakesAGradedReportNotALetter) {
  // An unfamiliar title, and an opening that mentions a focused visit.
  auto r = parse_inspection_document(make_pages(
      {ilacs_page("Inspection of Anytown Council services for children", "In 2020, Ofsted conducted a focused visit. ")}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->kind, DocumentKind::IlacsReport);
  EXPECT_EQ(r->judgements.size(), 4u);
  EXPECT_EQ(r->evidence.table_grade_cells, 4);
  EXPECT_EQ(r->evidence.table_rows_read, 4);
}

TEST(ReportStructure, UnknownRowLabelIsFlaggedNotGuessed) {
  std::string page = ilacs_page("Inspection of Anytown local authority children\u2019s services");
  const std::string label = "The experiences and progress of \nchildren who need help and protection";
  page.replace(page.find(label), label.size(), "Quality of early \nsupport for families");
  auto r = parse_inspection_document(make_pages({page}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->judgement(JudgementArea::HelpProtection), nullptr);
  EXPECT_EQ(r->evidence.table_grade_cells, 4);
  EXPECT_EQ(r->evidence.table_rows_read, 3);
  const auto items = check_completeness(*r);
  EXPECT_TRUE(std::any_of(items.begin(), items.end(), [](const ReviewItem& i) { return i.field == "help_protection"; }));
  EXPECT_TRUE(std::any_of(items.begin(), items.end(), [](const ReviewItem& i) { return i.field == "judgements"; }));
}

TEST(ReportStructure, SplitFieldworkAndSingleDayAreEvidence) {
  std::string page = ilacs_page("Inspection of Anytown local authority children\u2019s services");
  page.replace(page.find("6 to 17 December 2021"), 21, "30 September to 11 October 2024 and 13 to 16 January 2025");
  auto r = parse_inspection_document(make_pages({page}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_TRUE(r->evidence.split_fieldwork);
  EXPECT_FALSE(r->evidence.single_date_printed);
  EXPECT_EQ(to_iso(r->start->value), "2024-09-30");
  EXPECT_EQ(to_iso(r->end->value), "2025-01-16");
}

TEST(ReportStructure, SifOverallAndAuthorityFromTheHeadlineSentence) {
  // A re-inspection whose first page prints no name above its title.
  auto r = parse_inspection_document(make_pages(
      {"Re-inspection of services for children in need of help and \nprotection, children looked after and care leavers \n\n"
       "Inspection date: 4 to 28 July 2016 \n\n"
       "Children\u2019s services in Norfolk County Council require improvement \nto be good\n\n"
       "1. Children who need help and protection\nRequires improvement\n\n"
       "2. Children looked after and achieving permanence\nRequires improvement\n\n"
       "2.1 Adoption performance\nGood\n\n2.2 Experiences and progress of care leavers\nGood\n\n"
       "3. Leadership, management and governance\nRequires improvement\n\n"
       "Executive summary\n\nLead inspector: Ann Example\n"}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->kind, DocumentKind::SifReport);
  EXPECT_EQ(r->authority_printed.value, "Norfolk County Council");
  EXPECT_EQ(r->judgement(JudgementArea::Overall)->grade, Grade::RequiresImprovement);
  ASSERT_TRUE(r->evidence.summary_grade);
  EXPECT_EQ(r->evidence.summary_grade->value, Grade::RequiresImprovement);
  EXPECT_FALSE(r->evidence.title_covers_lscb);
  EXPECT_EQ(r->evidence.table_grade_cells, 5);
  EXPECT_EQ(r->evidence.table_rows_read, 5);
  EXPECT_TRUE(check_completeness(*r).empty());
}

}  // namespace
}  // namespace cscwatch
