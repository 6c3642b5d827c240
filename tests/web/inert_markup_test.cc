// Report text is untrusted: markup in a report, an authority name, a lead
// inspector, a search query or a news article must reach the browser as
// text. A register is made by hand with hostile content in every field.
#include <gtest/gtest.h>

#include "domain/authority.h"
#include "reader/page.h"
#include "store/register.h"
#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kImg = "<img src=x onerror=alert(1)>";

class InertMarkupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_path_ = dir_.path + "/hostile.db";
    auto reg = Register::open(db_path_);
    ASSERT_TRUE(reg) << reg.error();
    Authority a;
    a.urn = "999001";
    a.la_code = "999";
    a.ons_code = "E06999999";
    a.name = "Evil " + kImg + " Borough";
    a.slug = "evil-borough";
    a.region_name = "South " + kScript;
    ASSERT_TRUE(reg->load_authorities({a}));

    std::vector<Page> pages(2);
    pages[0].number = 1;
    pages[0].text = "Inspection of Evil Borough\nInadequate " + kScript + " serious and widespread " + kImg;
    pages[1].number = 2;
    pages[1].text = "\"><svg onload=alert(1)> what needs to improve </textarea></pre>";
    std::string pdf = "%PDF-1.4 not really";
    DocumentToStore d;
    d.path = "/tmp/x.pdf";
    d.file_name = "999001-evil_2020-01-01.pdf";
    d.sha256 = std::string(64, 'a');
    d.pdf_bytes = &pdf;
    d.pages = &pages;
    d.authority_urn = a.urn;
    d.record.kind = DocumentKind::IlacsReport;
    d.record.framework = Framework::Ilacs;
    d.record.type = InspectionType::Standard;
    d.record.authority_printed = {"Evil " + kScript, 1};
    d.record.start = Sourced<Date>{*parse_iso_date("2019-11-04"), 1};
    d.record.end = Sourced<Date>{*parse_iso_date("2019-11-15"), 1};
    d.record.lead_inspector = Sourced<std::string>{"Mallory " + kImg, 1};
    d.record.headline = Sourced<std::string>{"Summary " + kScript, 1};
    d.record.judgements.push_back({JudgementArea::Overall, Grade::Inadequate, "Overall " + kImg, "Inadequate " + kScript, 1});
    d.record.improvement_points.push_back({"Improve " + kScript, 2});
    auto stored = reg->store(d);
    ASSERT_TRUE(stored) << stored.error();
    document_id_ = *stored;
    reg->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  static void expect_inert(const std::string& body, const std::string& where) {
    for (const char* raw : {"<script>alert", "<img src=x", "<svg onload", "onerror=alert(1)>", "</textarea></pre>"})
      EXPECT_EQ(body.find(raw), std::string::npos) << where << " contains raw " << raw;
  }

  TempDir dir_;
  std::string db_path_;
  int64_t document_id_ = 0;
};

TEST_F(InertMarkupTest, HostileReportTextRendersAsText) {
  TestServer server(db_path_);
  auto c = server.client();
  std::string report = "/report/" + std::to_string(document_id_);
  for (std::string path : {std::string("/"), std::string("/authority/evil-borough"), report,
                           report + "?q=serious%20and%20widespread", std::string("/search?q=serious%20and%20widespread"),
                           std::string("/api/reports/") + std::to_string(document_id_) + "?pages=1",
                           std::string("/api/search?q=widespread")}) {
    auto r = c.Get(path.c_str());
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    if (path.rfind("/api/", 0) == 0) {
      // JSON carries the text as data; what matters is that it is not HTML.
      EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
      continue;
    }
    expect_inert(r->body, path);
  }
  auto page = c.Get(report.c_str());
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  auto search = c.Get("/api/search?q=widespread");
  ASSERT_TRUE(search);
  EXPECT_NE(search->body.find("&lt;script&gt;"), std::string::npos) << "snippet_html is escaped";
}

TEST_F(InertMarkupTest, HostileSearchQueryIsEscapedAndNeverAnError) {
  TestServer server(db_path_);
  auto c = server.client();
  for (std::string q : {"%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
                        "%3C%2Ftextarea%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"}) {
    auto r = c.Get(("/search?q=" + q).c_str());
    ASSERT_TRUE(r) << q;
    EXPECT_LT(r->status, 500) << q;
    expect_inert(r->body, q);
    EXPECT_NE(r->body.find("&lt;"), std::string::npos) << "the query is echoed, escaped";
    auto api = c.Get(("/api/search?q=" + q).c_str());
    ASSERT_TRUE(api);
    EXPECT_LT(api->status, 500) << q;
  }
  // The script query is read as the words "script alert 1 script": it finds
  // the page that printed that markup, as text.
  auto r = c.Get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("1 page in 1 report"), std::string::npos);
}

TEST_F(InertMarkupTest, HostileNewsArticleIsEscaped) {
  TestServer server(db_path_);
  auto c = server.client();
  httplib::Params form{{"article", "Ofsted said \"" + kScript + "\" about Evil Borough " + kImg}};
  auto r = c.Post("/news", form);
  ASSERT_TRUE(r);
  EXPECT_LT(r->status, 500);
  expect_inert(r->body, "/news");
}

}  // namespace
}  // namespace cscwatch::testing
