// The real corpus, end to end: ingest every file (counted from truth.csv) with the cscwatch binary,
// export, and compare every field with the verified labels in truth.csv.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>

#include <map>
#include <memory>
#include <set>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "common/corpus_counts.h"
#include "reader/csv.h"

namespace cscwatch::testing {
namespace {

class CorpusExport : public ::testing::Test {
 protected:
  // The corpus is ingested once per build of the binary (cli_support.h).
  static void SetUpTestSuite() {
    if (!corpus_available()) return;
    const CorpusIngest& corpus = corpus_register();
    db_ = corpus.db;
    ingest_ = corpus.ingest;
  }
  void SetUp() override {
    if (!corpus_available()) GTEST_SKIP() << "corpus absent at " << kDataDir << " (set -DCSCWATCH_DATA_DIR)";
  }
  static inline std::string db_;
  static inline RunResult ingest_;
};

TEST_F(CorpusExport, IngestsAllButTheHtmlErrorPages) {
  const CorpusCounts counts = corpus_counts(kDataDir);
  ASSERT_GT(counts.reports, 0);
  ASSERT_FALSE(counts.not_reports.empty()) << "truth.csv lists the HTML error pages";
  EXPECT_EQ(ingest_.status, 1);
  const std::string summary = std::to_string(counts.files) + " files: " + std::to_string(counts.reports) +
                              " ingested, of which 0 need review; 0 unchanged; " +
                              std::to_string(counts.not_reports.size()) + " failed";
  EXPECT_NE(ingest_.out.find(summary), std::string::npos) << summary << "\n" << ingest_.out;
  for (const std::string& f : counts.not_reports) {
    auto at = ingest_.err.find(f);
    ASSERT_NE(at, std::string::npos) << f;
    EXPECT_NE(ingest_.err.substr(at, 200).find("HTML page"), std::string::npos) << ingest_.err.substr(at, 200);
  }
}

TEST_F(CorpusExport, EveryFieldMatchesTruth) {
  RunResult exported = run_cscwatch({"export", "--format", "csv", "--db", db_});
  ASSERT_EQ(exported.status, 0) << exported.err;
  auto rows = parse_delimited(exported.out);
  ASSERT_FALSE(rows.empty());
  std::map<std::string, std::map<std::string, std::string>> got;  // file -> column -> value
  for (size_t i = 1; i < rows.size(); ++i) {
    std::map<std::string, std::string> row;
    for (size_t c = 0; c < rows[0].size() && c < rows[i].size(); ++c) row[rows[0][c]] = rows[i][c];
    got[row["source_file"]] = row;
  }
  std::string truth_text;
  ASSERT_TRUE(read_text_file(kDataDir + "/corpus/truth.csv", truth_text));
  auto truth = parse_delimited(truth_text);
  std::map<std::string, int> column;
  for (size_t c = 0; c < truth[0].size(); ++c) column[truth[0][c]] = static_cast<int>(c);

  // export column <- truth column
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"framework", "framework"},         {"inspection_start", "inspection_start"},
      {"inspection_end", "inspection_end"}, {"published", "published"},
      {"lead_inspector", "lead_inspector"}, {"overall", "overall"},
      {"help_protection", "help_protection"}, {"in_care", "looked_after_or_in_care"},
      {"care_leavers", "care_leavers"},   {"adoption", "adoption"},
      {"leadership", "leadership"},       {"lscb", "lscb"}};
  std::map<std::string, std::pair<int, int>> score;  // field -> (correct, total)
  std::vector<std::string> mismatches;
  for (size_t i = 1; i < truth.size(); ++i) {
    const auto& t = truth[i];
    const std::string& file = t[column["file"]];
    bool not_a_pdf = t[column["framework"]] == "other" && t[column["la_name"]].empty();
    auto it = got.find(file);
    if (not_a_pdf) {
      EXPECT_EQ(it, got.end()) << file << " is an HTML error page and must not be in the export";
      continue;
    }
    ASSERT_NE(it, got.end()) << file << " missing from the export";
    for (const auto& [ours, theirs] : fields) {
      std::string expected = t[column[theirs]];
      std::string actual = it->second[ours];
      // "other" in truth.csv: no SIF or ILACS inspection report, whatever
      // framework the document sat in (a stand-alone LSCB review is SIF's).
      const std::string& kind = it->second["kind"];
      if (ours == "framework" && expected == "other")
        expected = kind == "sif_report" || kind == "ilacs_report" ? "other" : actual;
      if (ours == "published") {
        // Truth holds only dates printed in the report; where none is printed
        // the export carries the listing's date, marked as such.
        if (expected.empty()) {
          actual = it->second["published_source"] == "report" ? actual : "";
        } else if (it->second["published_source"] != "report") {
          actual = "(from " + it->second["published_source"] + ") " + actual;
        }
      }
      auto& [correct, total] = score[ours];
      ++total;
      if (actual == expected) ++correct;
      else mismatches.push_back(file + " " + ours + ": expected '" + expected + "', got '" + actual + "'");
    }
  }
  std::printf("\n%-18s %9s %7s\n", "field", "correct", "%");
  for (const auto& [field, _] : fields) {
    auto [correct, total] = score[field];
    std::printf("%-18s %4d/%-4d %6.1f%%\n", field.c_str(), correct, total, total ? 100.0 * correct / total : 0.0);
  }
  for (const auto& m : mismatches) std::printf("MISMATCH %s\n", m.c_str());
  EXPECT_TRUE(mismatches.empty()) << mismatches.size() << " mismatched fields";
}

