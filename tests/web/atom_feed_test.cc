// The alerts: Atom feeds built from the change log of the corpus register,
// checked against RFC 4287's RELAX NG schema (xmllint --relaxng
// tests/web/schema/atom.rng), read back with feedparser, and compared with
// the "what changed since" page; hostile text stays text; ids are stable.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "store/change_log.h"
#include "update/forecast_alerts.h"
#include "store/register.h"
#include "pages/atom_feed.h"
#include "pages/feeds_page.h"
#include "web_test_support.h"

namespace cscwatch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::TempDir;

// Runs a command, returning its exit status and what it printed (both streams).
std::pair<int, std::string> run(const std::string& command) {
  std::string out;
  FILE* p = ::popen((command + " 2>&1").c_str(), "r");
  if (!p) return {-1, "popen failed"};
  std::array<char, 4096> buf;
  while (size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  int status = ::pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string save(const TempDir& dir, const std::string& name, const std::string& body) {
  std::string path = dir.path + "/" + name;
  std::ofstream(path, std::ios::binary) << body;
  return path;
}

// xmllint's verdict on a feed: empty when it validates, else its messages.
std::string schema_errors(const std::string& path) {
  auto [status, out] = run(std::string(CSCWATCH_XMLLINT) + " --noout --relaxng " + CSCWATCH_ATOM_RNG + " '" + path + "'");
  return status == 0 ? std::string{} : out;
}

json read_with_feedparser(const std::string& path) {
  auto [status, out] = run(std::string(CSCWATCH_FEED_PYTHON) + " " + CSCWATCH_READ_FEED + " '" + path + "'");
  if (status != 0) ADD_FAILURE() << "feedparser (python3-feedparser) could not read " << path << ":\n" << out;
  return status == 0 ? json::parse(out) : json::object();
}

TEST(AtomFeed, TheSchemaRejectsAFeedMissingWhatRfc4287Requires) {
  // The validator is real: a feed without id, updated or author fails.
  TempDir dir;
  std::string bad = save(dir, "bad.atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>");
  EXPECT_FALSE(schema_errors(bad).empty());
}

TEST(AtomFeed, HostileTextStaysTextAndIdsAreStable) {
  ChangeEntry e;
  e.key = "document:abc";
  e.kind = kChangeNewReport;
  e.authority_name = "Ba<r>net & \"Co\" 'x'";
  e.occurred = "2024-02-29";
  e.summary = std::string("<script>alert(1)</script> & \x01\x02 bad byte \xff\xfe then caf\xc3\xa9 ]]>");
  e.link = "/report/7?a=1&b=<2>";
  AtomFeed feed{"test", "Test & <feed>", "/feeds/test.atom", "/changes", ""};
  std::string xml = render_atom_feed(feed, {e});
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_NE(xml.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(render_atom_feed(feed, {e}), xml);  // same change, same feed
  TempDir dir;
  std::string path = save(dir, "hostile.atom", xml);
  EXPECT_EQ(schema_errors(path), "");
  json read = read_with_feedparser(path);
  ASSERT_FALSE(read.empty());
  EXPECT_FALSE(read["bozo"].get<bool>()) << read["bozo_exception"];
  EXPECT_EQ(read["title"], "Test & <feed>");
  ASSERT_EQ(read["entries"].size(), 1u);
  EXPECT_EQ(read["entries"][0]["id"], name_based_urn("change:document:abc"));
  EXPECT_EQ(read["entries"][0]["link"], "/report/7?a=1&b=<2>");
  // The control characters are dropped and the stray bytes become U+FFFD; the
  // markup reaches the reader as text, which feedparser (rightly) sanitises.
  std::string summary = read["entries"][0]["summary"];
  EXPECT_NE(summary.find("bad byte \xef\xbf\xbd\xef\xbf\xbd then caf\xc3\xa9"), std::string::npos) << summary;
  EXPECT_EQ(summary.find('\x01'), std::string::npos);
  EXPECT_EQ(read["entries"][0]["updated"], "2024-02-29T00:00:00Z");

  std::regex uuid5("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  EXPECT_TRUE(std::regex_match(name_based_urn("change:x"), uuid5)) << name_based_urn("change:x");
  EXPECT_EQ(name_based_urn("change:x"), name_based_urn("change:x"));
  EXPECT_NE(name_based_urn("change:x"), name_based_urn("change:y"));
}

// The corpus register with its change log recorded, served in-process.
class CorpusFeeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!testing::Corpus::present()) return;
    dir_ = new TempDir;
    db_ = testing::Corpus::copy_into(*dir_);
    auto reg = Register::open(db_);
    ASSERT_TRUE(reg) << reg.error();
    first_ = record_changes(reg->connection());
    again_ = record_changes(reg->connection());
    // Forecast windows open as at a day inside the corpus's span (the
    // register's forecast then), recorded twice: once each.
    const Date day = *parse_iso_date(kWindowDay);
    windows_ = record_changes(reg->connection(), forecast_window_changes(reg->connection(), day));
    windows_again_ = record_changes(reg->connection(), forecast_window_changes(reg->connection(), day));
    reg->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!dir_) GTEST_SKIP() << "shared corpus absent (set CSCWATCH_DATA_DIR)";
    server_ = std::make_unique<testing::TestServer>(db_);
  }
  std::string get(const std::string& path, const std::string& type, int status = 200) {
    auto res = server_->client().Get(path);
    if (!res) {
      ADD_FAILURE() << path << ": no response";
      return {};
    }
    EXPECT_EQ(res->status, status) << path << "\n" << res->body.substr(0, 500);
    EXPECT_EQ(res->get_header_value("Content-Type").rfind(type, 0), 0u) << path << ": " << res->get_header_value("Content-Type");
    return res->body;
  }
  // Fetches a feed, validates it and reads it back; returns what the reader saw.
  json feed(const std::string& path) {
    std::string body = get(path, "application/atom+xml");
    std::string file = save(*dir_, "feed-" + std::to_string(++feeds_) + ".atom", body);
    EXPECT_EQ(schema_errors(file), "") << path;
    json read = read_with_feedparser(file);
    if (!read.empty()) {
      EXPECT_FALSE(read["bozo"].get<bool>()) << path << ": " << read["bozo_exception"];
    }
    return read;
  }
  static inline TempDir* dir_ = nullptr;
  static inline std::string db_;
  static inline int first_ = 0, again_ = 0, feeds_ = 0, windows_ = 0, windows_again_ = 0;
  static constexpr const char* kWindowDay = "2024-06-01";
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(CorpusFeeds, RecordingIsIdempotent) {
  auto conn = Connection::open(db_, true);
  ASSERT_TRUE(conn);
  auto q = conn->prepare("SELECT COUNT(*) FROM documents");
  q.step();
  int64_t documents = q.integer(0);
  auto n = conn->prepare("SELECT COUNT(*) FROM change_log WHERE kind IN ('new_report', 'new_letter')");
  n.step();
  EXPECT_EQ(n.integer(0), documents);  // one "published" change per document
  EXPECT_GT(first_, documents);        // and grades besides
  EXPECT_EQ(again_, 0);
  std::cout << "change log of the corpus register: " << first_ << " changes from " << documents << " documents\n";
}

// "Forecast window opening": one entry per authority whose window is open
// on the day, keyed by the day it opened, never recorded twice; each names the
// authority, says it is a forecast and links to the authority's page.
TEST_F(CorpusFeeds, ForecastWindowsOpeningAreRecordedOnce) {
  EXPECT_GT(windows_, 0);
  EXPECT_EQ(windows_again_, 0);
  auto conn = Connection::open(db_, true);
  ASSERT_TRUE(conn);
  auto q = conn->prepare(
      "SELECT change_key, occurred, summary, link FROM change_log WHERE kind = 'forecast_window' ORDER BY id");
  int n = 0;
  while (q.step()) {
    ++n;
    EXPECT_EQ(q.text(0).rfind("forecast_window:", 0), 0u);
    EXPECT_LE(q.text(1), std::string(kWindowDay));
    EXPECT_NE(q.text(2).find("a forecast, not a notice"), std::string::npos) << q.text(2);
    EXPECT_EQ(q.text(3).rfind("/authority/", 0), 0u);
  }
  EXPECT_EQ(n, windows_);
  std::cout << n << " forecast windows open on " << kWindowDay << "\n";
}

TEST_F(CorpusFeeds, NationalRegionAndAuthorityFeedsValidateAndReadBack) {
  json national = feed(std::string(kNationalFeedPath));
  ASSERT_FALSE(national.empty());
  EXPECT_EQ(national["version"], "atom10");
  EXPECT_EQ(national["entries"].size(), static_cast<size_t>(kFeedEntries));
  std::set<std::string> ids;
  for (const auto& e : national["entries"]) {
    ids.insert(e["id"].get<std::string>());
    EXPECT_FALSE(e["summary"].get<std::string>().empty());
    EXPECT_EQ(e["link"].get<std::string>().rfind("/", 0), 0u) << e["link"];
  }
  EXPECT_EQ(ids.size(), national["entries"].size());  // every id distinct

  json region = feed("/feeds/region/west-midlands.atom");
  ASSERT_FALSE(region.empty());
  EXPECT_GT(region["entries"].size(), 0u);
  EXPECT_NE(region["title"].get<std::string>().find("West Midlands"), std::string::npos);

  json dudley = feed("/feeds/authority/dudley.atom");
  ASSERT_FALSE(dudley.empty());
  ASSERT_GT(dudley["entries"].size(), 0u);
  for (const auto& e : dudley["entries"]) EXPECT_NE(e["title"].get<std::string>().find("Dudley"), std::string::npos) << e["title"];
  // The same request twice: the same ids (a reader shows nothing as new).
  json again = feed("/feeds/authority/dudley.atom");
  EXPECT_EQ(again["entries"], dudley["entries"]);

  get("/feeds/authority/nowhere.atom", "text/html", 404);
  get("/feeds/region/atlantis.atom", "text/html", 404);
}

TEST_F(CorpusFeeds, TheChangesPageShowsWhatTheFeedCarries) {
  json dudley = feed("/feeds/authority/dudley.atom");
  ASSERT_FALSE(dudley.empty());
  std::string page = get("/changes?authority=dudley&since=1990-01-01", "text/html");
  size_t items = 0;
  for (size_t at = page.find("<li><time"); at != std::string::npos; at = page.find("<li><time", at + 1)) ++items;
  EXPECT_EQ(items, dudley["entries"].size());
  for (const auto& e : dudley["entries"]) {
    std::string link = e["link"];
    EXPECT_NE(page.find("href=\"" + link + "\""), std::string::npos) << link;
  }
  // A later date shows fewer; a bad one is a 400 that says what to write.
  std::string later = get("/changes?authority=dudley&since=2020-01-01", "text/html");
  size_t later_items = 0;
  for (size_t at = later.find("<li><time"); at != std::string::npos; at = later.find("<li><time", at + 1)) ++later_items;
  EXPECT_LT(later_items, items);
  EXPECT_NE(get("/changes?since=2020-13-45", "text/html", 400).find("YYYY-MM-DD"), std::string::npos);
  get("/changes?since=2020-01-01&region=west-midlands", "text/html");
}

TEST_F(CorpusFeeds, EveryPageLinksItsFeed) {
  const std::string national = "<link rel=\"alternate\" type=\"application/atom+xml\"";
  for (const char* path : {"/", "/national", "/search", "/changes"})
    EXPECT_NE(get(path, "text/html").find(national), std::string::npos) << path;
  std::string authority = get("/authority/dudley", "text/html");
  EXPECT_NE(authority.find("href=\"/feeds/authority/dudley.atom\">"), std::string::npos);
}

}  // namespace
}  // namespace cscwatch
