// The review queue and corrections end to end, through the cscwatch binary:
// a document that falls short of its completeness rules is stored with a
// review flag (never a silent blank), listed by `cscwatch review` and in the
// export's review column; `cscwatch correct` records the right value apart
// from the extraction, clears that flag, shows in the corrected column, and
// survives re-parsing by a newer parser version; a later extraction that
// disagrees with a correction is flagged. Also the April 2026 framework: a
// hand-made report with four judgements and no overall grade.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_support.h"

namespace cscwatch::testing {
namespace {

void exec_sql(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(h);
}

// The export's row for `file`, as a column -> value map.
std::map<std::string, std::string> export_row(const std::string& db, const std::string& file) {
  RunResult r = run_cscwatch({"export", "--db", db, "--data-dir", kDataDir, "--format", "csv"});
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::string> header;
  std::map<std::string, std::string> row;
  size_t start = 0;
  bool first = true;
  while (start < r.out.size()) {
    size_t end = r.out.find("\r\n", start);
    if (end == std::string::npos) end = r.out.size();
    const std::string line = r.out.substr(start, end - start);
    start = end + 2;
    // Fields without quotes in these rows except the review text, which comes last.
    std::vector<std::string> cells;
    size_t from = 0;
    while (from <= line.size()) {
      if (from < line.size() && line[from] == '"') {
        size_t close = from + 1;
        std::string cell;
        while (close < line.size()) {
          if (line[close] == '"' && close + 1 < line.size() && line[close + 1] == '"') {
            cell += '"';
            close += 2;
          } else if (line[close] == '"') {
            break;
          } else {
            cell += line[close++];
          }
        }
        cells.push_back(cell);
        from = close + 2;
      } else {
        size_t comma = line.find(',', from);
        if (comma == std::string::npos) comma = line.size();
        cells.push_back(line.substr(from, comma - from));
        from = comma + 1;
      }
    }
    if (first) {
      header = cells;
      first = false;
      continue;
    }
    if (cells.size() > 4 && cells[4] == file)
      for (size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
  }
  return row;
}

// An ILACS report of the April 2026 framework as Ofsted prints it (BCP 2025's
// layout without the overall effectiveness row), for Dudley.
std::vector<std::string> ilacs_2026_report(bool with_help_protection_row) {
  std::vector<std::string> lines = {
      "Inspection of Dudley local authority children's services",
      "Inspection dates: 4 to 15 May 2026",
      "Lead inspector: Jane Example, His Majesty's Inspector",
      "",
      "Judgement\tGrade",
      "The impact of leaders on social work",
      "practice with children and families\tGood",
  };
  if (with_help_protection_row) {
    lines.push_back("The experiences and progress of");
    lines.push_back("children who need help and protection\tGood");
  }
  for (const char* l : {"The experiences and progress of", "children in care\tRequires improvement to be good",
                        "The experiences and progress of care", "leavers\tGood", "",
                        "Leaders in Dudley have strengthened practice since the last inspection and know their",
                        "services well. Children are helped and protected in a timely way.", "",
                        "What needs to improve?", "- The stability of homes for children in care.",
                        "- The timeliness of pathway plans for care leavers.", "",
                        "The experiences and progress of children who need help and", "protection: good",
                        "1. Children in Dudley receive help when they need it."})
    lines.push_back(l);
  return lines;
}

class ReviewAndCorrections : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!corpus_available()) GTEST_SKIP() << "corpus not found under " << kDataDir;
    copy_corpus_reports(dir_, {"80464-dudley_2016-04-05.pdf", "80464-dudley_2018-12-10.pdf"});
    // The help and protection row left out: a report short of a judgement.
    write_file(dir_.file("in/80464-dudley_2026-07-01.pdf"), make_text_pdf(ilacs_2026_report(false)));
    db_ = dir_.file("register.db");
    ingest_ = run_cscwatch({"ingest", "--db", db_, "--data-dir", kDataDir, "-q", dir_.file("in")});
  }
  RunResult cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db_, "--data-dir", kDataDir});
    return run_cscwatch(args);
  }
  TempDir dir_;
  std::string db_;
  RunResult ingest_;
};

TEST_F(ReviewAndCorrections, ADocumentShortOfItsRulesIsStoredFlaggedNotBlank) {
  EXPECT_EQ(ingest_.status, 0) << ingest_.err;
  EXPECT_NE(ingest_.out.find("3 ingested, of which 1 need review"), std::string::npos) << ingest_.out;
  EXPECT_NE(ingest_.err.find("REVIEW"), std::string::npos) << ingest_.err;

  RunResult review = cli({"review"});
  EXPECT_EQ(review.status, 0) << review.err;
  EXPECT_NE(review.out.find("80464-dudley_2026-07-01.pdf"), std::string::npos) << review.out;
  EXPECT_NE(review.out.find("help_protection"), std::string::npos) << review.out;
  EXPECT_EQ(review.out.find("80464-dudley_2016-04-05.pdf"), std::string::npos) << review.out;

  auto row = export_row(db_, "80464-dudley_2026-07-01.pdf");
  EXPECT_EQ(row["help_protection"], "");
  EXPECT_NE(row["review"].find("help_protection: "), std::string::npos) << row["review"];
  EXPECT_EQ(row["overall"], "");  // absent by framework, and not flagged as missing
  EXPECT_EQ(row["review"].find("overall"), std::string::npos) << row["review"];
  EXPECT_EQ(export_row(db_, "80464-dudley_2016-04-05.pdf")["review"], "");
}

