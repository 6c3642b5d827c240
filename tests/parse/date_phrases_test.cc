#include "parse/date_phrases.h"

#include <gtest/gtest.h>

#include "domain/date.h"

namespace cscwatch::parse {
namespace {

std::string range(std::string_view text) {
  auto r = parse_date_range(text);
  return r ? to_iso(r->start) + " " + to_iso(r->end) : "none";
}

TEST(DatePhrases, MonthsOnBothSides) {
  EXPECT_EQ(range("11 January to 8 February 2016"), "2016-01-11 2016-02-08");
  EXPECT_EQ(range("29 October 2018 to 9 November 2018"), "2018-10-29 2018-11-09");
}

TEST(DatePhrases, DaysShareTheMonth) {
  EXPECT_EQ(range("6 to 17 December 2021"), "2021-12-06 2021-12-17");
  EXPECT_EQ(range("24 \u2013 28 June 2013"), "2013-06-24 2013-06-28");
  EXPECT_EQ(range("7\u201311 March 2016"), "2016-03-07 2016-03-11");
}

TEST(DatePhrases, DashesAndNumericForms) {
  EXPECT_EQ(range("1/06/2015 - 25/06/2015"), "2015-06-01 2015-06-25");
  EXPECT_EQ(range("16 September 2014 \u2013 8 October 2014"), "2014-09-16 2014-10-08");
  EXPECT_EQ(range("9 May 2016 \u2500 2 June 2016"), "2016-05-09 2016-06-02");
}

TEST(DatePhrases, SingleDate) { EXPECT_EQ(range("28 July 2016"), "2016-07-28 2016-07-28"); }

TEST(DatePhrases, TwoPartInspectionsRunFirstDayToLastDay) {
  EXPECT_EQ(range("5 to 9 December 2022 and 14 to 15 February 2023"), "2022-12-05 2023-02-15");
  EXPECT_EQ(range("19 November-11 December 2013 and 28 \u2013 30 January 2014"), "2013-11-19 2014-01-30");
}

TEST(DatePhrases, YearPrintedOnceAcrossNewYear) {
  EXPECT_EQ(range("30 November to 11 December 2015"), "2015-11-30 2015-12-11");
  EXPECT_EQ(range("28 December to 8 January 2016"), "2015-12-28 2016-01-08");
}

TEST(DatePhrases, StopsAtTrailingText) {
  EXPECT_EQ(range("11 January to 8 February 2016 Report published: 5 April 2016"), "2016-01-11 2016-02-08");
}

TEST(DatePhrases, RejectsIncompleteOrImplausible) {
  EXPECT_EQ(range("6 to 17 December"), "none");
  EXPECT_EQ(range("Lead inspector: Jo Bloggs"), "none");
  EXPECT_EQ(range(""), "none");
  EXPECT_EQ(range("8 February 2016 to 11 January 2015"), "none");
  EXPECT_EQ(range("31 February 2016"), "none");
}

TEST(DatePhrases, SingleDateForms) {
  auto d = parse_single_date("5 April 2016");
  ASSERT_TRUE(d);
  EXPECT_EQ(to_iso(*d), "2016-04-05");
  d = parse_single_date("10/08/2015");
  ASSERT_TRUE(d);
  EXPECT_EQ(to_iso(*d), "2015-08-10");
  EXPECT_FALSE(parse_single_date("April 2016"));
}

}  // namespace
}  // namespace cscwatch::parse
