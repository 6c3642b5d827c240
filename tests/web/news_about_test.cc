// What a reader gives beside an article's text, on the web form and the API:
// the headline, the address and the date in the forms people and news feeds
// write (the CLI's --date forms), and a clear refusal of a date in none.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

using nlohmann::json;
using NewsAbout = CorpusTest;

constexpr const char* kArticle =
    "Council's children's services rated good\nOfsted inspectors said children in care were well supported.";

TEST_F(NewsAbout, ApiTakesAFeedDateAndAMonth) {
  auto c = server().client();
  auto r = c.Post("/api/news?date=Thu%2C%2005%20Jun%202014%2010%3A30%3A00%20%2B0000", kArticle, "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["article_date"], "2014-06-05");

  auto month = c.Post("/api/news?date=June%202014&title=Rated%20good", kArticle, "text/plain");
  ASSERT_TRUE(month);
  ASSERT_EQ(month->status, 200) << month->body;
  EXPECT_EQ(json::parse(month->body)["article_date"], "2014-06-01");  // its first day, the month kept as a range
}

TEST_F(NewsAbout, FormTakesTheDateAndRefusesWhatIsNone) {
  auto c = server().client();
  auto page = c.Post("/news", httplib::Params{{"article", kArticle}, {"date", "2014-06"}, {"url", "https://example.org/a"}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("id=\"date\" name=\"date\""), std::string::npos);
  EXPECT_NE(page->body.find("value=\"2014-06\""), std::string::npos);  // what was sent stays in the form

  auto bad = c.Post("/news", httplib::Params{{"article", kArticle}, {"date", "last <b>Tuesday</b>"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("not a date"), std::string::npos);
  EXPECT_EQ(bad->body.find("<b>Tuesday</b>"), std::string::npos);  // escaped, in the message and the field

  auto api = c.Post("/api/news?date=yesterday", kArticle, "text/plain");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 400);
}

}  // namespace
}  // namespace cscwatch::testing
