#include <gtest/gtest.h>

#include "analysis/fts_query.h"
#include "analysis/national_register.h"

namespace cscwatch {
namespace {

std::string fts(std::string_view q) {
  auto r = to_fts5_query(q);
  return r ? *r : "ERROR: " + r.error();
}

TEST(FtsQuery, KeepsTheOperatorsPeopleMean) {
  EXPECT_EQ(fts("neglect"), "\"neglect\"");
  EXPECT_EQ(fts("\"serious and widespread\""), "\"serious and widespread\"");
  EXPECT_EQ(fts("supervision caseloads"), "\"supervision\" AND \"caseloads\"");
  EXPECT_EQ(fts("a OR b"), "\"a\" OR \"b\"");
  EXPECT_EQ(fts("a NOT b"), "\"a\" NOT \"b\"");
  EXPECT_EQ(fts("safeguard*"), "\"safeguard\"*");
  EXPECT_EQ(fts("(drift OR delay) permanence"), "(\"drift\" OR \"delay\") AND \"permanence\"");
  EXPECT_EQ(fts("and or not"), "\"and\" AND \"or\" AND \"not\"") << "lower case is plain words";
}

TEST(FtsQuery, QuotesPunctuationInsteadOfFailing) {
  EXPECT_EQ(fts("<script>alert(1)</script>"), "\"<script>alert(1)</script>\"");
  EXPECT_EQ(fts("children's s.47"), "\"children's\" AND \"s.47\"");
  EXPECT_EQ(fts("\"unterminated phrase"), "\"unterminated phrase\"");
  EXPECT_EQ(fts("(drift"), "\"drift\"") << "unbalanced parentheses are dropped";
  EXPECT_EQ(fts("a - b"), "\"a\" AND \"b\"");
  EXPECT_EQ(fts("say \"x\"\"y\""), "\"say\" AND \"x\" AND \"y\"");
  EXPECT_EQ(fts("col:umn"), "\"col:umn\"") << "no column filters";
  EXPECT_EQ(fts("NEAR(a b)"), "\"NEAR(a\" AND \"b\"") << "NEAR is not offered";
}

TEST(FtsQuery, ExplainsWhatIsWrong) {
  EXPECT_NE(fts("NOT neglect").find("cannot start with NOT"), std::string::npos);
  EXPECT_NE(fts("neglect AND").find("AND needs a word"), std::string::npos);
  EXPECT_NE(fts("a OR OR b").find("OR needs a word"), std::string::npos);
  EXPECT_NE(fts("<>?").find("no words"), std::string::npos);
  EXPECT_NE(fts("").find("no words"), std::string::npos);
  EXPECT_NE(fts("a () b").find("Empty parentheses"), std::string::npos);
  EXPECT_NE(fts(std::string(501, 'a')).find("too long"), std::string::npos);
}

TEST(NationalRegister, MonthsBetween) {
  auto d = [](const char* s) { return *parse_iso_date(s); };
  EXPECT_EQ(months_between(d("2016-02-08"), d("2016-03-07")), 0);
  EXPECT_EQ(months_between(d("2016-02-08"), d("2016-03-08")), 1);
  EXPECT_EQ(months_between(d("2022-11-11"), d("2026-06-01")), 42);
  EXPECT_EQ(months_between(d("2026-06-02"), d("2026-06-01")), 0);
}

}  // namespace
}  // namespace cscwatch
