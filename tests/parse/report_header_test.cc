#include "parse/report_header.h"

#include <gtest/gtest.h>

#include "parse_support.h"

namespace cscwatch::parse {
namespace {

std::string lead(const std::vector<std::string>& pages) {
  auto doc = split_lines(testing::make_pages(pages));
  auto l = find_lead_inspector(doc, 1, doc.page_count);
  return l ? l->value : "none";
}

TEST(LeadInspector, IlacsFormsDropTheTitle) {
  EXPECT_EQ(lead({"Lead inspector: Steve Lowe, Her Majesty\u2019s Inspector\n"}), "Steve Lowe");
  EXPECT_EQ(lead({"Lead inspector: Jan Edwards\nHer Majesty\u2019s Inspector\n"}), "Jan Edwards");
  EXPECT_EQ(lead({"Lead inspector: M\u00e1ire Atherton, His Majesty\u2019s Inspector\n"}), "M\u00e1ire Atherton");
}

TEST(LeadInspector, TwoLeads) {
  EXPECT_EQ(lead({"Lead inspectors: Rebecca Quested, His Majesty\u2019s Inspector, and Matthew Reed, \n"
                  "His Majesty\u2019s Inspector\n"}),
            "Rebecca Quested; Matthew Reed");
}

TEST(LeadInspector, SifTeamListForms) {
  EXPECT_EQ(lead({"text\n", "Information about this inspection\nLead inspector: Linda Steele HMI\n"
                            "Deputy lead inspector: Ian Young\n"}),
            "Linda Steele");
  EXPECT_EQ(lead({"Lead inspector: \n\n\nAnne Waterman \n\nDeputy lead inspector: \n\nLinda Steele\n"}),
            "Anne Waterman");
  EXPECT_EQ(lead({"Lead inspector: John Mitchell, Senior HMI\n"}), "John Mitchell");
  EXPECT_EQ(lead({"Lead inspector on site: Pietro Battista; Report author: Sean Tarpey\n"}), "Pietro Battista");
  EXPECT_EQ(lead({"Reporting inspector Christopher Sands HMI\n"}), "Christopher Sands");
}

TEST(LeadInspector, DeputyAloneIsNotTheLead) {
  EXPECT_EQ(lead({"Deputy lead inspector: Ian Young\n"}), "none");
}

TEST(ReportHeader, DatesContinueOnTheNextLine) {
  auto doc = split_lines(testing::make_pages(
      {"Sheffield City Council\n\nInspection dates: 19 November-11 December 2013 and 28 \u2013 30 \n"
       "January 2014 \n\nThe overall judgement is requires improvement\n"}));
  auto dates = find_inspection_dates(doc);
  ASSERT_TRUE(dates);
  EXPECT_EQ(to_iso(dates->range.start), "2013-11-19");
  EXPECT_EQ(to_iso(dates->range.end), "2014-01-30");
  EXPECT_EQ(dates->page, 1);
}

TEST(ReportHeader, PublishedForms) {
  auto doc = split_lines(testing::make_pages({"Inspection date: 1/06/2015 - 25/06/2015\nReport published: 10/08/2015\n"}));
  auto published = find_published(doc);
  ASSERT_TRUE(published);
  EXPECT_EQ(to_iso(published->value), "2015-08-10");
  doc = split_lines(testing::make_pages({"Published: \n2 August 2013 \n"}));
  published = find_published(doc);
  ASSERT_TRUE(published);
  EXPECT_EQ(to_iso(published->value), "2013-08-02");
  doc = split_lines(testing::make_pages({"Inspection dates: 6 to 17 December 2021\n"}));
  EXPECT_FALSE(find_published(doc));
}

}  // namespace
}  // namespace cscwatch::parse
