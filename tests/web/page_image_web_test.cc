// Page images over HTTP, on the corpus register: the PNG is a picture of the
// page's size, the page lists the highlight boxes of the fact named in the
// link (and only of facts the report has), bad pages are 404, and a report
// whose PDF is missing or unreadable gets a clear 404 or 500 page.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <regex>
#include <set>

#include "store/sqlite.h"
#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

class PageImageWebTest : public CorpusTest {
 protected:
  static void SetUpTestSuite() {
    if (!Corpus::present()) return;
    auto q = Corpus::db().prepare("SELECT id FROM documents WHERE file_name = '80418-norfolk_2015-10-20.pdf'");
    if (q.step()) norfolk_ = q.integer(0);
  }
  void SetUp() override {
    CorpusTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_GT(norfolk_, 0) << "Norfolk 2015 is in the corpus register";
  }
  static std::string page(int n) { return "/report/" + std::to_string(norfolk_) + "/page/" + std::to_string(n); }

  static inline int64_t norfolk_ = 0;
};

int be32(const std::string& s, size_t at) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(s[at + i]); };
  return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

TEST_F(PageImageWebTest, ThePngIsAPictureOfThePage) {
  auto r = get(page(1) + ".png");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  ASSERT_GT(r->body.size(), 10000u);
  EXPECT_LT(r->body.size(), 3u << 20);
  EXPECT_EQ(r->body.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_NEAR(be32(r->body, 16), 893, 3);   // A4 at 1.5 pixels per point
  EXPECT_NEAR(be32(r->body, 20), 1263, 3);
  // The second request is served from the image cache: the same bytes.
  auto again = get(page(1) + ".png");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, r->body);
}

TEST_F(PageImageWebTest, ThePageListsTheHighlightOfTheFactNamedInTheLink) {
  auto r = get(page(1) + "?fact=in_care");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body.substr(0, 500);
  const std::string& html = r->body;
  EXPECT_NE(html.find("children in care judgement, printed as \u201cInadequate\u201d"), std::string::npos);
  EXPECT_NE(html.find("<img id=\"page-image\" src=\"" + page(1) + ".png\" width=\"893\""), std::string::npos);
  // One box: the grade under the judgement's own wording, inside the image.
  std::regex rect(R"re(<rect class="highlight"[^>]* x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)")re");
  std::vector<std::array<int, 4>> boxes;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), rect); it != std::sregex_iterator(); ++it)
    boxes.push_back({std::stoi((*it)[1]), std::stoi((*it)[2]), std::stoi((*it)[3]), std::stoi((*it)[4])});
  ASSERT_EQ(boxes.size(), 1u);
  auto [x, y, w, h] = boxes[0];
  EXPECT_GT(w, h);
  EXPECT_LE(x + w, 893);
  EXPECT_LE(y + h, 1263);
  // The text stays, with the grade marked, and the PDF is still linked.
  EXPECT_NE(html.find("<mark>Inadequate</mark>"), std::string::npos);
  EXPECT_NE(html.find("/pdf#page=1\""), std::string::npos);
  EXPECT_NE(html.find("rel=\"next\" href=\"" + page(2) + "\""), std::string::npos);
  EXPECT_EQ(html.find("rel=\"prev\""), std::string::npos);

  // Every "Inadequate" on the page would be three boxes: the anchor chose one.
  auto search = get(page(1) + "?hl=Inadequate");
  ASSERT_TRUE(search);
  EXPECT_GE(std::distance(std::sregex_iterator(search->body.begin(), search->body.end(), rect), std::sregex_iterator()), 3);
}

TEST_F(PageImageWebTest, TheReportPageLinksEachFactToItsPageImage) {
  auto r = get("/report/" + std::to_string(norfolk_));
  ASSERT_TRUE(r);
  for (std::string fact : {"overall", "in_care", "inspection_start", "published", "lead_inspector", "point-1"})
    EXPECT_NE(r->body.find("?fact=" + fact + "#highlight\""), std::string::npos) << fact;
  EXPECT_NE(r->body.find("href=\"" + page(1) + "?fact=overall#highlight\""), std::string::npos);
  EXPECT_NE(r->body.find("href=\"" + page(45) + "?fact=lead_inspector#highlight\""), std::string::npos);
  EXPECT_NE(r->body.find("?fact=point-1#highlight\""), std::string::npos);
}

