// RFC 4180 CSV and tab-separated reading, enough for the reference tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cscwatch {

using CsvRow = std::vector<std::string>;

// Splits text into rows of fields. Handles quoted fields with embedded
// separators, doubled quotes and newlines; strips a UTF-8 BOM and CR.
std::vector<CsvRow> parse_delimited(std::string_view text, char separator = ',');

// Reads a whole file; empty string and ok=false if it cannot be read.
bool read_text_file(const std::string& path, std::string& out);

}  // namespace cscwatch
