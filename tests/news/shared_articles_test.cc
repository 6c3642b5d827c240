// Acceptance: the three real articles in shared/news against the real reports.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "news/article_analysis.h"
#include "news_test_support.h"

namespace cscwatch {
namespace {

using testing::TempRegister;

class SharedArticles : public testing::ArticlesTest<SharedArticles> {
 public:
  static std::string store_reports(TempRegister& reg) {
    const std::string pdf = testing::data_dir() + "/corpus/pdf/";
    if (!std::filesystem::exists(pdf + "80464-dudley_2016-04-05.pdf"))
      return "corpus not found under " + testing::data_dir();
    for (const char* f : {"80464-dudley_2016-04-05.pdf", "80464-dudley_2018-12-10.pdf",
                          "2532287-bournemouth-christchurch-and-poole_2022-02-11.pdf",
                          "2532287-bournemouth-christchurch-and-poole_2025-01-29.pdf"}) {
      std::string error;
      if (!reg.store_pdf(pdf + f, error)) return std::string("could not ingest ") + f + ": " + error;
    }
    return "";
  }

 protected:
  static nlohmann::json analyse(const std::string& name) {
    std::string text = testing::read_file(testing::data_dir() + "/news/" + name);
    auto r = analyse_article(reg_->db(), text);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error());
    if (!r.ok()) return {};
    if (std::getenv("CSCWATCH_NEWS_DUMP")) std::cout << r->dump(2) << "\n";
    return *r;
  }

  static const nlohmann::json* quote_containing(const nlohmann::json& j, const std::string& words) {
    for (const auto& q : j["quotes"])
      if (q["text"].get<std::string>().find(words) != std::string::npos) return &q;
    return nullptr;
  }

  static bool found(const nlohmann::json& q) { return q["verdict"] == "verbatim" || q["verdict"] == "close"; }
};

TEST_F(SharedArticles, ExpressAndStarDudley) {
  auto j = analyse("000_340b8fb06991e91a.txt");
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["authority"]["urn"], "80464");
  ASSERT_FALSE(j["linked"].is_null()) << j["link_reason"];
  EXPECT_EQ(j["linked"]["source_file"], "80464-dudley_2016-04-05.pdf");
  EXPECT_EQ(j["grade_reported"], "inadequate");
  EXPECT_EQ(j["grade_check"]["status"], "agree");
  EXPECT_EQ(j["event_kind"], "inspection");
  // The report's words, relayed by the chief executive.
  auto* q = quote_containing(j, "serious and widespread failures");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ((*q)["speaker_kind"], "inspectorate");
  EXPECT_TRUE(found(*q)) << q->dump();
  EXPECT_GT((*q)["page"].get<int>(), 0);
  // A councillor's statement is not the report.
  auto* c = quote_containing(j, "Time and time again");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ((*c)["verdict"], "not_checked");
  EXPECT_EQ((*c)["speaker_kind"], "person");
  auto* c2 = quote_containing(j, "On nearly every level");
  ASSERT_NE(c2, nullptr);
  EXPECT_EQ((*c2)["verdict"], "not_checked");
  // Earlier grade and interventions.
  bool adequate_2011 = false;
  for (const auto& e : j["earlier_grades"]) adequate_2011 |= e["grade"] == "adequate" && e["year"] == 2011;
  EXPECT_TRUE(adequate_2011) << j["earlier_grades"].dump();
  bool commissioner = false, board = false;
  for (const auto& i : j["interventions"]) {
    commissioner |= i["kind"] == "commissioner";
    board |= i["kind"] == "improvement_board";
  }
  EXPECT_TRUE(commissioner);
  EXPECT_TRUE(board);
  EXPECT_EQ(j["date_check"]["status"], "agree") << j["date_check"].dump();
}

TEST_F(SharedArticles, CapitalDudley) {
  auto j = analyse("001_8715bdffbd257864.txt");
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["article_date"], "2016-04-05");
  ASSERT_FALSE(j["linked"].is_null()) << j["link_reason"];
  EXPECT_EQ(j["linked"]["source_file"], "80464-dudley_2016-04-05.pdf");
  EXPECT_EQ(j["grade_reported"], "inadequate");
  EXPECT_EQ(j["grade_check"]["status"], "agree");
  // Council, police, school and church statements are listed, not checked.
  int not_checked = 0;
  for (const auto& q : j["quotes"]) {
    EXPECT_NE(q["speaker_kind"], "inspectorate") << q.dump();
    if (q["verdict"] == "not_checked") ++not_checked;
  }
  EXPECT_GE(not_checked, 4);
  std::set<std::string> names;
  for (const auto& p : j["people"]) names.insert(p["name"].get<std::string>());
  for (const char* n : {"Sarah Norman", "Richard Fisher", "Jo Hartill", "Graham Usher"})
    EXPECT_TRUE(names.count(n)) << n << " in " << j["people"].dump();
  auto* bishop = quote_containing(j, "deeply concerning");
  ASSERT_NE(bishop, nullptr);
  EXPECT_EQ((*bishop)["attributed_to"], "Graham Usher");
}

TEST_F(SharedArticles, BbcBournemouthChristchurchAndPoole) {
  auto j = analyse("004_8e5de1696d51bef5.txt");
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["authority"]["urn"], "2532287");
  ASSERT_FALSE(j["linked"].is_null()) << j["link_reason"];
  EXPECT_EQ(j["linked"]["source_file"], "2532287-bournemouth-christchurch-and-poole_2022-02-11.pdf");
  EXPECT_EQ(j["grade_reported"], "inadequate");
  EXPECT_EQ(j["grade_check"]["status"], "agree");
  for (const char* words : {"serious and widespread weaknesses", "There remain too many areas",
                            "fundamental building blocks", "progress since then", "The creation of new specialist"}) {
    auto* q = quote_containing(j, words);
    ASSERT_NE(q, nullptr) << words;
    EXPECT_EQ((*q)["speaker_kind"], "inspectorate") << q->dump();
    EXPECT_TRUE(found(*q)) << q->dump();
    EXPECT_GT((*q)["page"].get<int>(), 0) << q->dump();
  }
  for (const char* words : {"I have achieved this", "marathon rather than a sprint", "roll up our sleeves"}) {
    auto* q = quote_containing(j, words);
    ASSERT_NE(q, nullptr) << words;
    EXPECT_EQ((*q)["verdict"], "not_checked") << q->dump();
    EXPECT_EQ((*q)["attributed_to"], "Cathi Hadley") << q->dump();
  }
}

}  // namespace
}  // namespace cscwatch
