// Persistence of weaknesses (analysis/weakness_persistence.h) on real pairs
// of one authority's consecutive graded reports, the national totals against
// the per-authority pairs they are made of, and the pages and API.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analysis/weakness_persistence.h"
#include "store/sqlite.h"
#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

class PersistenceCorpus : public CorpusTest {
 protected:
  const PointMatch* find(const std::vector<InspectionPairMatches>& pairs, const std::string& words) {
    for (const auto& p : pairs)
      for (const auto& m : p.points)
        if (m.point.text.find(words) != std::string::npos) return &m;
    return nullptr;
  }
};

TEST_F(PersistenceCorpus, SimilarityIsACosine) {
  const std::string a = "Improve the quality and timeliness of return home interviews for children who go missing.";
  EXPECT_NEAR(improvement_point_similarity(db, a, a), 1.0, 1e-9);
  EXPECT_NEAR(improvement_point_similarity(db, a, "Private fostering arrangements are assessed."), 0.0, 1e-9);
  const double s = improvement_point_similarity(db, a, "Return home interviews are offered to every child who goes missing.");
  EXPECT_GT(s, kRecurringThreshold);
  EXPECT_LT(s, 1.0);
}

TEST_F(PersistenceCorpus, BedfordsReturnInterviewsRecurAndItsSupervisionPointDoesNot) {
  // Bedford Borough's SIF report (2017) asked that children who go missing are
  // offered a return interview within 72 hours; its next graded report (ILACS)
  // lists "Engagement of children in return home interviews, and the
  // aggregation of information to reduce the risk of children going missing".
  const auto pairs = authority_persistence(db, "80428");
  ASSERT_FALSE(pairs.empty());
  const PointMatch* missing = find(pairs, "offered a return interview within 72 hours");
  ASSERT_NE(missing, nullptr);
  EXPECT_TRUE(missing->recurring) << missing->point_score;
  ASSERT_TRUE(missing->best_point);
  EXPECT_NE(missing->best_point->text.find("return home interviews"), std::string::npos);
  // Its supervision point has no counterpart among the next report's points.
  const PointMatch* supervision = find(pairs, "supervision offer to frontline staff");
  ASSERT_NE(supervision, nullptr);
  EXPECT_FALSE(supervision->recurring) << supervision->point_score;
  EXPECT_LT(supervision->point_score, kRecurringThreshold);
  // Every match names the later report's page for its closest sentence.
  for (const auto& p : pairs) {
    EXPECT_LT(p.earlier.inspection_start, p.later.inspection_start);
    for (const auto& m : p.points)
      if (!m.passage.empty()) {
        EXPECT_GT(m.passage_page, 0);
      }
  }
}

TEST_F(PersistenceCorpus, NationalTotalsAreTheSumOfTheAuthorities) {
  const NationalPersistence n = compute_national_persistence(db);
  std::cout << n.pairs << " pairs, " << n.points << " points, " << n.recurring << " recurring\n";
  ASSERT_GT(n.pairs, 100);
  int points = 0, recurring = 0, pairs = 0;
  for (const auto& a : n.authorities) {
    points += a.points;
    recurring += a.recurring;
    pairs += a.pairs;
  }
  EXPECT_EQ(points, n.points);
  EXPECT_EQ(recurring, n.recurring);
  EXPECT_EQ(pairs, n.pairs);
  EXPECT_GT(n.recurring, 0);
  EXPECT_LT(n.recurring, n.points);
  // Recomputed for each authority alone, its row agrees, and the pages'
  // shared reading (authority_persistence) is that computation's.
  for (const auto& a : n.authorities) {
    int r = 0, p = 0;
    const auto alone = compute_authority_persistence(db, a.urn);
    const auto shared = authority_persistence(db, a.urn);
    ASSERT_EQ(alone.size(), shared.size()) << a.name;
    for (size_t i = 0; i < alone.size(); ++i) {
      EXPECT_EQ(alone[i].earlier.inspection_id, shared[i].earlier.inspection_id) << a.name;
      EXPECT_EQ(alone[i].recurring(), shared[i].recurring()) << a.name;
    }
    for (const auto& pair : alone) {
      r += pair.recurring();
      p += static_cast<int>(pair.points.size());
    }
    EXPECT_EQ(r, a.recurring);
    EXPECT_EQ(p, a.points);
  }
  for (size_t i = 1; i < n.themes.size(); ++i) EXPECT_GE(n.themes[i - 1].recurring, n.themes[i].recurring);
}

TEST_F(PersistenceCorpus, PagesAndApi) {
  auto cli = server().client();
  auto page = cli.Get("/national/persistence");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("id=\"persistence-themes\""), std::string::npos);
  EXPECT_NE(page->body.find("href=\"/authority/bedford-borough#persistence\""), std::string::npos);
  auto authority = cli.Get("/authority/bedford-borough");
  ASSERT_TRUE(authority);
  ASSERT_EQ(authority->status, 200);
  EXPECT_NE(authority->body.find("id=\"persistence\""), std::string::npos);
  EXPECT_NE(authority->body.find("Recurring"), std::string::npos);
  auto api = cli.Get("/api/national/persistence?authority=bedford-borough");
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  auto j = nlohmann::json::parse(api->body);
  ASSERT_FALSE(j["pairs"].empty());
  EXPECT_TRUE(j["pairs"][0]["points"][0].contains("similarity"));
  auto national = nlohmann::json::parse(cli.Get("/api/national/persistence")->body);
  EXPECT_GT(national["points"].get<int>(), 0);
  EXPECT_EQ(cli.Get("/api/national/persistence?authority=atlantis")->status, 404);
}

TEST_F(PersistenceCorpus, AuthorityPageChartsTheAreasFigures) {
  auto page = server().client().Get("/authority/dudley");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  // Dudley's 2016 SIF report: 708 children looked after, a rate of 104.7 per 10,000 (page 6).
  const auto at = page->body.find("id=\"context-figures\"");
  ASSERT_NE(at, std::string::npos);
  const std::string table = page->body.substr(at, page->body.find("</table>", at) - at);
  EXPECT_NE(table.find("708 (104.7 per 10,000)"), std::string::npos);
  EXPECT_NE(table.find("67,900 (22% of the population)"), std::string::npos);
  auto api = server().client().Get("/api/authorities/dudley/context");
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  const auto j = nlohmann::json::parse(api->body);
  bool found = false;
  for (const auto& i : j["inspections"])
    if (i["source_file"] == "80464-dudley_2016-04-05.pdf") {
      found = true;
      EXPECT_EQ(i["figures"]["looked_after"]["value"].get<double>(), 708);
      EXPECT_EQ(i["figures"]["looked_after"]["rate"].get<double>(), 104.7);
      EXPECT_GT(i["figures"]["looked_after"]["page"].get<int>(), 0);
    }
  EXPECT_TRUE(found);
  EXPECT_EQ(server().client().Get("/api/authorities/atlantis/context")->status, 404);
}

}  // namespace
}  // namespace cscwatch::testing
