// A table of text cells — a header row of column names, then rows — as the
// files the site offers for download: CSV (RFC 4180), JSON (an array of
// objects keyed by column) and an XLSX workbook of one sheet. For tables
// other than the inspection register (analysis/export_formats.h), such as
// the intervention register; the same conventions: formula-like cells shown
// as text, dates (columns the caller names) as real dates in the workbook.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "domain/result.h"

namespace cscwatch {

struct TextTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each as long as columns
  std::set<std::string> date_columns;          // YYYY-MM-DD cells written as dates in the workbook
  std::set<std::string> number_columns;        // integer cells written as numbers in JSON and the workbook
};

std::string table_csv(const TextTable& table);   // CRLF line ends
std::string table_json(const TextTable& table);  // empty cells as null, number columns as numbers
Result<std::string> table_xlsx(const TextTable& table, const std::string& sheet_name);

}  // namespace cscwatch