TEST_F(CorpusExport, JsonHasTheSameRowsAndColumns) {
  RunResult csv = run_cscwatch({"export", "--format", "csv", "--db", db_});
  RunResult json = run_cscwatch({"export", "--format", "json", "--db", db_});
  ASSERT_EQ(json.status, 0) << json.err;
  auto rows = parse_delimited(csv.out);
  auto array = nlohmann::json::parse(json.out);
  ASSERT_EQ(array.size(), rows.size() - 1);
  std::vector<std::string> keys;
  for (auto it = array[0].begin(); it != array[0].end(); ++it) keys.push_back(it.key());
  std::vector<std::string> header = rows[0];
  std::sort(header.begin(), header.end());
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, header);
  EXPECT_EQ(rows[0].front(), "authority_urn");
  // The review column is last; the columns before it keep their order.
  ASSERT_GE(rows[0].size(), 3u);
  EXPECT_EQ(rows[0][rows[0].size() - 3], "lscb");
  EXPECT_EQ(rows[0][rows[0].size() - 2], "corrected");
  EXPECT_EQ(rows[0].back(), "review");
  // Every real report is complete: nothing flagged, nothing corrected.
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].back(), "") << rows[i][4];
    EXPECT_EQ(rows[i][rows[i].size() - 2], "") << rows[i][4];
  }
}

TEST_F(CorpusExport, LatestHasOneRowPerAuthority) {
  RunResult latest = run_cscwatch({"export", "--format", "json", "--latest", "--db", db_});
  ASSERT_EQ(latest.status, 0);
  auto array = nlohmann::json::parse(latest.out);
  std::set<std::string> urns;
  for (const auto& row : array) EXPECT_TRUE(urns.insert(row["authority_urn"].get<std::string>()).second);
  EXPECT_EQ(urns.size(), corpus_counts(kDataDir).report_urns.size()) << "one row for each authority the corpus holds a report of";
  for (const auto& row : array) {
    if (row["authority_urn"] == "80464") {
      EXPECT_EQ(row["inspection_start"], "2022-10-31");
    }
  }
}

