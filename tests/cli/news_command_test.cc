// The news command end to end on the ingested corpus: an article about an
// intervention is linked to the intervention record with the inspection it
// follows as context ("follows:"), and --date takes a day, a month, a year or
// a news feed's date form.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_support.h"

namespace cscwatch::testing {
namespace {

class NewsCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (corpus_available()) db_ = corpus_register().db;
  }
  void SetUp() override {
    if (!corpus_available()) GTEST_SKIP() << "corpus absent at " << kDataDir;
    article_ = dir_.file("article.txt");
    write_file(article_,
               "Commissioner appointed for Torbay children's services\n"
               "The Department for Education has appointed a commissioner for Torbay council, whose children's "
               "services Ofsted rated inadequate in January this year.\n");
  }
  RunResult news(const std::string& date, bool json = false) {
    std::vector<std::string> args = {"--db", db_, "news", article_, "--date", date};
    if (json) args.push_back("--json");
    return run_cscwatch(args);
  }
  static inline std::string db_;
  TempDir dir_;
  std::string article_;
};

TEST_F(NewsCommand, InterventionIsLinkedWithTheInspectionItFollows) {
  auto r = news("2016-05-13");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("linked:       intervention commissioner"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("follows:      80572-torbay_2016-01-05.pdf"), std::string::npos) << r.out;
  auto j = nlohmann::json::parse(news("2016-05-13", true).out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_TRUE(j[0]["linked"].is_null()) << "the inspection is context, never the link";
  EXPECT_EQ(j[0]["linked_intervention"]["kind"], "commissioner");
  EXPECT_EQ(j[0]["follows"]["source_file"], "80572-torbay_2016-01-05.pdf");
}

TEST_F(NewsCommand, DateTakesAMonthAYearAndFeedForms) {
  for (const std::string d : {"2016-05", "May 2016", "Fri, 13 May 2016 09:30:00 +0000", "2016-05-13T09:30:00Z"}) {
    auto r = news(d, true);
    ASSERT_EQ(r.status, 0) << d << ": " << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j[0]["linked_intervention"]["kind"], "commissioner") << d;  // a month fits the record of that month
    EXPECT_EQ(j[0]["follows"]["source_file"], "80572-torbay_2016-01-05.pdf") << d;
  }
  auto month = nlohmann::json::parse(news("2016-05", true).out);
  EXPECT_EQ(month[0]["article_date"], "2016-05-01");
  EXPECT_NE(month[0]["article_date_source"].get<std::string>().find("2016-05-31"), std::string::npos);
  auto bad = news("the 13th");
  EXPECT_NE(bad.status, 0);
  EXPECT_NE(bad.err.find("--date"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace cscwatch::testing
