// The real articles in shared/news/dev, each with the report it is about (or
// none when that report is not in the corpus), against a register of the whole
// corpus: linking accuracy and calibration, printed and asserted.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "news/article_analysis.h"
#include "news_test_support.h"
#include "store/register.h"

namespace cscwatch {
namespace {

using nlohmann::json;

struct DevArticle {
  json fields;
  std::string id() const { return fields.value("id", ""); }
  std::string match() const { return fields.value("match", ""); }
  // The URN prefix of a corpus file name ("80511-newham_2019-03-25.pdf" -> "80511").
  static std::string urn_of(const std::string& file) { return file.substr(0, file.find('-')); }
};

class DevArticles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string jsonl = testing::data_dir() + "/news/dev/articles.jsonl";
    if (!std::filesystem::exists(jsonl)) {
      skip_ = "no dev articles at " + jsonl;
      return;
    }
    auto path = testing::corpus_register(&skip_);
    if (!path) return;
    auto reg = Register::open(*path, /*read_only=*/true);
    if (!reg) {
      skip_ = reg.error();
      return;
    }
    reg_ = new Register(std::move(*reg));
    std::ifstream in(jsonl);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) articles_.push_back({json::parse(line)});
  }
  static void TearDownTestSuite() {
    delete reg_;
    reg_ = nullptr;
  }
  void SetUp() override {
    if (!skip_.empty()) GTEST_SKIP() << skip_;
  }

  static news::ArticleInput input_of(const DevArticle& a) {
    news::ArticleInput input;
    input.text = a.fields.value("text", "");
    input.title = a.fields.value("title", "");
    input.url = a.fields.value("url", "");
    input.date = parse_iso_date(a.fields.value("article_date", ""));
    return input;
  }

  static inline Register* reg_ = nullptr;
  static inline std::vector<DevArticle> articles_;
  static inline std::string skip_;
};

TEST_F(DevArticles, EachLinksToItsReportOrToNothing) {
  ASSERT_EQ(articles_.size(), 27u);
  int right = 0, confident = 0, confident_right = 0, wrong_council = 0;
  for (const auto& a : articles_) {
    auto r = news::analyse_article(reg_->connection(), input_of(a));
    ASSERT_TRUE(r.ok()) << a.id() << ": " << r.error();
    const auto& link = r->link.linked;
    std::string got = link ? link->row.source_file : "";
    double confidence = link ? link->confidence : 0;
    bool ok = got == a.match();
    right += ok;
    if (link && confidence >= 0.8) {
      ++confident;
      confident_right += ok;
    }
    if (link && DevArticle::urn_of(got) != a.fields.value("match_urn", DevArticle::urn_of(a.match())) &&
        !a.match().empty())
      ++wrong_council;
    std::printf("%-44s %-4s %-50s %.2f %s\n", a.id().c_str(), ok ? "ok" : "MISS",
                got.empty() ? "(no link)" : got.c_str(), confidence,
                ok ? "" : (" want " + (a.match().empty() ? std::string("(no link)") : a.match()) + "; " +
                           (link ? std::string() : r->link.no_link_reason)).c_str());
    EXPECT_EQ(got, a.match()) << a.id() << "\n" << (std::getenv("CSCWATCH_NEWS_DUMP") ? news::to_json(*r).dump(2) : "");
    if (link && a.match().empty()) {
      // Where the right report is missing, linking anything is linking the wrong report.
      ADD_FAILURE() << a.id() << " links " << got << " though its report is not in the register";
    }
  }
  std::printf("linking accuracy: %d/%zu; calibration: %d of %d links at confidence >= 0.8 are right\n", right,
              articles_.size(), confident_right, confident);
  EXPECT_EQ(wrong_council, 0);
}

}  // namespace
}  // namespace cscwatch
