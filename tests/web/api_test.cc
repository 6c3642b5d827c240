// The JSON API and the pages against a real server on a loopback port,
// serving a register ingested from the shared corpus.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

#include "store/inspection_rows.h"
#include "common/corpus_counts.h"
#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

using nlohmann::json;

class ApiTest : public CorpusTest {
 protected:
  static json get_json(const std::string& path, int expected_status = 200) {
    auto r = get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return {};
    EXPECT_EQ(r->status, expected_status) << path << "\n" << r->body.substr(0, 500);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json") << path;
    return json::parse(r->body);
  }
};

TEST_F(ApiTest, RegisterListsEveryAuthorityWithExportFieldNames) {
  json j = get_json("/api/register");
  ASSERT_EQ(j["count"], 153) << "every current authority in England, ingested or not";
  const json& first = j["authorities"][0];
  for (const auto& column : export_columns()) EXPECT_TRUE(first.contains(column)) << column;
  // An authority is graded exactly when the corpus holds a graded report of it
  // (truth.csv); the others are listed too, with no grade.
  const CorpusCounts counts = corpus_counts(data_dir());
  ASSERT_GT(counts.reports, 0);
  for (const auto& a : j["authorities"]) {
    const std::string urn = a.at("authority_urn").get<std::string>();
    EXPECT_EQ(a.at("overall").is_null(), !counts.graded_urns.count(urn)) << urn;
  }
  int total = 0;
  for (auto& [grade, n] : j["counts_by_current_grade"].items()) total += n.get<int>();
  EXPECT_EQ(total, 153);
  // The next inspection window, derived from the record's intervals after the
  // same framework and grade, with its rule and how often it held; an
  // inadequate authority's window is its re-inspection interval.
  for (const auto& a : j["authorities"]) {
    if (a["authority_slug"] == "dudley") {
      // Dudley's latest: ILACS, ended 2022-11-11, requires improvement.
      ASSERT_TRUE(a["next_window_opens"].is_string());
      EXPECT_GT(a["next_window_opens"].get<std::string>(), "2024-11-11");
      EXPECT_LT(a["next_window_opens"], a["next_window_closes"]);
      EXPECT_NE(a["next_window_basis"].get<std::string>().find("after ILACS requires improvement"), std::string::npos)
          << a["next_window_basis"];
      EXPECT_NE(a["next_window_basis"].get<std::string>().find("held for"), std::string::npos) << a["next_window_basis"];
    }
    if (a["overall"] == "inadequate") {
      EXPECT_NE(a["next_window_basis"].get<std::string>().find("inadequate"), std::string::npos)
          << a["authority_slug"] << " " << a["next_window_basis"];
    }
  }
}

TEST_F(ApiTest, RegisterFiltersAndSorts) {
  json inadequate = get_json("/api/register?grade=inadequate");
  ASSERT_GT(inadequate["count"].get<int>(), 0);
  for (const auto& a : inadequate["authorities"]) EXPECT_EQ(a["overall"], "inadequate") << a["authority_name"];

  json ever = get_json("/api/register?grade=inadequate&ever=1");
  std::set<std::string> names;
  for (const auto& a : ever["authorities"]) names.insert(a["authority_name"]);
  EXPECT_TRUE(names.count("Dudley")) << "Dudley was inadequate in 2016";
  EXPECT_TRUE(names.count("Bournemouth, Christchurch and Poole"));

  json london = get_json("/api/register?region=London&framework=ILACS&sort=inspection_start&dir=desc");
  std::string previous = "9999";
  for (const auto& a : london["authorities"]) {
    EXPECT_EQ(a["region_name"], "London");
    EXPECT_EQ(a["framework"], "ILACS");
    std::string start = a["inspection_start"].is_null() ? "" : a["inspection_start"].get<std::string>();
    EXPECT_LE(start, previous);
    previous = start;
  }
}

