// The real articles in shared/news/dev (articles.jsonl and more_articles.jsonl),
// each with the report it is about (or none when that report is not in the
// corpus), against a register of the whole corpus: linking accuracy and
// calibration, printed; a wrong link fails, since abstaining is the safe error.
// An article about several councils carries "expected", one match per council:
// it is right when every one is linked (one as the link, the rest as other
// links) and nothing else is.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

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
  // Every report the article is about: one for most, several for "expected".
  std::vector<std::string> matches() const {
    std::vector<std::string> out;
    if (fields.contains("expected") && fields["expected"].is_array()) {
      for (const auto& e : fields["expected"])
        if (e.is_object() && !e.value("match", "").empty()) out.push_back(e.value("match", ""));
    } else if (!match().empty()) {
      out.push_back(match());
    }
    return out;
  }
  // The URN prefix of a corpus file name ("80511-newham_2019-03-25.pdf" -> "80511").
  static std::string urn_of(const std::string& file) { return file.substr(0, file.find('-')); }
};

class DevArticles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string dir = testing::data_dir() + "/news/dev";
    const std::vector<std::string> files = {dir + "/articles.jsonl", dir + "/more_articles.jsonl"};
    for (const auto& f : files)
      if (!std::filesystem::exists(f)) {
        skip_ = "no dev articles at " + f;
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
    for (const auto& f : files) {
      std::ifstream in(f);
      for (std::string line; std::getline(in, line);)
        if (!line.empty()) articles_.push_back({json::parse(line)});
    }
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
  ASSERT_FALSE(articles_.empty());
  int right = 0, confident = 0, confident_right = 0, wrong = 0;
  size_t several = 0, several_expected = 0;
  for (const auto& a : articles_) {
    auto r = news::analyse_article(reg_->connection(), input_of(a));
    ASSERT_TRUE(r.ok()) << a.id() << ": " << r.error();
    const auto& link = r->link.linked;
    std::string got = link ? link->row.source_file : "";
    double confidence = link ? link->confidence : 0;
    auto want = a.matches();
    std::string context;  // printed after the confidence, so the bench's columns stay put
    bool ok = link ? std::find(want.begin(), want.end(), got) != want.end() : want.empty();
    // An article about an intervention: its match is the inspection that led
    // to it, which must be the "follows" context; the link is the record of
    // that authority (every dev intervention is in data/known_interventions.csv).
    if (a.fields.value("event", "") == "intervention") {
      const auto& iv = r->link.intervention;
      const auto& follows = r->link.follows;
      ok = !link && iv && iv->record.authority_urn == DevArticle::urn_of(a.match()) && follows &&
           follows->source_file == a.match();
      if (iv) {
        got = "intervention:" + iv->record.authority_urn + "-" + std::string(to_string(iv->record.kind)) +
              (iv->record.start ? "-" + to_iso(*iv->record.start) : "");
        confidence = iv->confidence;
      }
      if (follows) context = "follows: " + follows->source_file + " ";
    }
    // An article about several councils is right only when each is linked (the others as other_links).
    if (ok && want.size() > 1) {
      std::vector<std::string> linked_files = {got};
      for (const auto& o : r->link.other_links) linked_files.push_back(o.row.source_file);
      for (const auto& w : want) ok = ok && std::find(linked_files.begin(), linked_files.end(), w) != linked_files.end();
      for (const auto& f : linked_files) ok = ok && std::find(want.begin(), want.end(), f) != want.end();
    }
    right += ok;
    bool linked = link || r->link.intervention;
    if (linked && !ok) ++wrong;
    if (linked && confidence >= 0.8) {
      ++confident;
      confident_right += ok;
    }
    if (want.size() > 1) {
      ++several;
      several_expected += want.size();
    }
    std::string wanted = want.empty() ? std::string("(no link)") : want.front();
    if (want.size() > 1) wanted += " (+" + std::to_string(want.size() - 1) + " more)";
    std::printf("%-44s %-4s %-50s %.2f %s%s\n", a.id().c_str(), ok ? "ok" : "MISS",
                got.empty() ? "(no link)" : got.c_str(), confidence, context.c_str(),
                ok ? "" : (" want " + wanted + "; " + (link ? std::string() : r->link.no_link_reason)).c_str());
    if (const char* dump = std::getenv("CSCWATCH_NEWS_DUMP"); dump && (!ok || std::string(dump) == "all")) std::printf("%s\n", news::to_json(*r).dump(2).c_str());
  }
  std::printf("linking accuracy: %d/%zu right, %d wrong links; calibration: %d of %d links at confidence >= 0.8 "
              "are right; %zu articles about several councils (%zu reports) each need every council linked\n",
              right, articles_.size(), wrong, confident_right, confident, several, several_expected);
  // Issue 17: evidence weighed, not vetoed, measured on the whole corpus (all
  // 68 articles) at 68 right, no wrong link; an intervention
  // article is right only when linked to its record, with the inspection it
  // follows as context. The test
  // holds that line and fails on any step back; the goal is no wrong link.
  EXPECT_EQ(static_cast<size_t>(right), articles_.size()) << "an article not linked right (the acceptance: every one)";
  EXPECT_EQ(wrong, 0) << "more wrong links than measured";
  EXPECT_EQ(confident_right, confident) << "a wrong link at high confidence";
}

}  // namespace
}  // namespace cscwatch
