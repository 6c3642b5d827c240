// The date reading on its own: day ranges, months, relative phrases and what
// each date is about.
#include "news/date_reading.h"

#include <gtest/gtest.h>

namespace cscwatch::news {
namespace {

std::vector<StatedDate> dates_of(std::string_view text, std::optional<Date> article_date = std::nullopt) {
  ReadingContext ctx(text, {});
  ctx.article_date = article_date;
  if (article_date) ctx.ref_year = static_cast<int>(article_date->year());
  std::vector<StatedDate> out;
  for (size_t si = 0; si < ctx.sentences.size(); ++si) read_dates(ctx, sentence_words(ctx, si), out);
  return out;
}

TEST(DateReading, DayRangeIsTheInspection) {
  auto d = dates_of("Headline\nInspectors visited the council from 6 to 17 May 2019.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].precision, "day");
  EXPECT_EQ(d[0].refers_to, "inspection");
  EXPECT_EQ(*d[0].from, *parse_iso_date("2019-05-06"));
  EXPECT_EQ(*d[0].to, *parse_iso_date("2019-05-17"));
}

TEST(DateReading, MonthsWithoutYearTakeTheArticleYear) {
  auto d = dates_of("Headline\nThe inspection took place in January and February.", parse_iso_date("2016-04-05"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].precision, "month");
  EXPECT_TRUE(d[0].year_inferred);
  EXPECT_EQ(*d[0].from, *parse_iso_date("2016-01-01"));
  EXPECT_EQ(*d[0].to, *parse_iso_date("2016-02-29"));
}

TEST(DateReading, RelativePhrasesResolveAgainstTheArticleDate) {
  auto d =
      dates_of("Headline\nThe report was published today. Inspectors came last month.", parse_iso_date("2018-03-10"));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].refers_to, "publication");
  EXPECT_EQ(*d[0].from, *parse_iso_date("2018-03-10"));
  EXPECT_EQ(d[1].months, std::vector<unsigned>{2});
}

TEST(DateReading, AnOldYearBesideAnInspectionIsAnEarlierOne) {
  ReadingContext ctx("Headline\nThe council was last inspected in 2012.", {});
  ctx.ref_year = 2017;
  std::vector<StatedDate> out;
  read_dates(ctx, sentence_words(ctx, 1), out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].refers_to, "earlier_inspection");
}

TEST(DateReading, LeadingDateForms) {
  EXPECT_EQ(leading_date("Tuesday 5 April 2016 by a reporter"), parse_iso_date("2016-04-05"));
  EXPECT_EQ(leading_date("April 5, 2016"), parse_iso_date("2016-04-05"));
  EXPECT_EQ(leading_date("2016-04-05"), parse_iso_date("2016-04-05"));
  EXPECT_EQ(leading_date("2016-04-05T10:00:00Z"), parse_iso_date("2016-04-05"));
  EXPECT_FALSE(leading_date("Council news"));
}

}  // namespace
}  // namespace cscwatch::news

namespace cscwatch::news {
namespace {

// A short sentence of the body that states a date is an event, not a byline.
TEST(DateReading, ProseLineIsNotAByline) {
  ReadingContext prose("Notice issued\n\nThe notice followed the report.\n\nWe lifted the notice on 7 July 2017.\n", {});
  read_byline_date(prose);
  EXPECT_FALSE(prose.article_date);
  ReadingContext byline("Council rated good\nBy Jane Smith, 5 June 2014\nThe council was rated good.\n", {});
  read_byline_date(byline);
  ASSERT_TRUE(byline.article_date);
  EXPECT_EQ(*byline.article_date, *parse_iso_date("2014-06-05"));
}

}  // namespace
}  // namespace cscwatch::news
