// Ingest with one parser rule switched off: every document the rule would
// have read a fact from is stored with a review item for that fact — flagged,
// never silently blank. (tests/parse/rule_ablation_test.cc does the same for
// every rule at parse level; this one goes through the real ingest and store.)
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "common/reference_data.h"
#include "ingest/ingest.h"
#include "reader/csv.h"
#include "reader/reference_tables.h"
#include "store/inspection_rows.h"
#include "store/register.h"

namespace cscwatch {
namespace {

namespace fs = std::filesystem;
const std::string kData = CSCWATCH_DATA_DIR;

// truth.csv's file -> column -> value.
std::map<std::string, std::map<std::string, std::string>> load_truth() {
  std::map<std::string, std::map<std::string, std::string>> truth;
  std::string text;
  if (!read_text_file(kData + "/corpus/truth.csv", text)) return truth;
  const auto rows = parse_delimited(text);
  if (rows.empty()) return truth;
  const auto& header = rows.front();
  for (size_t r = 1; r < rows.size(); ++r)
    for (size_t c = 0; c < header.size() && c < rows[r].size(); ++c) truth[rows[r][0]][header[c]] = rows[r][c];
  return truth;
}

struct Ablated {
  std::string field;         // the export column the rule reads
  std::string truth_column;  // truth.csv's column for it
  void (*switch_off)(ParseOptions&);
};

class RuleAblationIngest : public ::testing::TestWithParam<Ablated> {};

TEST_P(RuleAblationIngest, EveryAffectedDocumentIsFlaggedNotBlank) {
  if (!fs::exists(kData + "/corpus/pdf")) GTEST_SKIP() << "corpus not found under " << kData;
  const Ablated& rule = GetParam();
  const fs::path dir = fs::temp_directory_path() / ("cscwatch-ablation-" + std::to_string(::getpid()) + rule.field);
  fs::create_directories(dir);
  {
    auto reg = Register::open((dir / "register.db").string());
    ASSERT_TRUE(reg) << reg.error();
    auto authorities = load_authorities(testing::reference_authorities_csv());
    ASSERT_TRUE(authorities) << authorities.error();
    ASSERT_TRUE(reg->load_authorities(*authorities));
    std::vector<IngestFailure> missing;
    IngestOptions options;
    rule.switch_off(options.parse_options);
    ingest_files(*reg, AuthorityDirectory(reg->authorities()), collect_pdf_files({kData + "/corpus/pdf"}, missing),
                 options);

    const auto truth = load_truth();
    int affected = 0, flagged = 0;
    for (const auto& row : query_inspections(reg->connection())) {
      auto t = truth.find(row.source_file);
      ASSERT_NE(t, truth.end()) << row.source_file;
      const std::string expected = t->second.at(rule.truth_column);
      const std::string got = field_value(row, rule.field);
      // Never a different fact.
      if (!got.empty()) {
        EXPECT_EQ(got, expected) << row.source_file;
      }
      if (expected.empty() || !got.empty()) continue;
      ++affected;
      bool has_item = false;
      for (const auto& item : row.review) has_item |= item.field == rule.field;
      if (has_item) ++flagged;
      EXPECT_TRUE(has_item) << row.source_file << ": " << rule.field << " blank without a review item ("
                            << review_summary(row) << ")";
    }
    std::printf("rule reading %s off: %d documents lost the fact, %d of them flagged\n", rule.field.c_str(), affected,
                flagged);
    EXPECT_GT(affected, 50);  // the rule matters: the test would notice a rule that reads nothing
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleAblationIngest,
                         ::testing::Values(Ablated{"lscb", "lscb",
                                                   [](ParseOptions& o) { o.read_lscb_sentence = false; }},
                                           Ablated{"help_protection", "help_protection",
                                                   [](ParseOptions& o) { o.read_table_rows = false; }}),
                         [](const ::testing::TestParamInfo<Ablated>& info) { return info.param.field; });

}  // namespace
}  // namespace cscwatch
