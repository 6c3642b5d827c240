#include <gtest/gtest.h>

#include "domain/authority.h"
#include "domain/date.h"
#include "domain/framework.h"
#include "domain/grade.h"
#include "domain/inspection.h"

namespace cscwatch {

TEST(Grade, ParsesEveryPrintedForm) {
  EXPECT_EQ(parse_grade("Requires improvement to be good"), Grade::RequiresImprovement);
  EXPECT_EQ(parse_grade("Requires Improvement"), Grade::RequiresImprovement);
  EXPECT_EQ(parse_grade("requires_improvement"), Grade::RequiresImprovement);
  EXPECT_EQ(parse_grade("  INADEQUATE "), Grade::Inadequate);
  EXPECT_EQ(parse_grade("Adequate (Grade 3)"), Grade::Adequate);
  EXPECT_EQ(parse_grade("Outstanding"), Grade::Outstanding);
  EXPECT_EQ(parse_grade("Good"), Grade::Good);
  EXPECT_FALSE(parse_grade("Not judged"));
  EXPECT_FALSE(parse_grade("goodness"));
  EXPECT_FALSE(parse_grade(""));
}

TEST(Grade, MachineNamesRoundTrip) {
  for (Grade g : {Grade::Outstanding, Grade::Good, Grade::RequiresImprovement, Grade::Adequate, Grade::Inadequate})
    EXPECT_EQ(parse_grade(to_string(g)), g);
}

TEST(Date, IsoRoundTripAndValidation) {
  auto d = parse_iso_date("2016-02-08");
  ASSERT_TRUE(d);
  EXPECT_EQ(to_iso(*d), "2016-02-08");
  EXPECT_EQ(to_long_form(*d), "8 February 2016");
  EXPECT_FALSE(parse_iso_date("2016-02-30"));
  EXPECT_FALSE(parse_iso_date("2016-2-8"));
  EXPECT_EQ(days_between(*parse_iso_date("2016-01-11"), *d), 28);
}

TEST(Date, MonthNames) {
  EXPECT_EQ(month_from_name("January"), 1);
  EXPECT_EQ(month_from_name("sept"), 9);
  EXPECT_EQ(month_from_name("Dec"), 12);
  EXPECT_EQ(month_from_name("Ma"), 0);
  EXPECT_EQ(month_from_name("Monday"), 0);
}

TEST(Framework, NamesRoundTrip) {
  for (auto k : {DocumentKind::SifReport, DocumentKind::IlacsReport, DocumentKind::MonitoringVisitLetter})
    EXPECT_EQ(parse_document_kind(to_string(k)), k);
  EXPECT_EQ(parse_framework("ILACS"), Framework::Ilacs);
  EXPECT_FALSE(parse_framework("ofsted"));
}

TEST(Inspection, ShortOrStandardFromOnSiteSpan) {
  EXPECT_EQ(infer_ilacs_type(*parse_iso_date("2021-12-06"), *parse_iso_date("2021-12-17")), InspectionType::Standard);
  EXPECT_EQ(infer_ilacs_type(*parse_iso_date("2024-03-11"), *parse_iso_date("2024-03-15")), InspectionType::Short);
}

TEST(Authority, Slugs) {
  EXPECT_EQ(slugify("Bournemouth, Christchurch and Poole"), "bournemouth-christchurch-and-poole");
  EXPECT_EQ(slugify("Bristol, City of"), "bristol-city-of");
  EXPECT_EQ(slugify("St. Helens"), "st-helens");
}

}  // namespace cscwatch