TEST_F(ApiTest, BadParametersAre400WithAMessage) {
  for (std::string path : {"/api/register?grade=awful", "/api/register?sort=password", "/api/register?dir=up",
                           "/api/search?q=x&limit=100000", "/api/search?q=x&from=abc", "/api/search",
                           "/api/register?grade=good&grade=inadequate", "/?framework=OFSTED"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path;
    EXPECT_NE(r->body.find("parameter"), std::string::npos) << path << ": " << r->body;
  }
}

TEST_F(ApiTest, UnknownRoutesAre404) {
  for (std::string path : {"/nothing", "/api/nothing", "/authority/no-such-place", "/api/authorities/no-such-place",
                           "/report/99999999", "/api/reports/99999999", "/report/99999999/pdf", "/static/../../etc/passwd",
                           "/static/missing.js", "/report/abc"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
  }
  auto c = server().client();
  auto r = c.Delete("/api/register");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
}

TEST_F(ApiTest, AuthorityHasItsWholeHistoryNeighboursAndReorganisations) {
  json dudley = get_json("/api/authorities/dudley");
  EXPECT_EQ(dudley["authority_urn"], "80464");
  ASSERT_EQ(dudley["inspections"].size(), 3u);
  EXPECT_EQ(dudley["inspections"][0]["overall"], "inadequate");
  EXPECT_EQ(dudley["inspections"][0]["framework"], "SIF");
  EXPECT_EQ(dudley["inspections"][0]["lead_inspector"], "Peter McEntee");
  EXPECT_EQ(dudley["inspections"][1]["overall"], "requires_improvement");
  EXPECT_TRUE(dudley["inspections"][0]["judgements"]["overall"]["page"].is_number());
  EXPECT_EQ(dudley["statistical_neighbours"].size(), 10u);

  json bcp = get_json("/api/authorities/bournemouth-christchurch-and-poole");
  ASSERT_FALSE(bcp["predecessors"].empty());
  EXPECT_EQ(bcp["predecessors"][0]["authority_urn"], "137316");  // Poole
}

TEST_F(ApiTest, ReportHasFactsWithPagesAndServesItsPdfById) {
  json dudley = get_json("/api/authorities/dudley");
  int64_t id = dudley["inspections"][0]["document_id"];
  json report = get_json("/api/reports/" + std::to_string(id) + "?pages=1");
  EXPECT_EQ(report["source_file"], "80464-dudley_2016-04-05.pdf");
  EXPECT_EQ(report["inspection_start"], "2016-01-11");
  EXPECT_EQ(report["inspection_end"], "2016-02-08");
  EXPECT_EQ(report["lscb"], "inadequate");
  EXPECT_GT(report["page_texts"].size(), 10u);
  EXPECT_TRUE(report["pages"]["inspection_start"].is_number());

  auto pdf = get("/report/" + std::to_string(id) + "/pdf");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->body.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf->get_header_value("Content-Disposition").find("80464-dudley_2016-04-05.pdf"), std::string::npos);

  auto page = get("/report/" + std::to_string(id));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("/report/" + std::to_string(id) + "/pdf#page="), std::string::npos);
  EXPECT_NE(page->body.find("id=\"page-1\""), std::string::npos);
}

TEST_F(ApiTest, SearchFindsThePhraseRankedWithSnippetsAndCounts) {
  json j = get_json("/api/search?q=%22serious%20and%20widespread%22&limit=100");
  ASSERT_GT(j["total_hits"].get<int>(), 5);
  std::set<std::string> found;
  bool marked = false;
  double previous = -1e300;
  for (const auto& h : j["hits"]) {
    found.insert(h["source_file"].get<std::string>());
    marked |= h["snippet_html"].get<std::string>().find("<mark>serious and widespread</mark>") != std::string::npos ||
              h["snippet_html"].get<std::string>().find("<mark>Serious and widespread</mark>") != std::string::npos;
    EXPECT_GE(h["score"].get<double>(), previous) << "bm25 order";
    previous = h["score"];
  }
  EXPECT_TRUE(found.count("80464-dudley_2016-04-05.pdf"));
  EXPECT_TRUE(found.count("2532287-bournemouth-christchurch-and-poole_2022-02-11.pdf"));
  EXPECT_TRUE(marked);
  int by_grade = 0;
  for (auto& [g, n] : j["hits_by_grade"].items()) by_grade += n.get<int>();
  EXPECT_EQ(by_grade, j["total_hits"].get<int>());

  json filtered = get_json("/api/search?q=%22serious%20and%20widespread%22&framework=ILACS&from=2021&to=2022&region=South%20West");
  for (const auto& h : filtered["hits"]) EXPECT_EQ(h["framework"], "ILACS");
  ASSERT_FALSE(filtered["hits"].empty());
  EXPECT_EQ(filtered["hits"][0]["authority_name"], "Bournemouth, Christchurch and Poole");
}