TEST_F(CorpusExport, HistoryOfDudley) {
  RunResult r = run_cscwatch({"history", "dudley", "--db", db_});
  ASSERT_EQ(r.status, 0) << r.err;
  auto sif = r.out.find("SIF inspection (full): 2016-01-11 to 2016-02-08   published 2016-04-05");
  auto ilacs2018 = r.out.find("ILACS inspection (standard, inferred): 2018-10-29 to 2018-11-09");
  auto ilacs2022 = r.out.find("ILACS inspection (standard, inferred): 2022-10-31 to 2022-11-11");
  ASSERT_NE(sif, std::string::npos) << r.out;
  ASSERT_NE(ilacs2018, std::string::npos) << r.out;
  ASSERT_NE(ilacs2022, std::string::npos) << r.out;
  EXPECT_LT(sif, ilacs2018);
  EXPECT_LT(ilacs2018, ilacs2022);
  std::string first = r.out.substr(sif, ilacs2018 - sif);
  EXPECT_NE(first.find("Care leavers           requires_improvement"), std::string::npos) << first;
  for (const char* area : {"Overall effectiveness  inadequate", "Leadership             inadequate",
                           "Help and protection    inadequate", "Children in care       inadequate",
                           "Adoption               inadequate", "LSCB                   inadequate"})
    EXPECT_NE(first.find(area), std::string::npos) << area << "\n" << first;
  // What the 2016 judgement set in motion, from the reference table of known
  // interventions, after the inspections.
  auto interventions = r.out.find("\nInterventions:\n");
  ASSERT_NE(interventions, std::string::npos) << r.out;
  EXPECT_GT(interventions, ilacs2022);
  EXPECT_NE(r.out.find("Statutory direction (DfE): 5 April 2016", interventions), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Commissioner (DfE)", interventions), std::string::npos) << r.out;
  // Other spellings of the same authority.
  for (const char* q : {"Dudley", "332", "E08000027", "80464"}) {
    RunResult again = run_cscwatch({"history", q, "--db", db_});
    EXPECT_EQ(again.out, r.out) << q;
  }
}

TEST_F(CorpusExport, HistoryOfBournemouthChristchurchAndPoole) {
  RunResult r = run_cscwatch({"history", "Bournemouth, Christchurch and Poole", "--db", db_});
  ASSERT_EQ(r.status, 0) << r.err;
  auto first = r.out.find("2021-12-06 to 2021-12-17");
  auto later = r.out.find("2024-12-02 to 2024-12-13");
  ASSERT_NE(first, std::string::npos) << r.out;
  ASSERT_NE(later, std::string::npos) << r.out;
  EXPECT_LT(first, later);
  EXPECT_NE(r.out.substr(first, later - first).find("Overall effectiveness  inadequate"), std::string::npos);
  EXPECT_NE(r.out.find("predecessor Poole"), std::string::npos);
}

TEST_F(CorpusExport, UnknownAuthorityIsAClearError) {
  RunResult r = run_cscwatch({"history", "atlantis", "--db", db_});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no authority matches 'atlantis'"), std::string::npos) << r.err;
}

TEST_F(CorpusExport, ShowGivesEveryFactWithItsPage) {
  RunResult r = run_cscwatch({"show", "80464-dudley_2016-04-05.pdf", "--db", db_});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("lead inspector     Peter McEntee [p. "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("inspection start   2016-01-11 [p. 1]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("lscb"), std::string::npos);
  EXPECT_NE(r.out.find("improvement points:"), std::string::npos);
}

TEST_F(CorpusExport, ForecastOfTheNextInspection) {
  RunResult r = run_cscwatch({"forecast", "--rule", "cycle", "--as-of", "2026-11-25", "--db", db_});
  ASSERT_EQ(r.status, 0) << r.err;
  auto line_of = [&](const std::string& name) {
    auto at = r.out.find("\n" + name + " ");
    return at == std::string::npos ? std::string{} : r.out.substr(at + 1, r.out.find('\n', at + 1) - at - 1);
  };
  // Dudley: standard ILACS ended 2022-11-11, requires improvement.
  std::string dudley = line_of("Dudley");
  EXPECT_NE(dudley.find("2022-11-11"), std::string::npos) << dudley;
  EXPECT_NE(dudley.find("2025-05-11    2026-05-11"), std::string::npos) << dudley;
  EXPECT_NE(dudley.find("past window by 6 months"), std::string::npos) << dudley;
  // Bournemouth, Christchurch and Poole: good, ended 2024-12-13.
  std::string bcp = line_of("Bournemouth, Christchurch and Poole");
  EXPECT_NE(bcp.find("2027-06-13    2028-06-13     window opens in 6 months"), std::string::npos) << bcp;
  RunResult bad = run_cscwatch({"forecast", "--as-of", "25/11/2026", "--db", db_});
  EXPECT_EQ(bad.status, 2);
}

}  // namespace
}  // namespace cscwatch::testing
