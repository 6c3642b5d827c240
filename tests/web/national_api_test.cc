// The national picture, the lead inspectors and the downloads against a real
// server on a loopback port, serving the corpus register.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "reader/csv.h"
#include "common/corpus_counts.h"
#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

using nlohmann::json;

class NationalApi : public CorpusTest {
 protected:
  static json get_json(const std::string& path) {
    auto r = get(path);
    EXPECT_TRUE(r && r->status == 200) << path;
    return r ? json::parse(r->body) : json{};
  }
  static const json* hex(const json& national, const std::string& code) {
    for (const auto& h : national["map"])
      if (h["hex"] == code) return &h;
    return nullptr;
  }
};

TEST_F(NationalApi, TheMapAgreesWithTheRegisterForEveryAuthority) {
  const json national = get_json("/api/national");
  const json reg = get_json("/api/register");
  ASSERT_TRUE(national.contains("map") && reg.contains("authorities"));
  ASSERT_EQ(national["map"].size(), 151u) << "every hexagon of the reference map";
  std::map<std::string, std::string> current;
  for (const auto& a : reg["authorities"])
    current[a.at("authority_slug")] = a.contains("counted_as") && a["counted_as"].is_string() ? a["counted_as"].get<std::string>() : std::string();
  std::set<std::string> on_map;
  for (const auto& h : national["map"])
    for (const auto& a : h["authorities"]) {
      const std::string slug = a["slug"];
      on_map.insert(slug);
      ASSERT_TRUE(current.count(slug)) << slug << " is a current authority today";
      EXPECT_EQ(a["grade"].is_string() ? a["grade"].get<std::string>() : std::string(), current[slug]) << slug;
    }
  // Every one of the 153 current authorities has a place (the two split counties' successors share a hexagon).
  EXPECT_EQ(on_map.size(), 153u);
}

TEST_F(NationalApi, ReorganisedAuthoritiesArePlacedByDate) {
  const json today = get_json("/api/national");
  const json* northants = hex(today, "E10000021");
  ASSERT_TRUE(northants);
  ASSERT_EQ((*northants)["authorities"].size(), 2u);
  EXPECT_EQ((*northants)["authorities"][0]["slug"], "west-northamptonshire") << "west half first";
  EXPECT_EQ((*northants)["authorities"][1]["slug"], "north-northamptonshire");
  const json then = get_json("/api/national?as_at=2018-06-01");
  ASSERT_EQ((*hex(then, "E10000021"))["authorities"].size(), 1u);
  EXPECT_EQ((*hex(then, "E10000021"))["authorities"][0]["slug"], "northamptonshire");
  EXPECT_EQ((*hex(then, "E06000058"))["authorities"][0]["slug"], "poole");
  EXPECT_EQ((*hex(today, "E06000058"))["authorities"][0]["slug"], "bournemouth-christchurch-and-poole");
  // Buckinghamshire changed its code, not its land: matched by name.
  EXPECT_EQ((*hex(today, "E10000002"))["authorities"][0]["slug"], "buckinghamshire");
  EXPECT_EQ(then["as_at"], "2018-06-01");
  EXPECT_LT(then["transitions"]["total"].get<int>(), today["transitions"]["total"].get<int>());
}

TEST_F(NationalApi, BadDatesAndRegionsAreRefusedWithAMessage) {
  auto r = get("/national?as_at=31%2F03%2F2020");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("YYYY-MM-DD"), std::string::npos);
  r = get("/national?region=Atlantis");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  r = get("/api/national?as_at=2020-02-30");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST_F(NationalApi, InspectorsCountEveryInspectionLedOnceWithTheCaveat) {
  const json all = get_json("/api/inspectors");
  EXPECT_NE(all["caveat"].get<std::string>().find("which authorities"), std::string::npos);
  auto csv = get("/export.csv");
  ASSERT_TRUE(csv && csv->status == 200);
  const auto rows = parse_delimited(csv->body);
  const auto& header = rows.front();
  const size_t lead = std::find(header.begin(), header.end(), "lead_inspector") - header.begin();
  int led = 0;
  std::map<std::string, int> by_name;
  for (size_t i = 1; i < rows.size(); ++i)
    if (!rows[i][lead].empty()) {
      ++led;
      ++by_name[rows[i][lead]];
    }
  int total = 0;
  for (const auto& i : all["inspectors"]) {
    total += i["inspections"].get<int>();
    EXPECT_EQ(i["inspections"], by_name[i["name"]]) << i["name"];
  }
  EXPECT_EQ(total, led);
  const json one = get_json("/api/inspectors/neil-penswick");
  EXPECT_EQ(one["name"], "Neil Penswick");
  EXPECT_EQ(one["inspections"].size(), static_cast<size_t>(by_name["Neil Penswick"]));
  auto page = get("/inspectors/neil-penswick");
  ASSERT_TRUE(page && page->status == 200);
  EXPECT_NE(page->body.find("Caveat"), std::string::npos);
  auto missing = get("/inspectors/nobody-at-all");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(NationalApi, DownloadsAreAttachmentsOfTheRightRows) {
  auto all = get("/export.csv");
  ASSERT_TRUE(all && all->status == 200);
  EXPECT_EQ(all->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(all->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  const size_t reports = static_cast<size_t>(corpus_counts(data_dir()).reports);
  ASSERT_GT(reports, 0u);
  EXPECT_EQ(parse_delimited(all->body).size(), reports + 1) << "header and every ingested report";
  auto json_all = get_json("/export.json");
  EXPECT_EQ(json_all.size(), reports);
  auto dudley = get("/authority/dudley.csv");
  ASSERT_TRUE(dudley && dudley->status == 200);
  const auto rows = parse_delimited(dudley->body);
  ASSERT_EQ(rows.size(), 4u) << "Dudley's three reports";
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(rows[i][3], "Dudley");
  auto latest = get("/authority/dudley.csv?latest=1");
  ASSERT_TRUE(latest && latest->status == 200);
  EXPECT_EQ(parse_delimited(latest->body).size(), 2u);
  auto book = get("/authority/dudley.xlsx");
  ASSERT_TRUE(book && book->status == 200);
  EXPECT_EQ(book->get_header_value("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(book->body.substr(0, 2), "PK") << "a zip container";
  for (const char* path : {"/authority/atlantis.csv", "/export.pdf"}) {
    auto r = get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << path;
  }
  // The links are on the register, the authority and the national pages.
  for (const char* path : {"/", "/authority/dudley", "/national"}) {
    auto r = get(path);
    ASSERT_TRUE(r && r->status == 200) << path;
    EXPECT_NE(r->body.find(".xlsx\">XLSX</a>"), std::string::npos) << path;
    EXPECT_NE(r->body.find(".csv\">CSV</a>"), std::string::npos) << path;
  }
  auto authority = get("/authority/dudley");
  EXPECT_NE(authority->body.find("id=\"peers-table\""), std::string::npos);
}

}  // namespace
}  // namespace cscwatch::testing
