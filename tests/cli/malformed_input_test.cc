// Bad input never crashes the batch and never leaves part of a document in the
// register: each file gets a specific message naming it and the problem.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include "cli/cli_support.h"

namespace cscwatch::testing {
namespace {

const std::string kGoodReport = "80464-dudley_2016-04-05.pdf";

int64_t count(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr);
  int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
  sqlite3_finalize(s);
  sqlite3_close(h);
  return n;
}

// The message line the ingest printed for one file.
std::string message_for(const std::string& err, const std::string& file) {
  auto at = err.find(file + ":");
  if (at == std::string::npos) return "";
  return err.substr(at, err.find('\n', at) - at);
}

class MalformedInput : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!corpus_available()) GTEST_SKIP() << "corpus absent at " << kDataDir << " (set -DCSCWATCH_DATA_DIR)";
    good_ = kDataDir + "/corpus/pdf/" + kGoodReport;
    batch_ = tmp_.path() / "batch";
    std::filesystem::create_directories(batch_);
    db_ = tmp_.file("register.db");
  }
  std::string in_batch(const std::string& name) const { return (batch_ / name).string(); }
  RunResult ingest() {
    return run_cscwatch({"ingest", "--quiet", "--db", db_, "--data-dir", kDataDir, batch_.string()});
  }

  TempDir tmp_;
  std::filesystem::path batch_;
  std::string good_, db_;
};

TEST_F(MalformedInput, EachBadFileGetsItsOwnMessageAndTheBatchGoesOn) {
  std::string report = read_file(good_);
  ASSERT_GT(report.size(), 10000u);
  write_file(in_batch("a-empty.pdf"), "");
  write_file(in_batch("b-text.pdf"), "This is a note, not a report.\n");
  write_file(in_batch("c-html.pdf"), "<!DOCTYPE html><html><head><title>Report not found</title></head></html>");
  write_file(in_batch("d-truncated.pdf"), report.substr(0, report.size() / 2));
  ASSERT_EQ(run_shell("qpdf --encrypt secret owner 256 -- '" + good_ + "' '" + in_batch("e-encrypted.pdf") + "'"), 0);
  // Pages from the middle of a report: a real PDF, but not an inspection report.
  ASSERT_EQ(run_shell("qpdf --empty --pages '" + good_ + "' 5-6 -- '" + in_batch("f-not-a-report.pdf") + "'"), 0);
  write_file(in_batch("g-unknown-authority.pdf"),
             make_text_pdf({"Inspection of Atlantis local authority children's services",
                            "Inspection dates: 6 to 17 December 2021",
                            "Lead inspector: Ann Example, His Majesty's Inspector", "Judgement", "Grade",
                            "The impact of leaders on social work", "practice with children and families", "Good",
                            "The experiences and progress of", "children who need help and protection", "Good",
                            "The experiences and progress of", "children in care and care leavers", "Good",
                            "Overall effectiveness", "Good"}));
  std::filesystem::copy_file(good_, in_batch("h-good.pdf"));

  RunResult r = ingest();
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(message_for(r.err, "a-empty.pdf").find("empty file"), std::string::npos) << r.err;
  EXPECT_NE(message_for(r.err, "b-text.pdf").find("not a PDF"), std::string::npos) << r.err;
  EXPECT_NE(message_for(r.err, "c-html.pdf").find("HTML page"), std::string::npos) << r.err;
  EXPECT_NE(message_for(r.err, "d-truncated.pdf").find("truncated"), std::string::npos) << r.err;
  EXPECT_NE(message_for(r.err, "e-encrypted.pdf").find("encrypted"), std::string::npos) << r.err;
  EXPECT_NE(message_for(r.err, "f-not-a-report.pdf").find("unsupported document"), std::string::npos) << r.err;
  EXPECT_NE(message_for(r.err, "g-unknown-authority.pdf").find("not in the reference list"), std::string::npos)
      << r.err;
  EXPECT_EQ(message_for(r.err, "h-good.pdf"), "");
  EXPECT_NE(r.out.find("1 ingested, of which 0 need review; 0 unchanged; 7 failed"), std::string::npos) << r.out;

  // Only the good report is in the register, whole.
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM documents"), 1);
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM inspections"), 1);
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM pages"), count(db_, "SELECT page_count FROM documents"));
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM documents WHERE file_name <> 'h-good.pdf'"), 0);
}

TEST_F(MalformedInput, MissingPathIsReportedAndOthersIngest) {
  std::filesystem::copy_file(good_, in_batch("good.pdf"));
  RunResult r = run_cscwatch({"ingest", "--quiet", "--db", db_, "--data-dir", kDataDir, batch_.string(),
                              tmp_.file("no-such-folder")});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no-such-folder: no such file or folder"), std::string::npos) << r.err;
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM documents"), 1);
}

TEST_F(MalformedInput, AbsentReferenceDataSaysWhatToDo) {
  RunResult r = run_cscwatch({"ingest", "--db", db_, "--data-dir", tmp_.file("nowhere"), good_});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("reference data not found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--data-dir"), std::string::npos) << r.err;
}

TEST_F(MalformedInput, ReingestingIsIdempotentAndANewerParserReparses) {
  std::filesystem::copy_file(good_, in_batch("good.pdf"));
  RunResult first = ingest();
  ASSERT_EQ(first.status, 0) << first.err;
  auto pages = count(db_, "SELECT COUNT(*) FROM pages");
  RunResult second = ingest();
  EXPECT_EQ(second.status, 0);
  EXPECT_NE(second.out.find("0 ingested, of which 0 need review; 1 unchanged; 0 failed"), std::string::npos) << second.out;
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM documents"), 1);
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM pages"), pages);
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM judgements"), 7);

  // A document stored by an older parser is read again, replacing what that
  // parser wrote.
  ASSERT_EQ(run_shell("sqlite3 '" + db_ + "' 'UPDATE documents SET parser_version = 0'"), 0);
  RunResult third = ingest();
  EXPECT_EQ(third.status, 0);
  EXPECT_NE(third.out.find("1 ingested, of which 0 need review; 0 unchanged; 0 failed"), std::string::npos) << third.out;
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM documents WHERE parser_version > 0"), 1);
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM pages"), pages);
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM judgements"), 7);
}

TEST_F(MalformedInput, SameNameInAnotherFolderIsAnotherDocument) {
  std::filesystem::create_directories(batch_ / "a");
  std::filesystem::create_directories(batch_ / "b");
  std::filesystem::copy_file(good_, in_batch("a/report.pdf"));
  std::filesystem::copy_file(kDataDir + "/corpus/pdf/2532287-bournemouth-christchurch-and-poole_2022-02-11.pdf",
                             in_batch("b/report.pdf"));
  RunResult r = ingest();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM documents"), 2);
  // The file at a/ replaced in place by other content: the old version goes.
  std::filesystem::copy_file(kDataDir + "/corpus/pdf/80464-dudley_2018-12-10.pdf", in_batch("a/report.pdf"),
                             std::filesystem::copy_options::overwrite_existing);
  r = ingest();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("1 ingested, of which 0 need review; 1 unchanged"), std::string::npos) << r.out;
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM documents"), 2);
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM inspections WHERE start_date = '2016-01-11'"), 0);
  EXPECT_EQ(count(db_, "SELECT COUNT(*) FROM inspections WHERE start_date = '2018-10-29'"), 1);
}

}  // namespace
}  // namespace cscwatch::testing
