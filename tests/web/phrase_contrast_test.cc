// Recurring weaknesses (analysis/phrase_contrast.h): the log-odds formula
// against a hand computation and its properties, then the corpus: a phrase's
// counts recounted here straight from the pages table and the judgements (not
// through the analysis code), its z recomputed by this file's own
// implementation of Monroe et al.'s formula, and the boilerplate rules.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include <nlohmann/json.hpp>

#include "analysis/phrase_contrast.h"
#include "analysis/text_terms.h"
#include "store/sqlite.h"
#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

TEST(LogOdds, MatchesAHandComputation) {
  // y_a = 10 of n_a = 1000, y_b = 2 of n_b = 2000, prior alpha = 5 of 10000:
  // delta = ln(15/(1000+10000-15)) - ln(7/(2000+10000-7)) = -6.59624 - (-7.44617) = 0.84993
  // sd = sqrt(1/15 + 1/7) = 0.45774; z = 1.85681
  const LogOdds lo = log_odds(10, 1000, 2, 2000, 5, 10000);
  EXPECT_NEAR(lo.delta, 0.84993, 1e-4);
  EXPECT_NEAR(lo.z, 1.85681, 1e-4);
}

TEST(LogOdds, SwappingTheClassesNegatesTheScore) {
  const LogOdds ab = log_odds(40, 5000, 7, 9000, 30, 20000);
  const LogOdds ba = log_odds(7, 9000, 40, 5000, 30, 20000);
  EXPECT_NEAR(ab.z, -ba.z, 1e-12);
  EXPECT_NEAR(ab.delta, -ba.delta, 1e-12);
}

TEST(LogOdds, APhraseAbsentFromBothClassesScoresAboutZero) {
  // Used only in requires-improvement reports (the prior): a tiny alpha.
  const LogOdds lo = log_odds(0, 280000, 0, 610000, 3, 1600000);
  EXPECT_LT(std::fabs(lo.z), 0.5);
  // Used equally often (per word) on both sides: exactly zero.
  EXPECT_NEAR(log_odds(10, 1000, 20, 2000, 0, 0).z, 0.0, 1e-12);
}

TEST(TextTerms, PhrasesBreakAtPunctuationAndNumbers) {
  auto t = text_tokens("Drift and delay, in 2016 children\xE2\x80\x99s plans.\n\nNew");
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0].word, "drift");
  EXPECT_TRUE(t[0].phrase_break);
  EXPECT_FALSE(t[2].phrase_break);  // "delay"
  EXPECT_TRUE(t[3].phrase_break);   // "in" after the comma
  EXPECT_TRUE(t[4].phrase_break);   // "children's" after the number
  EXPECT_EQ(t[4].word, "children's");
  EXPECT_TRUE(t[6].phrase_break);   // after the blank line
  EXPECT_EQ(stem("assessments"), stem("assessment"));
  EXPECT_EQ(stem("assessed"), stem("assess"));
  EXPECT_EQ(stem("planning"), "plan");
}

class PhraseCorpus : public CorpusTest {};

// Occurrences of a one-word phrase as a whole word, counted from the page
// text of reports whose overall grade is in `grades` (the corpus has no
// report of the April 2026 framework, so the overall grade is the class).
long long recount(const Connection& db, const std::string& word, const std::vector<std::string>& grades, int* reports) {
  const std::regex whole_word("(^|[^A-Za-z0-9'\\-])" + word + "($|[^A-Za-z0-9'\\-])", std::regex::icase);
  long long n = 0;
  *reports = 0;
  for (const auto& g : grades) {
    auto docs = db.prepare(
        "SELECT i.document_id FROM inspections i JOIN judgements j ON j.inspection_id = i.id AND j.area = 'overall' "
        "WHERE j.grade = ?");
    docs.bind(1, g);
    while (docs.step()) {
      auto pages = db.prepare("SELECT text FROM pages WHERE document_id = ?");
      pages.bind(1, docs.integer(0));
      long long in_doc = 0;
      while (pages.step()) {
        const std::string text = pages.text(0);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), whole_word); it != std::sregex_iterator(); ++it) ++in_doc;
      }
      n += in_doc;
      *reports += in_doc > 0 ? 1 : 0;
    }
  }
  return n;
}

