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

class InertMarkupTest : public SyntheticRegisterTest {
 protected:
  void SetUp() override {
    Authority a = synthetic_authority("999001", "999", "Evil " + kImg + " Borough", "evil-borough");
    a.ons_code = "E06999999";
    a.region_name = "South " + kScript;
    auto reg = open_register("hostile.db", {a});
    ASSERT_TRUE(reg) << reg.error();

    SyntheticDocument doc(a.urn, "999001-evil_2020-01-01.pdf", DocumentKind::IlacsReport, "2019-11-04", "2019-11-15",
                          {"Inspection of Evil Borough\nInadequate " + kScript + " serious and widespread " + kImg,
                           "\"><svg onload=alert(1)> what needs to improve </textarea></pre>"});
    DocumentToStore& d = doc.d;
    d.path = "/tmp/x.pdf";
    d.sha256 = std::string(64, 'a');
    d.record.authority_printed = {"Evil " + kScript, 1};
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

  int64_t document_id_ = 0;
};

TEST_F(InertMarkupTest, HostileReportTextRendersAsText) {
  auto c = client();
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
  auto c = client();
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
  auto c = client();
  httplib::Params form{{"article", "Ofsted said \"" + kScript + "\" about Evil Borough " + kImg}};
  auto r = c.Post("/news", form);
  ASSERT_TRUE(r);
  EXPECT_LT(r->status, 500);
  expect_inert(r->body, "/news");
}

}  // namespace
}  // namespace cscwatch::testing
