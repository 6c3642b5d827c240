// The real reports of the shared corpus, read once per test process and
// shared by the corpus-level parse tests (completeness, ablation, metamorphic).
#pragma once

#include <string>
#include <vector>

#include "domain/inspection.h"
#include "domain/review_item.h"
#include "reader/page.h"

namespace cscwatch::testing {

struct CorpusReport {
  std::string file;
  std::string framework;  // truth.csv's framework column
  std::vector<Page> pages;
};

// Every corpus file with a printed authority in truth.csv (the real
// reports; the HTML error pages saved as .pdf are left out), in truth.csv
// order. Empty when CSCWATCH_DATA_DIR holds no corpus.
const std::vector<CorpusReport>& corpus_reports();

// "field: reason (p.N)" lines for printing.
std::string describe(const std::vector<ReviewItem>& items);

// True if some item names `field`.
bool flags(const std::vector<ReviewItem>& items, const std::string& field);

}  // namespace cscwatch::testing
