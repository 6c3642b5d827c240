// `cscwatch update` against a stand-in for Ofsted's site on a loopback port:
// a new report is fetched, ingested and logged once; a run with nothing new
// changes nothing; a 500, a timeout, a truncated PDF and a page whose layout
// changed are each reported with their cause and leave nothing behind; the
// next run after the site recovers takes up what the failed one missed; and
// two runs never overlap.
#include "update/register_update.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "fetch_support.h"
#include "reader/reference_tables.h"
#include "store/change_log.h"
#include "update/update_lock.h"

namespace cscwatch {
namespace {

namespace fs = std::filesystem;
using testing::slurp;

int64_t count(const Connection& db, const std::string& sql) {
  auto q = db.prepare(sql);
  q.step();
  return q.integer(0);
}

bool any_failure_has(const UpdateSummary& s, const std::string& what, const std::string& why) {
  for (const auto& f : s.failures)
    if (f.find(what) != std::string::npos && f.find(why) != std::string::npos) return true;
  return false;
}

std::string failures_of(const UpdateSummary& s) {
  std::string out;
  for (const auto& f : s.failures) out += f + "\n";
  return out;
}

// Dudley (80464) publishes its 2016 report, then its 2018 one. Dorset
// (2532283) serves a PDF cut in half until `healthy`; Barking and Dagenham
// (80486) answers 500; Barnet (80487) takes longer than the timeout; Bexley
// (80488) is a page with no links to files, as after a redesign.
class UpdateFromSite : public testing::OfstedSiteTest {
 protected:
  UpdateFromSite() : OfstedSiteTest("cscwatch-update") {}
  void configure() override {
    fs::create_directories(dir_);
    const std::string base = site_.base_url();
    options_.register_path = (dir_ / "register.db").string();
    options_.fetch.data_dir = (dir_ / "data").string();
    options_.fetch.site = base;
    options_.fetch.reference_url = base + "/authorities.csv";
    options_.fetch.authorities = {"80464"};
    options_.fetch.limits.total_timeout_seconds = 1;
    options_.fetch.limits.connect_timeout_seconds = 1;
    options_.threads = 1;
  }

  void serve() override {
    dudley_2016_ = slurp(testing::corpus_pdf("80464-dudley_2016-04-05.pdf"));
    dudley_2018_ = slurp(testing::corpus_pdf("80464-dudley_2018-12-10.pdf"));
    dorset_ = slurp(testing::corpus_pdf("2532283-dorset_2021-11-19.pdf"));
    httplib::Server& server = site_.server();
    auto page = [](std::vector<std::pair<std::string, std::string>> links) {
      std::string html = "<html><body><h1>Children's services</h1><ul>";
      for (const auto& [href, title] : links) html += "<li><a href=\"" + href + "\">" + title + "</a></li>";
      return html + "</ul></body></html>";
    };
    server.Get("/provider/44/80464", [this, page](const httplib::Request&, httplib::Response& res) {
      std::vector<std::pair<std::string, std::string>> links = {
          {"/v1/file/2016", "Children's services inspection - 5 April 2016"}};
      if (dudley_published_2018_)
        links.push_back({"/v1/file/2018", "Children's services inspection - 10 December 2018"});
      res.set_content(page(links), "text/html");
    });
    server.Get("/v1/file/2016", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(dudley_2016_, "application/pdf");
    });
    server.Get("/v1/file/2018", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(dudley_2018_, "application/pdf");
    });
    server.Get("/provider/44/2532283", [page](const httplib::Request&, httplib::Response& res) {
      res.set_content(page({{"/v1/file/dorset", "Children's services inspection - 19 November 2021"}}), "text/html");
    });
    server.Get("/v1/file/dorset", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(healthy_ ? dorset_ : dorset_.substr(0, dorset_.size() / 2), "application/pdf");
    });
    server.Get("/provider/44/80486", [](const httplib::Request&, httplib::Response& res) {
      res.status = 500;
      res.set_content("<html>Internal Server Error</html>", "text/html");
    });
    server.Get("/provider/44/80487", [](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // past the 1 s limit
      res.set_content("<html>too late</html>", "text/html");
    });
    server.Get("/provider/44/80488", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html><body><div id=\"app\" data-reports=\"loaded-by-script\"></div></body></html>",
                      "text/html");
    });
  }

  Result<UpdateSummary> update() {
    return run_update(options_, [this]() -> Result<Register> {
      auto reg = Register::open(options_.register_path);
      if (!reg) return reg;
      auto authorities = load_authorities(options_.fetch.data_dir + "/reference/authorities.csv");
      if (!authorities) return Error{authorities.error()};
      if (auto loaded = reg->load_authorities(*authorities); !loaded) return Error{loaded.error()};
      return reg;
    });
  }

  Connection db() { return std::move(*Connection::open(options_.register_path, /*read_only=*/true)); }

  std::string dudley_2016_, dudley_2018_, dorset_;
  std::atomic<bool> dudley_published_2018_{false}, healthy_{false};
  UpdateOptions options_;
};

