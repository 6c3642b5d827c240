// How many files the shared corpus holds and how many of them are reports,
// counted from its verified labels (truth.csv), so that the tests follow the
// corpus as it grows instead of carrying a number written when it was smaller.
// A row whose every field is empty is a file that is not a report at all (an
// HTML error page saved under a .pdf name, TRUTH.md "Rows of kind other").
#pragma once

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace cscwatch::testing {

struct CorpusCounts {
  int files = 0;                         // rows of truth.csv: files in corpus/pdf
  int reports = 0;                       // files that are reports (ingested)
  std::vector<std::string> not_reports;  // files that are not reports (fail to ingest)
  std::set<std::string> report_urns;     // authorities (URN, the file name's prefix) with a report
  std::set<std::string> graded_urns;     // ... with a report that gives an overall grade
};

namespace corpus_counts_detail {
// One CSV record from `in` (RFC 4180 quoting, fields may span lines); false at
// the end of the input.
inline bool read_record(std::istream& in, std::vector<std::string>& fields) {
  fields.assign(1, "");
  bool quoted = false, any = false;
  char c = 0;
  while (in.get(c)) {
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          fields.back() += '"';
          in.get(c);
        } else {
          quoted = false;
        }
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      return true;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return any;
}
}  // namespace corpus_counts_detail

// Counts of the corpus under `data_dir` (its corpus/truth.csv); all zero when
// the file is missing, so a caller can skip.
inline CorpusCounts corpus_counts(const std::string& data_dir) {
  CorpusCounts counts;
  std::ifstream in(data_dir + "/corpus/truth.csv", std::ios::binary);
  if (!in) return counts;
  std::vector<std::string> header, row;
  if (!corpus_counts_detail::read_record(in, header)) return counts;
  size_t la_name = header.size(), framework = header.size(), notes = header.size(), overall = header.size();
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "la_name") la_name = i;
    if (header[i] == "framework") framework = i;
    if (header[i] == "notes") notes = i;
    if (header[i] == "overall") overall = i;
  }
  while (corpus_counts_detail::read_record(in, row)) {
    if (row.size() == 1 && row[0].empty()) continue;
    ++counts.files;
    bool empty = true;
    for (size_t i = 1; i < row.size(); ++i)
      if (i != framework && i != notes && !row[i].empty()) empty = false;
    if (la_name >= row.size()) empty = true;
    if (empty) {
      counts.not_reports.push_back(row[0]);
      continue;
    }
    ++counts.reports;
    const std::string urn = row[0].substr(0, row[0].find('-'));
    counts.report_urns.insert(urn);
    if (overall < row.size() && !row[overall].empty()) counts.graded_urns.insert(urn);
  }
  return counts;
}

}  // namespace cscwatch::testing
