// Fetching against a stand-in for Ofsted's site on a loopback port: reports
// are saved under URN-slug_DATE.pdf with a manifest, error pages are refused,
// and a second fetch downloads nothing twice.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>

#include "fetch/report_fetcher.h"
#include "fetch/report_listing.h"
#include "fetch_support.h"
#include "reader/csv.h"

namespace cscwatch {
namespace {

namespace fs = std::filesystem;
using testing::slurp;

TEST(ReportListing, LinksTitlesAndDates) {
  std::string html = R"(<ul><li><a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/50178436">
      Children&#39;s services inspection <span>PDF</span> - 19 November 2021</a></li>
      <li><a href="/v1/file/123">Monitoring visit</a> <time>4 Oct 2022</time></li>
      <li><a href="https://files.ofsted.gov.uk/v1/file/50178436">duplicate</a></li>
      <li><a href="/about">About</a></li></ul>)";
  auto reports = parse_provider_page(html, "https://reports.ofsted.gov.uk/provider/44/1");
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].url, "https://files.ofsted.gov.uk/v1/file/50178436");
  EXPECT_EQ(reports[0].title, "Children's services inspection PDF - 19 November 2021");
  ASSERT_TRUE(reports[0].published);
  EXPECT_EQ(to_iso(*reports[0].published), "2021-11-19");
  EXPECT_EQ(reports[1].url, "https://reports.ofsted.gov.uk/v1/file/123");
  ASSERT_TRUE(reports[1].published);
  EXPECT_EQ(to_iso(*reports[1].published), "2022-10-04");
}

TEST(ReportListing, HostilePagesAreBounded) {
  EXPECT_TRUE(parse_provider_page("", "x").empty());
  EXPECT_TRUE(parse_provider_page("<a href=\"/v1/file/1\"", "x").empty() ||
              parse_provider_page("<a href=\"/v1/file/1\"", "x").size() == 1);
  std::string many(1 << 20, '<');
  EXPECT_TRUE(parse_provider_page(many, "x").empty());
  EXPECT_FALSE(find_long_date("31 February 2021"));
  EXPECT_FALSE(find_long_date("19 Novembre 2021"));
}

class FetchFromSite : public testing::OfstedSiteTest {
 protected:
  FetchFromSite() : OfstedSiteTest("cscwatch-fetch") {}
  void serve() override {
    report_ = slurp(testing::corpus_pdf("80464-dudley_2016-04-05.pdf"));
    const std::string base = site_.base_url();
    httplib::Server& server = site_.server();
    server.Get("/provider/44/80464", [base](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html><body><a href=\"" + base +
                          "/v1/file/1\">Children's services inspection - 5 April 2016</a>"
                          "<a href=\"/v1/file/2\">Children's services inspection - 13 July 2012</a></body></html>",
                      "text/html");
    });
    server.Get("/v1/file/1", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(report_, "application/pdf");
    });
    server.Get("/v1/file/2", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<!DOCTYPE html><html><title>Report not found</title></html>", "application/pdf");
    });
  }
  void configure() override {
    const std::string base = site_.base_url();
    options_.data_dir = dir_.string();
    options_.site = base;
    options_.reference_url = base + "/authorities.csv";
    options_.authorities = {"dudley"};
  }
  std::string report_;
  FetchOptions options_;
};

TEST_F(FetchFromSite, SavesReportsAndManifestRefusesErrorPages) {
  FetchSummary s = fetch_reports(options_);
  EXPECT_EQ(s.downloaded, 2);  // the reference table and one report
  ASSERT_EQ(s.failed, 1);
  EXPECT_NE(s.failures[0].find("80464-dudley_2012-07-13.pdf"), std::string::npos) << s.failures[0];
  EXPECT_NE(s.failures[0].find("an HTML page"), std::string::npos) << s.failures[0];
  EXPECT_EQ(slurp((dir_ / "corpus/pdf/80464-dudley_2016-04-05.pdf").string()), report_);
  EXPECT_FALSE(fs::exists(dir_ / "corpus/pdf/80464-dudley_2012-07-13.pdf"));
  EXPECT_EQ(slurp((dir_ / "reference/authorities.csv").string()), reference_);
  auto manifest = parse_delimited(slurp((dir_ / "corpus/manifest.tsv").string()), '\t');
  ASSERT_EQ(manifest.size(), 3u);
  EXPECT_EQ(manifest[0][3], "listed_published");
  EXPECT_EQ(manifest[2][0], "80464-dudley_2016-04-05.pdf");
  EXPECT_EQ(manifest[2][3], "2016-04-05");

  FetchSummary again = fetch_reports(options_);
  EXPECT_EQ(again.already_present, 1);
  EXPECT_EQ(again.downloaded, 1);  // only the reference table is refreshed
}

TEST_F(FetchFromSite, UnreachableSiteIsAClearFailure) {
  options_.site = "http://127.0.0.1:1";
  options_.reference_url = "http://127.0.0.1:1/authorities.csv";
  FetchSummary s = fetch_reports(options_);
  EXPECT_EQ(s.downloaded, 0);
  ASSERT_GE(s.failed, 1);
  EXPECT_NE(s.failures[0].find("reference table: http://127.0.0.1:1/authorities.csv"), std::string::npos)
      << s.failures[0];
}

TEST_F(FetchFromSite, ANonTableDownloadDoesNotReplaceTheReference) {
  options_.reference_url = site_.base_url() + "/v1/file/2";
  options_.reference_only = true;
  FetchSummary s = fetch_reports(options_);
  ASSERT_EQ(s.failed, 1);
  EXPECT_NE(s.failures[0].find("not an authority table"), std::string::npos) << s.failures[0];
  EXPECT_FALSE(fs::exists(dir_ / "reference/authorities.csv"));
}

}  // namespace
}  // namespace cscwatch