TEST_F(PhraseCorpus, CountsAndScoresAgreeWithAnIndependentRecount) {
  const PhraseContrast c = compute_phrase_contrast(db, "", kPhraseContrastTop);
  std::cout << c.reports_inadequate << " inadequate reports, " << c.reports_good << " good or outstanding, "
            << c.phrases_scored << " phrases scored\n";
  ASSERT_GT(c.reports_inadequate, 20);
  ASSERT_GT(c.reports_good, 50);
  ASSERT_FALSE(c.inadequate_markers.empty());
  ASSERT_FALSE(c.good_markers.empty());
  // Two words chosen for meaning (a weakness and a strength), whatever their rank.
  for (const std::string word : {"ineffective", "impressive"}) {
    const PhraseScore* s = nullptr;
    for (const auto* list : {&c.inadequate_markers, &c.good_markers})
      for (const auto& p : *list)
        if (p.phrase == word) s = &p;
    ASSERT_NE(s, nullptr) << word << " is not among the top phrases";
    int reports_bad = 0, reports_good = 0;
    EXPECT_EQ(s->count_inadequate, recount(db, word, {"inadequate"}, &reports_bad)) << word;
    EXPECT_EQ(s->count_good, recount(db, word, {"good", "outstanding"}, &reports_good)) << word;
    EXPECT_EQ(s->reports_inadequate, reports_bad) << word;
    EXPECT_EQ(s->reports_good, reports_good) << word;
    // Monroe, Colaresi and Quinn (2008), eq. 16 and 18, written out again here.
    const double a = static_cast<double>(s->count_all), a0 = static_cast<double>(c.totals_all[1]);
    const double yi = static_cast<double>(s->count_inadequate), ni = static_cast<double>(c.totals_inadequate[1]);
    const double yj = static_cast<double>(s->count_good), nj = static_cast<double>(c.totals_good[1]);
    const double omega_i = (yi + a) / (ni + a0 - yi - a), omega_j = (yj + a) / (nj + a0 - yj - a);
    const double z = std::log(omega_i / omega_j) / std::sqrt(1.0 / (yi + a) + 1.0 / (yj + a));
    EXPECT_NEAR(s->z, z, 1e-9) << word;
  }
  // "ineffective" marks inadequate reports; "impressive" good ones.
  auto z_of = [&](const std::string& w) {
    for (const auto* list : {&c.inadequate_markers, &c.good_markers})
      for (const auto& p : *list)
        if (p.phrase == w) return p.z;
    return 0.0;
  };
  EXPECT_GT(z_of("ineffective"), 3);
  EXPECT_LT(z_of("impressive"), -3);
}

TEST_F(PhraseCorpus, ListsAreOrderedAndFreeOfBoilerplate) {
  const PhraseContrast c = compute_phrase_contrast(db, "", kPhraseContrastTop);
  for (size_t i = 1; i < c.inadequate_markers.size(); ++i) EXPECT_GE(c.inadequate_markers[i - 1].z, c.inadequate_markers[i].z);
  for (size_t i = 1; i < c.good_markers.size(); ++i) EXPECT_LE(c.good_markers[i - 1].z, c.good_markers[i].z);
  for (const auto* list : {&c.inadequate_markers, &c.good_markers})
    for (const auto& p : *list) {
      const auto first = p.phrase.substr(0, p.phrase.find(' '));
      const auto last = p.phrase.substr(p.phrase.rfind(' ') + 1);
      EXPECT_FALSE(is_stop_word(first)) << p.phrase;
      EXPECT_FALSE(is_stop_word(last)) << p.phrase;
      EXPECT_GE(p.reports_inadequate + p.reports_good, 1) << p.phrase;
      // Authority names and the grades' own names are left out.
      for (const char* name : {"birmingham", "dudley", "sandwell", "ofsted", "inadequate", "requires improvement", "outstanding"})
        EXPECT_NE(p.phrase, name);
    }
}

TEST_F(PhraseCorpus, PageAndApiLinkEachPhraseToItsEvidence) {
  auto cli = server().client();
  auto page = cli.Get("/national/phrases?framework=SIF");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("id=\"more-inadequate\""), std::string::npos);
  EXPECT_NE(page->body.find("/search?q=%22"), std::string::npos);
  auto api = cli.Get("/api/national/phrases?top=5");
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  auto j = nlohmann::json::parse(api->body);
  ASSERT_EQ(j["more_in_inadequate"].size(), 5u);
  const std::string url = j["more_in_inadequate"][0]["search_url"];
  EXPECT_NE(url.find("grade=inadequate"), std::string::npos);
  // The link finds the phrase in inadequate reports.
  auto search = cli.Get(("/api/search" + url.substr(url.find('?'))).c_str());
  ASSERT_TRUE(search);
  ASSERT_EQ(search->status, 200);
  EXPECT_GT(nlohmann::json::parse(search->body)["total_hits"].get<int>(), 0);
  EXPECT_EQ(cli.Get("/api/national/phrases?framework=XYZ")->status, 400);
}

}  // namespace
}  // namespace cscwatch::testing