// Over the first 40 reports of the corpus: every judgement's page link opens
// its page with exactly one occurrence of the grade highlighted (the one
// under or beside the judgement's own wording), never none, never all.
TEST_F(PageImageWebTest, EveryCitedJudgementHighlightsOneOccurrence) {
  auto c = Connection::open(db_path, true);
  ASSERT_TRUE(c) << c.error();
  auto q = c->prepare("SELECT document_id FROM document_files ORDER BY document_id LIMIT 40");
  std::regex link(R"re(href="(/report/\d+/page/\d+\?fact=(overall|leadership|help_protection|in_care|care_leavers|adoption|lscb))#highlight")re");
  std::regex hit(R"re(data-hit="(\d+)")re");
  int judgements = 0;
  while (q.step()) {
    auto report = get("/report/" + std::to_string(q.integer(0)));
    ASSERT_TRUE(report);
    std::set<std::string> urls;
    for (auto it = std::sregex_iterator(report->body.begin(), report->body.end(), link); it != std::sregex_iterator(); ++it)
      urls.insert((*it)[1]);
    for (const auto& url : urls) {
      auto r = get(url);
      ASSERT_TRUE(r) << url;
      ASSERT_EQ(r->status, 200) << url;
      std::set<std::string> hits;
      for (auto it = std::sregex_iterator(r->body.begin(), r->body.end(), hit); it != std::sregex_iterator(); ++it)
        hits.insert((*it)[1]);
      EXPECT_EQ(hits.size(), 1u) << url;
      ++judgements;
    }
  }
  EXPECT_GT(judgements, 150);
}

TEST_F(PageImageWebTest, BadPagesAndFactsAreRefusedWithoutACrash) {
  for (const std::string& path : {page(999), page(999) + ".png", std::string("/report/999999/page/1"),
                                  std::string("/report/999999/page/1.png"), page(1) + "?fact=nonsense",
                                  page(1) + "?fact=point-999"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
  }
  auto zero = get(page(0));
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->status, 400);
  auto hl = get(page(1) + "?hl=" + std::string(300, 'a'));
  ASSERT_TRUE(hl);
  EXPECT_EQ(hl->status, 400);
  auto script = get(page(1) + "?hl=%3Cscript%3Ealert(1)%3C/script%3E");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->body.find("<script>alert"), std::string::npos);
}

TEST_F(PageImageWebTest, AMissingOrUnreadablePdfGivesAClearPage) {
  TempDir dir;
  std::string copy = Corpus::copy_into(dir);
  int64_t missing = 0, unreadable = 0;
  {
    auto c = Connection::open(copy);
    ASSERT_TRUE(c) << c.error();
    auto q = c->prepare("SELECT document_id FROM document_files WHERE document_id <> ? ORDER BY document_id LIMIT 2");
    q.bind(1, norfolk_);
    ASSERT_TRUE(q.step());
    missing = q.integer(0);
    ASSERT_TRUE(q.step());
    unreadable = q.integer(0);
    c->exec("DELETE FROM document_files WHERE document_id = " + std::to_string(missing));
    c->exec("UPDATE document_files SET pdf = '%PDF-1.4 this is not a real PDF' WHERE document_id = " + std::to_string(unreadable));
  }
  TestServer server(copy);
  auto c = server.client();
  for (const char* suffix : {"", ".png"}) {
    auto r = c.Get(("/report/" + std::to_string(missing) + "/page/1" + suffix).c_str());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_NE(r->body.find("no stored PDF"), std::string::npos) << r->body.substr(0, 400);
    auto u = c.Get(("/report/" + std::to_string(unreadable) + "/page/1" + suffix).c_str());
    ASSERT_TRUE(u);
    EXPECT_EQ(u->status, 500);
    EXPECT_NE(u->body.find("cannot be"), std::string::npos) << u->body.substr(0, 400);
  }
  // The server is still up.
  auto ok = c.Get(page(1).c_str());
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

}  // namespace
}  // namespace cscwatch::testing