TEST_F(ReviewAndCorrections, ACorrectionClearsItsFlagAndSurvivesAReparse) {
  RunResult bad = cli({"correct", "80464-dudley_2026-07-01.pdf", "help_protection", "splendid"});
  EXPECT_NE(bad.status, 0);
  EXPECT_NE(bad.err.find("requires_improvement"), std::string::npos) << bad.err;
  RunResult unknown = cli({"correct", "80464-dudley_2026-07-01.pdf", "colour", "good"});
  EXPECT_NE(unknown.status, 0);

  RunResult ok = cli({"correct", "80464-dudley_2026-07-01.pdf", "help_protection", "good", "--page", "1", "--note",
                      "row printed on page 1, missed by the reader", "--by", "A Reviewer"});
  ASSERT_EQ(ok.status, 0) << ok.err;
  auto row = export_row(db_, "80464-dudley_2026-07-01.pdf");
  EXPECT_EQ(row["help_protection"], "good");
  EXPECT_EQ(row["corrected"], "help_protection");
  EXPECT_EQ(row["review"], "");
  EXPECT_NE(cli({"review"}).out.find("No document needs review"), std::string::npos);
  RunResult show = cli({"show", "80464-dudley_2026-07-01.pdf"});
  EXPECT_NE(show.out.find("A Reviewer"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("missed by the reader"), std::string::npos) << show.out;

  // A newer parser version re-parses every document; the correction stays,
  // and so does the document's id (its address).
  RunResult before = cli({"show", "80464-dudley_2026-07-01.pdf"});
  exec_sql(db_, "UPDATE documents SET parser_version = parser_version - 1");
  RunResult again = run_cscwatch({"ingest", "--db", db_, "--data-dir", kDataDir, "-q", dir_.file("in")});
  EXPECT_NE(again.out.find("3 ingested, of which 1 need review"), std::string::npos) << again.out;
  row = export_row(db_, "80464-dudley_2026-07-01.pdf");
  EXPECT_EQ(row["help_protection"], "good");
  EXPECT_EQ(row["corrected"], "help_protection");
  EXPECT_EQ(row["review"], "");
  EXPECT_EQ(cli({"show", "80464-dudley_2026-07-01.pdf"}).out.substr(0, 200), before.out.substr(0, 200));

  // Correcting an extracted value: shown corrected, the extraction kept apart.
  ASSERT_EQ(cli({"correct", "80464-dudley_2016-04-05.pdf", "lead_inspector", "Peter McEntee HMI"}).status, 0);
  EXPECT_EQ(export_row(db_, "80464-dudley_2016-04-05.pdf")["lead_inspector"], "Peter McEntee HMI");
  // A later extraction that disagrees with both the correction and what was
  // corrected is flagged, neither value overwriting the other.
  exec_sql(db_, "UPDATE corrections SET extracted = 'Someone Else' WHERE field = 'lead_inspector'");
  row = export_row(db_, "80464-dudley_2016-04-05.pdf");
  EXPECT_EQ(row["lead_inspector"], "Peter McEntee HMI");
  EXPECT_NE(row["review"].find("lead_inspector: the extractor now reads 'Peter McEntee'"), std::string::npos)
      << row["review"];
}

TEST_F(ReviewAndCorrections, TheApril2026FrameworkHasFourJudgementsAndNoOverallGrade) {
  TempDir other;
  write_file(other.file("80464-dudley_2026-07-01.pdf"), make_text_pdf(ilacs_2026_report(true)));
  const std::string db = other.file("register.db");
  RunResult r = run_cscwatch({"ingest", "--db", db, "--data-dir", kDataDir, "-q", other.path().string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("1 ingested, of which 0 need review"), std::string::npos) << r.out << r.err;
  auto row = export_row(db, "80464-dudley_2026-07-01.pdf");
  EXPECT_EQ(row["framework"], "ILACS");
  EXPECT_EQ(row["inspection_start"], "2026-05-04");
  EXPECT_EQ(row["inspection_end"], "2026-05-15");
  EXPECT_EQ(row["inspection_type"], "standard");
  EXPECT_EQ(row["lead_inspector"], "Jane Example");
  EXPECT_EQ(row["overall"], "");
  EXPECT_EQ(row["leadership"], "good");
  EXPECT_EQ(row["help_protection"], "good");
  EXPECT_EQ(row["in_care"], "requires_improvement");
  EXPECT_EQ(row["care_leavers"], "good");
  EXPECT_EQ(row["review"], "");
  RunResult history = run_cscwatch({"history", "dudley", "--db", db, "--data-dir", kDataDir});
  EXPECT_NE(history.out.find("no overall grade (2026 framework)"), std::string::npos) << history.out;
  RunResult forecast = run_cscwatch({"forecast", "--db", db, "--data-dir", kDataDir, "--as-of", "2027-01-01"});
  // Leaders good and two of three practice judgements good: the usual window.
  EXPECT_NE(forecast.out.find("2028-11-15"), std::string::npos) << forecast.out;
  EXPECT_NE(forecast.out.find("2026 framework"), std::string::npos) << forecast.out;
}

}  // namespace
}  // namespace cscwatch::testing
