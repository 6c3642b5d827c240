// What a clumsy operator does to a register, and what cscwatch says:
// two ingests started together, another application's SQLite file given as
// the register, a register made by a newer cscwatch.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <future>
#include <string>

#include "cli/cli_support.h"

namespace cscwatch::testing {
namespace {

std::string sqlite_query(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr);
  std::string out;
  while (sqlite3_step(s) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(s, 0);
    out += (out.empty() ? "" : ",") + std::string(t ? reinterpret_cast<const char*>(t) : "");
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

class OperatorFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!corpus_available()) GTEST_SKIP() << "corpus not found under " << kDataDir;
    copy_corpus_reports(dir_, {"80464-dudley_2016-04-05.pdf"});
  }
  TempDir dir_;
};

TEST_F(OperatorFaults, TwoIngestsStartedTogetherBothSucceed) {
  for (int round = 0; round < 5; ++round) {
    const std::string db = dir_.file("together-" + std::to_string(round) + ".db");
    auto ingest = [&] { return run_cscwatch({"ingest", "--db", db, "--data-dir", kDataDir, "-q", dir_.file("in")}); };
    auto a = std::async(std::launch::async, ingest);
    auto b = std::async(std::launch::async, ingest);
    RunResult ra = a.get(), rb = b.get();
    EXPECT_EQ(ra.status, 0) << ra.err;
    EXPECT_EQ(rb.status, 0) << rb.err;
    EXPECT_EQ(sqlite_query(db, "SELECT COUNT(*) FROM documents"), "1");
  }
}

TEST_F(OperatorFaults, AnotherApplicationsDatabaseIsRefusedAndLeftUnchanged) {
  const std::string db = dir_.file("other.db");
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  sqlite3_exec(h, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers(name) VALUES('x')",
               nullptr, nullptr, nullptr);
  sqlite3_close(h);
  const auto size_before = std::filesystem::file_size(db);
  RunResult r = run_cscwatch({"ingest", "--db", db, "--data-dir", kDataDir, "-q", dir_.file("in")});
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("not a cscwatch register"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("customers"), std::string::npos) << r.err;
  EXPECT_EQ(sqlite_query(db, "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"), "customers");
  EXPECT_EQ(sqlite_query(db, "PRAGMA journal_mode"), "delete");
  EXPECT_EQ(std::filesystem::file_size(db), size_before);
  EXPECT_FALSE(std::filesystem::exists(db + "-wal"));
}

TEST_F(OperatorFaults, ARegisterFromANewerCscwatchSaysSo) {
  const std::string db = dir_.file("newer.db");
  ASSERT_EQ(run_cscwatch({"ingest", "--db", db, "--data-dir", kDataDir, "-q", dir_.file("in")}).status, 0);
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  sqlite3_exec(h, "INSERT INTO schema_migrations(version, applied_at) VALUES (999, 'later')", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  for (const char* command : {"summary", "export", "review"}) {
    RunResult r = run_cscwatch({command, "--db", db, "--data-dir", kDataDir});
    EXPECT_NE(r.status, 0) << command;
    EXPECT_NE(r.err.find("made by a newer cscwatch"), std::string::npos) << command << ": " << r.err;
    EXPECT_EQ(r.err.find("run 'cscwatch ingest' first"), std::string::npos) << command << ": " << r.err;
  }
  RunResult ingest = run_cscwatch({"ingest", "--db", db, "--data-dir", kDataDir, "-q", dir_.file("in")});
  EXPECT_NE(ingest.err.find("newer cscwatch"), std::string::npos) << ingest.err;
}

}  // namespace
}  // namespace cscwatch::testing
