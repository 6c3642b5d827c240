// A kill -9 in the middle of an ingest leaves the register consistent, and the
// next ingest completes the batch.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli/cli_support.h"
#include "common/corpus_counts.h"

namespace cscwatch::testing {
namespace {

int64_t scalar(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) return -1;
  int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
  sqlite3_finalize(s);
  return n;
}

std::string text(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
  std::string out;
  if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  return out;
}

// Every stored document is whole: its inspection, all its pages, their
// full-text rows.
void expect_consistent(const std::string& path) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  EXPECT_EQ(text(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                       "(SELECT 1 FROM inspections i WHERE i.document_id = d.id)"), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM documents d WHERE page_count <> "
                       "(SELECT COUNT(*) FROM pages p WHERE p.document_id = d.id)"), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM pages p WHERE NOT EXISTS "
                       "(SELECT 1 FROM documents d WHERE d.id = p.document_id)"), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM document_files"), scalar(db, "SELECT COUNT(*) FROM documents"));
  // The full-text index agrees with its content table.
  EXPECT_EQ(sqlite3_exec(db, "INSERT INTO page_fts(page_fts, rank) VALUES ('integrity-check', 1)", nullptr,
                         nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

TEST(Recovery, KillNineMidIngestThenResume) {
  if (!corpus_available()) GTEST_SKIP() << "corpus absent at " << kDataDir;
  TempDir tmp;
  std::string db = tmp.file("register.db");
  std::string corpus = kDataDir + "/corpus/pdf";

  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(kBinary.c_str(), kBinary.c_str(), "ingest", "--quiet", "--db", db.c_str(), "--data-dir",
            kDataDir.c_str(), corpus.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Kill it once some documents have been committed, well before the end.
  int64_t seen = 0;
  for (int i = 0; i < 400 && seen < 30; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_busy_timeout(h, 100);
      seen = scalar(h, "SELECT COUNT(*) FROM documents");
    }
    sqlite3_close(h);
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed";
  ASSERT_GT(seen, 0);
  expect_consistent(db);

  RunResult resumed = run_cscwatch({"ingest", "--quiet", "--db", db, "--data-dir", kDataDir, corpus});
  EXPECT_EQ(resumed.status, 1) << "the four HTML error pages still fail";
  const CorpusCounts counts = corpus_counts(kDataDir);
  EXPECT_NE(resumed.out.find(std::to_string(counts.not_reports.size()) + " failed"), std::string::npos) << resumed.out;
  expect_consistent(db);
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  EXPECT_EQ(scalar(h, "SELECT COUNT(*) FROM documents"), counts.reports);
  sqlite3_close(h);
}

}  // namespace
}  // namespace cscwatch::testing