TEST_F(UpdateFromSite, NewReportsAreIngestedAndLoggedOnce) {
  auto first = update();
  ASSERT_TRUE(first) << first.error();
  EXPECT_TRUE(first->ok()) << failures_of(*first);
  EXPECT_EQ(first->ingested, 1);
  {
    auto c = db();
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM documents"), 1);
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM change_log WHERE kind = 'new_report' AND authority_urn = '80464'"), 1);
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM change_log WHERE kind = 'grade' AND occurred = '2016-04-05'"), 1);
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM update_runs WHERE outcome = 'complete'"), 1);
  }
  EXPECT_EQ(first->changes, static_cast<int>(first->change_summaries.size()));

  // Nothing new on the site: nothing new in the register.
  auto again = update();
  ASSERT_TRUE(again) << again.error();
  EXPECT_TRUE(again->ok()) << failures_of(*again);
  EXPECT_EQ(again->ingested, 0);
  EXPECT_EQ(again->unchanged, 1);
  EXPECT_EQ(again->changes, 0);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM documents"), 1);

  // Ofsted publishes the 2018 report: requires improvement after inadequate.
  dudley_published_2018_ = true;
  auto later = update();
  ASSERT_TRUE(later) << later.error();
  EXPECT_TRUE(later->ok()) << failures_of(*later);
  EXPECT_EQ(later->ingested, 1);
  {
    auto c = db();
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM documents"), 2);
    ChangeFilter grade_changes;
    grade_changes.authority_urn = "80464";
    grade_changes.kinds = {kChangeGradeChange};
    auto changes = query_changes(c, grade_changes);
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_NE(changes[0].summary.find("Requires improvement"), std::string::npos) << changes[0].summary;
    EXPECT_NE(changes[0].summary.find("was Inadequate"), std::string::npos) << changes[0].summary;
    EXPECT_EQ(changes[0].link.rfind("/report/", 0), 0u);
  }
  auto last = update();
  ASSERT_TRUE(last) << last.error();
  EXPECT_EQ(last->changes, 0);
  EXPECT_EQ(last->ingested, 0);
}

TEST_F(UpdateFromSite, EachFailureNamesItsCauseAndLeavesNothingHalfWritten) {
  options_.fetch.authorities = {"80464", "2532283", "80486", "80487", "80488"};
  auto run = update();
  ASSERT_TRUE(run) << run.error();
  EXPECT_FALSE(run->ok());
  std::string all = failures_of(*run);
  EXPECT_TRUE(any_failure_has(*run, "/provider/44/80486", "HTTP status 500")) << all;
  EXPECT_TRUE(any_failure_has(*run, "/provider/44/80487", "Timeout")) << all;
  EXPECT_TRUE(any_failure_has(*run, "2532283-dorset_2021-11-19.pdf", "truncated PDF")) << all;
  EXPECT_TRUE(any_failure_has(*run, "/provider/44/80488", "layout may have changed")) << all;
  EXPECT_EQ(run->failures.size(), 4u) << all;
  // The good authority is still brought up to date.
  EXPECT_EQ(run->ingested, 1);
  fs::path corpus = fs::path(options_.fetch.data_dir) / "corpus" / "pdf";
  EXPECT_FALSE(fs::exists(corpus / "2532283-dorset_2021-11-19.pdf"));
  for (const auto& f : fs::directory_iterator(corpus)) EXPECT_NE(f.path().extension(), ".part") << f.path();
  {
    auto c = db();
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM change_log WHERE authority_urn <> '80464'"), 0);
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM update_runs WHERE outcome = 'failed' AND failures LIKE '%truncated PDF%'"),
              1);
  }

  // The site recovers: the next run takes up what this one could not.
  healthy_ = true;
  options_.fetch.authorities = {"80464", "2532283"};
  auto resumed = update();
  ASSERT_TRUE(resumed) << resumed.error();
  EXPECT_TRUE(resumed->ok()) << failures_of(*resumed);
  EXPECT_EQ(resumed->ingested, 1);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM change_log WHERE kind = 'new_report' AND authority_urn = '2532283'"), 1);
}

TEST_F(UpdateFromSite, FetchedButNotIngestedIsTakenUpByTheNextRun) {
  // A run that died after fetching: the files are in the data folder, the
  // register has never seen them.
  FetchSummary fetched = fetch_reports(options_.fetch);
  ASSERT_EQ(fetched.failed, 0);
  ASSERT_EQ(fetched.saved.size(), 1u);
  auto run = update();
  ASSERT_TRUE(run) << run.error();
  EXPECT_EQ(run->downloaded, 1);  // only the reference table: the report was there
  EXPECT_EQ(run->ingested, 1);
  EXPECT_GE(run->changes, 2);  // the report and its grade
}

TEST_F(UpdateFromSite, TwoRunsNeverOverlap) {
  auto held = UpdateLock::acquire(UpdateLock::path_for(options_.register_path));
  ASSERT_TRUE(held) << held.error();
  auto blocked = update();
  ASSERT_FALSE(blocked);
  EXPECT_NE(blocked.error().find("another cscwatch update is running"), std::string::npos) << blocked.error();
  EXPECT_FALSE(fs::exists(options_.register_path));  // it stopped before touching anything
  held = Error{"released"};
  auto after = update();
  ASSERT_TRUE(after) << after.error();
  EXPECT_TRUE(after->ok()) << failures_of(*after);
}

}  // namespace
}  // namespace cscwatch
