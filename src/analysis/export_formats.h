// The register's rows as files: CSV (RFC 4180), JSON and an XLSX workbook.
// One implementation behind `cscwatch export` and the download links of the
// web application, so a download and the export are the same bytes.
#pragma once

#include <string>
#include <vector>

#include "domain/result.h"
#include "store/inspection_rows.h"

namespace cscwatch {

// Header row of export_columns(), then one row per inspection; CRLF line ends.
std::string export_csv(const std::vector<InspectionRow>& rows);

// An array of objects keyed by export_columns(), pretty-printed.
std::string export_json(const std::vector<InspectionRow>& rows);

// A workbook with two sheets, "Latest grades" (`latest`) and "Full history"
// (`history`), each with export_columns() as a bold, frozen header row with an
// autofilter; dates as real dates (yyyy-mm-dd); grades in words
// ("Requires improvement"). Written to `path`.
Result<bool> write_export_xlsx(const std::string& path, const std::vector<InspectionRow>& latest,
                               const std::vector<InspectionRow>& history);

// The same workbook as bytes (written through a temporary file).
Result<std::string> export_xlsx(const std::vector<InspectionRow>& latest, const std::vector<InspectionRow>& history);

// Whether an export column holds a date or a grade (the XLSX formats them).
bool is_date_column(const std::string& column);
bool is_grade_column(const std::string& column);

}  // namespace cscwatch
