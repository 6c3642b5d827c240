// The intervention register (/interventions, /api/interventions and its
// downloads, issue 19): every recorded intervention with its source as a
// link, the months from the inadequate judgement to the intervention and from
// the intervention to the next better grade, filters by kind, region and year,
// and the same rows as CSV, JSON and XLSX.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "auth_test_support.h"
#include "reader/known_interventions.h"
#include "store/improvement_store.h"
#include "store/register.h"
#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

using nlohmann::json;

class InterventionRegisterTest : public ReportsRegisterTest<InterventionRegisterTest> {
 protected:
  static void SetUpTestSuite() {
    make_register({"80464-dudley_2016-04-05.pdf", "80464-dudley_2018-12-10.pdf",
                   "2532287-bournemouth-christchurch-and-poole_2022-02-11.pdf",
                   "2532287-bournemouth-christchurch-and-poole_2025-01-29.pdf"});
  }
  static json api(TestServer& server, const std::string& query = "") {
    auto r = server.client().Get("/api/interventions" + query);
    EXPECT_EQ(r->status, 200) << r->body;
    return json::parse(r->body);
  }
  static const json* find(const json& items, const std::string& urn, const std::string& kind) {
    for (const auto& i : items)
      if (i["authority_urn"] == urn && i["kind"] == kind) return &i;
    return nullptr;
  }
};

TEST_F(InterventionRegisterTest, ListsEveryInterventionWithItsSourceAndTheMonthsEitherSide) {
  TestServer server(db);
  auto page = server.client().Get("/interventions");
  ASSERT_EQ(page->status, 200);
  const std::string& html = page->body;
  EXPECT_NE(html.find("href=\"/interventions\" aria-current=\"page\""), std::string::npos);
  EXPECT_NE(html.find("Eleanor Brazil"), std::string::npos);
  // The source as a link titled with its own headline (escaped) and dated.
  EXPECT_NE(html.find("<a href=\"https://www.cypnow.co.uk/content/news/dfe-acts-after-ofsted-rates-councils-childrens-"
                      "services-inadequate\" rel=\"nofollow noopener\">DfE acts after Ofsted rates council&#39;s "
                      "children&#39;s services inadequate</a> (<time datetime=\"2016-04-05\">5 April 2016</time>)"),
            std::string::npos);
  EXPECT_EQ(html.find("domain brief"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find(" style=\""), std::string::npos);
  // Described in the API's document.
  auto spec = json::parse(server.client().Get("/api/openapi.json")->body);
  EXPECT_TRUE(spec["paths"].contains("/api/interventions"));

  const json all = api(server);
  const auto rows = parse_known_interventions(known_interventions_csv(), [] {
    std::set<std::string> urns;
    for (const auto& a : Register::open(db)->authorities()) urns.insert(a.urn);
    return urns;
  }());
  ASSERT_TRUE(rows);
  EXPECT_EQ(all["count"], rows->size());  // the whole table, nothing restricted here
  for (const auto& i : all["interventions"]) EXPECT_EQ(i["source_url"].get<std::string>().rfind("https://", 0), 0u);

  // Dudley: the direction the day the report was published (0 months), and
  // requires improvement to be good 32 months later (published 10 December 2018).
  const json* dudley = find(all["interventions"], "80464", "statutory_direction");
  ASSERT_NE(dudley, nullptr);
  EXPECT_EQ((*dudley)["judged_inadequate"], "2016-04-05");
  EXPECT_EQ((*dudley)["months_to_intervention"], 0);
  EXPECT_EQ((*dudley)["better_grade"], "requires_improvement");
  EXPECT_EQ((*dudley)["months_to_better"], 32);
  // BCP: the direction (April 2022) a month and more after the report of
  // 11 February 2022; good at the next inspection, published 29 January 2025.
  const json* bcp = find(all["interventions"], "2532287", "statutory_direction");
  ASSERT_NE(bcp, nullptr);
  EXPECT_EQ((*bcp)["judged_inadequate"], "2022-02-11");
  EXPECT_EQ((*bcp)["months_to_intervention"], 1);
  EXPECT_EQ((*bcp)["better_judged"], "2025-01-29");
  EXPECT_EQ((*bcp)["months_to_better"], 33);
  EXPECT_EQ((*bcp)["better_grade"], "good");
  EXPECT_EQ((*bcp)["in_force"], "no");  // taken as ended by the good judgement
}

TEST_F(InterventionRegisterTest, FiltersByKindRegionYearAndNow) {
  TestServer server(db);
  const json commissioners = api(server, "?kind=commissioner");
  ASSERT_GT(commissioners["count"].get<int>(), 10);
  for (const auto& i : commissioners["interventions"]) EXPECT_EQ(i["kind"], "commissioner");
  const json west_midlands = api(server, "?region=West%20Midlands");
  ASSERT_GT(west_midlands["count"].get<int>(), 0);
  for (const auto& i : west_midlands["interventions"]) EXPECT_EQ(i["region"], "West Midlands");
  // In force during 2016: Dudley's commissioner (April to August) is; BCP's 2022 direction is not.
  const json y2016 = api(server, "?year=2016");
  EXPECT_NE(find(y2016["interventions"], "80464", "commissioner"), nullptr);
  EXPECT_EQ(find(y2016["interventions"], "2532287", "statutory_direction"), nullptr);
  const json now = api(server, "?now=1");
  for (const auto& i : now["interventions"]) EXPECT_EQ(i["in_force"], "yes");
  EXPECT_EQ(now["authorities_under_intervention_now"], api(server)["authorities_under_intervention_now"]);
  // A value outside the closed sets is a 400, never a guess.
  EXPECT_EQ(server.client().Get("/api/interventions?kind=curfew")->status, 400);
  EXPECT_EQ(server.client().Get("/interventions?year=1999")->status, 400);
  // The page's form keeps the filter and its downloads carry it.
  auto page = server.client().Get("/interventions?kind=commissioner&year=2016");
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("href=\"/interventions.csv?kind=commissioner&amp;year=2016\""), std::string::npos);
}

TEST_F(InterventionRegisterTest, DownloadsAreTheSameRowsAsCsvJsonAndXlsx) {
  TestServer server(db);
  const json api_rows = api(server, "?kind=statutory_direction");
  auto csv = server.client().Get("/interventions.csv?kind=statutory_direction");
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->body.rfind("authority_urn,authority,region,kind,", 0), 0u);
  size_t lines = 0;
  for (size_t at = 0; (at = csv->body.find("\r\n", at)) != std::string::npos; at += 2) ++lines;
  EXPECT_EQ(lines, api_rows["count"].get<size_t>() + 1);
  auto js = server.client().Get("/interventions.json?kind=statutory_direction");
  ASSERT_EQ(js->status, 200);
  EXPECT_EQ(json::parse(js->body), api_rows["interventions"]);
  auto xlsx = server.client().Get("/interventions.xlsx?kind=statutory_direction");
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");  // a zip: the workbook
  EXPECT_NE(xlsx->get_header_value("Content-Disposition").find("cscwatch-interventions.xlsx"), std::string::npos);
}

}  // namespace
}  // namespace cscwatch::testing
