// Rule ablation over the corpus: with each parser rule disabled in turn, every
// real report whose record changes must be flagged by check_completeness for
// the fact that changed. A rule whose loss goes unflagged would be a rule the
// completeness checks cannot back up: on a new layout it could fail silently.
// Needs the corpus.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "common/record_facts.h"
#include "corpus_support.h"
#include "domain/completeness.h"
#include "domain/date.h"
#include "domain/grade.h"
#include "parse/document_parser.h"

namespace cscwatch {
namespace {

using testing::is_judgement_field;

// The facts the completeness rules guard, by review-item field name: the
// printed authority besides those a perturbation is compared on.
std::map<std::string, std::string> facts(const InspectionRecord& r) {
  auto out = testing::record_facts(r);
  out["authority"] = r.authority_printed.value;
  return out;
}

struct Rule {
  const char* name;
  ParseOptions options;
};

std::vector<Rule> rules() {
  std::vector<Rule> out;
  auto off = [&](const char* name, bool ParseOptions::*flag) {
    ParseOptions o;
    o.*flag = false;
    out.push_back({name, o});
  };
  off("read_title_block", &ParseOptions::read_title_block);
  off("read_table_rows", &ParseOptions::read_table_rows);
  off("read_summary_sentence", &ParseOptions::read_summary_sentence);
  off("read_lscb_sentence", &ParseOptions::read_lscb_sentence);
  off("read_lead_inspector", &ParseOptions::read_lead_inspector);
  return out;
}

TEST(CorpusRuleAblation, EveryDocumentARuleAffectsIsFlagged) {
  const auto& reports = testing::corpus_reports();
  if (reports.empty()) GTEST_SKIP() << "corpus not found under " << CSCWATCH_DATA_DIR;
  std::vector<std::map<std::string, std::string>> baseline;
  for (const auto& report : reports) {
    auto record = parse_inspection_document(report.pages);
    ASSERT_TRUE(record.ok()) << report.file << ": " << record.error();
    baseline.push_back(facts(*record));
  }
  for (const Rule& rule : rules()) {
    int affected = 0, flagged = 0;
    for (size_t i = 0; i < reports.size(); ++i) {
      auto record = parse_inspection_document(reports[i].pages, rule.options);
      // Disabling a rule must never turn a report into a refusal.
      ASSERT_TRUE(record.ok()) << rule.name << " " << reports[i].file << ": " << record.error();
      const auto items = check_completeness(*record);
      const auto got = facts(*record);
      bool changed = false, all_flagged = true;
      for (const auto& [field, value] : baseline[i]) {
        if (got.at(field) == value) continue;
        changed = true;
        // A judgement may be flagged by name, or by the table count it was read from.
        const bool is_flagged =
            testing::flags(items, field) || (is_judgement_field(field) && testing::flags(items, "judgements"));
        if (!is_flagged) {
          all_flagged = false;
          ADD_FAILURE() << rule.name << " off: " << reports[i].file << " " << field << " '" << value << "' -> '"
                        << got.at(field) << "' with no review item\n"
                        << testing::describe(items);
        }
      }
      if (changed) ++affected;
      if (changed && all_flagged) ++flagged;
    }
    std::printf("rule %-22s off: %3d of %zu reports affected, %3d flagged\n", rule.name, affected, reports.size(),
                flagged);
    EXPECT_GT(affected, 0) << rule.name << " changes nothing on the corpus: an untested rule";
  }
}

}  // namespace
}  // namespace cscwatch
