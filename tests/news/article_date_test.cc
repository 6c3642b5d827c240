// Article dates as people and news feeds write them.
#include "news/article_date.h"

#include "news/article_analysis.h"

#include <gtest/gtest.h>

namespace cscwatch::news {
namespace {

void expect_date(std::string_view text, const char* from, const char* to, const char* precision) {
  auto d = parse_article_date(text);
  ASSERT_TRUE(d) << text;
  EXPECT_EQ(d->from, *parse_iso_date(from)) << text;
  EXPECT_EQ(d->to, *parse_iso_date(to)) << text;
  EXPECT_EQ(d->precision, precision) << text;
}

TEST(ArticleDate, DaysMonthsYearsAndFeedForms) {
  expect_date("2014-06-05", "2014-06-05", "2014-06-05", "day");
  expect_date("2014-06-05T10:30:00Z", "2014-06-05", "2014-06-05", "day");
  expect_date("Thu, 05 Jun 2014 10:30:00 +0000", "2014-06-05", "2014-06-05", "day");
  expect_date("5 June 2014", "2014-06-05", "2014-06-05", "day");
  expect_date("June 5, 2014", "2014-06-05", "2014-06-05", "day");
  expect_date("2014-06", "2014-06-01", "2014-06-30", "month");
  expect_date("June 2014", "2014-06-01", "2014-06-30", "month");
  expect_date("2014", "2014-01-01", "2014-12-31", "year");
}

TEST(ArticleDate, NotDates) {
  EXPECT_FALSE(parse_article_date(""));
  EXPECT_FALSE(parse_article_date("yesterday"));
  EXPECT_FALSE(parse_article_date("2014-13"));
  EXPECT_FALSE(parse_article_date("2014-02-30"));
  EXPECT_FALSE(parse_article_date(std::string(5000, '9')));
}

// What the CLI's --date, the web form and the API's ?date= all use: a day
// sets the date alone, a month or a year sets its first and last day; a
// text in no form leaves the input as it was.
TEST(ArticleDate, SetOnAnArticleAtItsPrecision) {
  ArticleInput input;
  EXPECT_FALSE(set_article_date(input, "Thu, 05 Jun 2014 10:30:00 +0000"));
  EXPECT_EQ(input.date, parse_iso_date("2014-06-05"));
  EXPECT_FALSE(input.date_to);
  EXPECT_FALSE(set_article_date(input, "June 2014"));
  EXPECT_EQ(input.date, parse_iso_date("2014-06-01"));
  EXPECT_EQ(input.date_to, parse_iso_date("2014-06-30"));
  auto error = set_article_date(input, "last Tuesday");
  ASSERT_TRUE(error);
  EXPECT_NE(error->message.find("June 2014"), std::string::npos);
  EXPECT_EQ(input.date, parse_iso_date("2014-06-01"));
}

}  // namespace
}  // namespace cscwatch::news
