// `cscwatch export --format xlsx` over the real corpus: LibreOffice (headless)
// opens the workbook and converts each sheet to CSV, and every cell matches
// the CSV export - "Full history" the whole export, "Latest grades" the export
// with --latest - once grades in words are read back as machine names. Dates
// are real dates (shown yyyy-mm-dd). Skipped, saying so, without LibreOffice.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "cli/cli_support.h"
#include "reader/csv.h"

namespace cscwatch::testing {
namespace {

namespace fs = std::filesystem;

std::string machine_grade(const std::string& words) {
  static const std::map<std::string, std::string> kGrades = {{"Outstanding", "outstanding"},
                                                            {"Good", "good"},
                                                            {"Requires improvement", "requires_improvement"},
                                                            {"Adequate", "adequate"},
                                                            {"Inadequate", "inadequate"}};
  auto it = kGrades.find(words);
  return it == kGrades.end() ? words : it->second;
}

bool libreoffice_available() { return run_shell("command -v libreoffice >/dev/null 2>&1") == 0; }

// The sheet's CSV as LibreOffice writes it: every sheet to its own file
// (filter option 12 = -1), UTF-8, cells as shown.
std::vector<CsvRow> sheet_as_csv(const TempDir& dir, const std::string& xlsx, const std::string& sheet) {
  const std::string out = dir.file("lo");
  fs::create_directories(out);
  if (!fs::exists(out + "/book-Full history.csv")) {
    const std::string cmd = "cd '" + dir.path().string() + "' && HOME='" + dir.path().string() +
                            "' libreoffice --headless --norestore --convert-to "
                            "'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' --outdir '" +
                            out + "' '" + xlsx + "' >lo.log 2>&1";
    EXPECT_EQ(run_shell(cmd), 0) << read_file(dir.file("lo.log"));
  }
  std::string text;
  EXPECT_TRUE(read_text_file(out + "/book-" + sheet + ".csv", text)) << "no CSV of sheet " << sheet << ": "
                                                                      << read_file(dir.file("lo.log"));
  return parse_delimited(text);
}

void expect_same(const std::vector<CsvRow>& sheet, const std::vector<CsvRow>& exported, const std::string& what) {
  ASSERT_EQ(sheet.size(), exported.size()) << what << ": rows";
  ASSERT_FALSE(exported.empty());
  const CsvRow& header = exported.front();
  EXPECT_EQ(sheet.front(), header) << what << ": header";
  for (size_t r = 1; r < exported.size(); ++r) {
    ASSERT_EQ(sheet[r].size(), header.size()) << what << " row " << r;
    for (size_t c = 0; c < header.size(); ++c) {
      std::string expected = exported[r][c];
      // The CSV guards a leading formula character with a quote; a workbook cell is text already.
      if (!expected.empty() && expected[0] == '\'') expected.erase(0, 1);
      EXPECT_EQ(machine_grade(sheet[r][c]), expected) << what << " row " << r << " column " << header[c];
    }
  }
}

TEST(XlsxExport, OpensInLibreOfficeAndMatchesTheCsvExport) {
  if (!corpus_available()) GTEST_SKIP() << "corpus absent at " << kDataDir;
  if (!libreoffice_available())
    GTEST_SKIP() << "libreoffice is not installed (apt-get install --no-install-recommends libreoffice-calc-nogui)";
  const auto& corpus = corpus_register();
  TempDir dir;
  const std::string xlsx = dir.file("book.xlsx");
  RunResult r = run_cscwatch({"export", "--db", corpus.db, "--format", "xlsx", "--out", xlsx});
  ASSERT_EQ(r.status, 0) << r.err;
  RunResult all = run_cscwatch({"export", "--db", corpus.db, "--format", "csv"});
  RunResult latest = run_cscwatch({"export", "--db", corpus.db, "--format", "csv", "--latest"});
  ASSERT_EQ(all.status, 0);
  ASSERT_EQ(latest.status, 0);
  expect_same(sheet_as_csv(dir, xlsx, "Full history"), parse_delimited(all.out), "Full history");
  expect_same(sheet_as_csv(dir, xlsx, "Latest grades"), parse_delimited(latest.out), "Latest grades");
}

TEST(XlsxExport, DatesAreDatesAndTheHeaderIsFrozenWithAFilter) {
  if (!corpus_available()) GTEST_SKIP() << "corpus absent at " << kDataDir;
  TempDir dir;
  const std::string xlsx = dir.file("book.xlsx");
  ASSERT_EQ(run_cscwatch({"export", "--db", corpus_register().db, "--format", "xlsx", "--out", xlsx}).status, 0);
  // The sheet XML, read out of the zip with unzip (skipped without it).
  if (run_shell("command -v unzip >/dev/null 2>&1") != 0) GTEST_SKIP() << "unzip not installed";
  ASSERT_EQ(run_shell("cd '" + dir.path().string() + "' && unzip -q -o book.xlsx -d x"), 0);
  const std::string sheet = read_file(dir.file("x/xl/worksheets/sheet2.xml"));
  EXPECT_NE(sheet.find("<pane ySplit=\"1\""), std::string::npos) << "frozen header row";
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:"), std::string::npos) << "autofilter";
  const std::string styles = read_file(dir.file("x/xl/styles.xml"));
  EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd\""), std::string::npos) << "a date number format";
  const std::string workbook = read_file(dir.file("x/xl/workbook.xml"));
  EXPECT_NE(workbook.find("name=\"Latest grades\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Full history\""), std::string::npos);
}

TEST(XlsxExport, NeedsAnOutputFile) {
  TempDir dir;
  RunResult r = run_cscwatch({"export", "--db", dir.file("none.db"), "--format", "xlsx"});
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("--out"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cscwatch::testing
