// Every real report of the corpus parses into a complete, consistent record:
// check_completeness finds nothing to review, so its rules (and the evidence
// the parsers fill for them) raise no false alarms. Needs the corpus.
#include <gtest/gtest.h>

#include <cstdio>

#include "common/corpus_counts.h"
#include "corpus_support.h"
#include "domain/completeness.h"
#include "parse/document_parser.h"

namespace cscwatch {
namespace {

TEST(CorpusCompleteness, NoReviewItemsOnAnyRealReport) {
  const auto& reports = testing::corpus_reports();
  if (reports.empty()) GTEST_SKIP() << "corpus not found under " << CSCWATCH_DATA_DIR;
  ASSERT_EQ(reports.size(), static_cast<size_t>(testing::corpus_counts(CSCWATCH_DATA_DIR).reports));
  int flagged = 0, table_cells = 0, summary_sentences = 0;
  for (const auto& report : reports) {
    auto record = parse_inspection_document(report.pages);
    ASSERT_TRUE(record.ok()) << report.file << ": " << record.error();
    const auto items = check_completeness(*record);
    if (!items.empty()) {
      ++flagged;
      std::printf("REVIEW %s\n%s", report.file.c_str(), testing::describe(items).c_str());
    }
    // Evidence the checks rely on: a counted table, and rows all read. A
    // stand-alone LSCB review prints its one judgement as a sentence, no table.
    if (record->kind == DocumentKind::LscbReview) continue;
    EXPECT_GT(record->evidence.table_grade_cells, 0) << report.file;
    EXPECT_EQ(record->evidence.table_grade_cells, record->evidence.table_rows_read) << report.file;
    table_cells += record->evidence.table_grade_cells;
    if (record->evidence.summary_grade) ++summary_sentences;
  }
  std::printf("%zu real reports: %d with review items; %d table grade cells; %d summary sentences\n", reports.size(),
              flagged, table_cells, summary_sentences);
  EXPECT_EQ(flagged, 0);
}

}  // namespace
}  // namespace cscwatch