TEST_F(ApiTest, SearchSyntaxAndMalformedQueries) {
  json prefix = get_json("/api/search?q=safeguard*&limit=1");
  EXPECT_GT(prefix["total_hits"].get<int>(), 100);
  json both = get_json("/api/search?q=neglect%20AND%20exploitation&limit=1");
  json either = get_json("/api/search?q=neglect%20OR%20exploitation&limit=1");
  json not_ = get_json("/api/search?q=neglect%20NOT%20exploitation&limit=1");
  EXPECT_EQ(both["total_hits"].get<int>() + not_["total_hits"].get<int>(),
            get_json("/api/search?q=neglect&limit=1")["total_hits"].get<int>());
  EXPECT_GE(either["total_hits"].get<int>(), both["total_hits"].get<int>());
  // Punctuation that FTS5 would reject is sanitised, not an error.
  for (std::string q : {"children%27s", "s.47", "%22unterminated", "(drift", "a%20-%20b", "%3C%3E%20neglect"})
    get_json("/api/search?q=" + q + "&limit=1");
  // Operators in the wrong place get a message, never a 500.
  for (std::string q : {"NOT%20neglect", "neglect%20AND", "OR", "()", "%3C%3E%3F"}) {
    json e = get_json("/api/search?q=" + q, 400);
    EXPECT_FALSE(e["error"].get<std::string>().empty()) << q;
  }
  auto page = get("/search?q=NOT%20neglect");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 400);
  EXPECT_NE(page->body.find("needs a word or phrase on each side"), std::string::npos);
}

TEST_F(ApiTest, SecurityHeadersOnEveryResponse) {
  for (std::string path : {"/", "/api/register", "/nothing", "/search?q=NOT", "/static/app.js", "/authority/dudley"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    std::string csp = r->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r->get_header_value("Referrer-Policy"), "no-referrer") << path;
  }
}

TEST_F(ApiTest, PagesRenderAndHaveNoInlineScriptOrStyle) {
  for (std::string path : {"/", "/?grade=inadequate&sort=overall&dir=desc", "/authority/dudley",
                           "/search?q=%22serious+and+widespread%22", "/news", "/interventions", "/api/openapi.json"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->body.find("<script>"), std::string::npos) << path;
    EXPECT_EQ(r->body.find(" style=\""), std::string::npos) << path;
    EXPECT_EQ(r->body.find(" onclick"), std::string::npos) << path;
  }
  json openapi = get_json("/api/openapi.json");
  EXPECT_EQ(openapi["openapi"], "3.0.3");
  EXPECT_TRUE(openapi["paths"].contains("/api/search"));
  EXPECT_EQ(get_json("/api"), openapi);  // the API's root describes it
}

TEST_F(ApiTest, LimitsOnRequestSize) {
  auto c = server().client();
  // Past the request body limit (an article's limit as a URL-encoded form):
  // refused by the server, as JSON on /api/.
  std::string huge(8u << 20, 'a');
  auto r = c.Post("/api/news", huge, "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  std::string long_query(600, 'x');
  auto q = get("/api/search?q=" + long_query);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->status, 400);
}

TEST_F(ApiTest, NewsApiLinksAnArticle) {
  std::ifstream in(data_dir() + "/news/004_8e5de1696d51bef5.txt");
  if (!in) GTEST_SKIP() << "shared news articles not found";
  std::string article((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto c = server().client();
  auto r = c.Post("/api/news", article, "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = json::parse(r->body);
  EXPECT_EQ(j["authority"]["urn"], "2532287");
  ASSERT_TRUE(j["linked"].is_object());
  EXPECT_EQ(j["linked"]["source_file"], "2532287-bournemouth-christchurch-and-poole_2022-02-11.pdf");

  httplib::Params form{{"article", article}};
  auto page = c.Post("/news", form);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("id=\"quotes\""), std::string::npos);
  EXPECT_NE(page->body.find("serious and widespread"), std::string::npos);

  auto empty = c.Post("/api/news", "", "text/plain");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
}

}  // namespace
}  // namespace cscwatch::testing
