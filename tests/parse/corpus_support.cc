#include "corpus_support.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "reader/csv.h"
#include "reader/pdf_reader.h"

namespace cscwatch::testing {

namespace {

std::vector<CorpusReport> load() {
  namespace fs = std::filesystem;
  const fs::path data_dir = CSCWATCH_DATA_DIR;
  std::string truth_text;
  if (!read_text_file((data_dir / "corpus" / "truth.csv").string(), truth_text)) return {};
  const auto rows = parse_delimited(truth_text);
  if (rows.size() < 2) return {};
  const CsvRow& header = rows[0];
  auto col = [&](const char* name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t file = col("file"), la_name = col("la_name"), framework = col("framework");
  std::vector<CorpusReport> reports;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() != header.size() || rows[i][la_name].empty()) continue;
    reports.push_back({rows[i][file], rows[i][framework], {}});
  }
  // Two threads, one PdfReader each (MuPDF contexts are per thread).
  std::atomic<size_t> next{0};
  auto worker = [&] {
    PdfReader reader;
    for (size_t i = next++; i < reports.size(); i = next++) {
      auto text = reader.read_file((data_dir / "corpus" / "pdf" / reports[i].file).string());
      if (text) reports[i].pages = std::move(text->pages);
    }
  };
  std::thread a(worker), b(worker);
  a.join();
  b.join();
  return reports;
}

}  // namespace

const std::vector<CorpusReport>& corpus_reports() {
  static const std::vector<CorpusReport> reports = load();
  return reports;
}

std::string describe(const std::vector<ReviewItem>& items) {
  std::string out;
  for (const auto& item : items) out += "    " + item.field + ": " + item.reason + " (p." + std::to_string(item.page) + ")\n";
  return out;
}

bool flags(const std::vector<ReviewItem>& items, const std::string& field) {
  return std::any_of(items.begin(), items.end(), [&](const ReviewItem& item) { return item.field == field; });
}

}  // namespace cscwatch::testing
