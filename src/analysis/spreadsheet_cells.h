#pragma once
// What every table cscwatch writes for spreadsheets shares: CSV fields that a
// spreadsheet shows as text (never runs as a formula), cells cut to what a
// spreadsheet holds, and a workbook handed back as bytes. One place, so the
// register's export and every other download defend the same way.
#include <functional>
#include <string>

#include "domain/result.h"

namespace cscwatch {

// RFC 4180: quotes fields holding separators, quotes or line breaks. A cell
// that starts like a formula (= + - @) is prefixed with ' so a spreadsheet
// shows it as text.
std::string csv_field(const std::string& value);

// A spreadsheet cell holds at most 32,767 characters: longer text (a long
// review note) is cut at a character boundary and says so, rather than the
// cell being left empty.
std::string spreadsheet_cell_text(const std::string& value);

// Runs `write` on a fresh temporary path (libxlsxwriter writes files only)
// and returns the file's bytes; the file is removed either way.
Result<std::string> workbook_bytes(const std::function<Result<bool>(const std::string& path)>& write);

}  // namespace cscwatch
