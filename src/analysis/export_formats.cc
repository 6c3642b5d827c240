#include "analysis/export_formats.h"

#include <xlsxwriter.h>

#include <nlohmann/json.hpp>

#include "analysis/spreadsheet_cells.h"
#include "domain/date.h"
#include "domain/grade.h"

namespace cscwatch {

namespace {

// Widths (in characters) that fit the usual content of each column.
double column_width(const std::string& column) {
  if (column == "authority_name" || column == "source_file") return 32;
  if (column == "sha256" || column == "review" || column == "corrected") return 20;
  if (column == "lead_inspector") return 22;
  if (is_grade_column(column)) return 21;
  if (is_date_column(column)) return 12;
  return 14;
}

void write_sheet(lxw_workbook* book, const char* name, const std::vector<InspectionRow>& rows, lxw_format* header,
                 lxw_format* date) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, name);
  const auto& columns = export_columns();
  for (size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), columns[c].c_str(), header);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), column_width(columns[c]), nullptr);
  }
  lxw_row_t r = 1;
  for (const auto& row : rows) {
    const auto values = export_values(row);
    for (size_t c = 0; c < columns.size() && c < values.size(); ++c) {
      const std::string& v = values[c];
      if (v.empty()) continue;
      const auto col = static_cast<lxw_col_t>(c);
      if (is_date_column(columns[c])) {
        if (auto d = parse_iso_date(v)) {
          lxw_datetime dt{static_cast<int>(d->year()), static_cast<int>(static_cast<unsigned>(d->month())),
                          static_cast<int>(static_cast<unsigned>(d->day())), 0, 0, 0};
          worksheet_write_datetime(sheet, r, col, &dt, date);
          continue;
        }
      }
      if (is_grade_column(columns[c])) {
        auto g = parse_grade(v);
        worksheet_write_string(sheet, r, col, g ? std::string(label(*g)).c_str() : v.c_str(), nullptr);
        continue;
      }
      worksheet_write_string(sheet, r, col, spreadsheet_cell_text(v).c_str(), nullptr);
    }
    ++r;
  }
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_autofilter(sheet, 0, 0, r - 1, static_cast<lxw_col_t>(columns.size() - 1));
}

}  // namespace

bool is_date_column(const std::string& column) {
  return column == "inspection_start" || column == "inspection_end" || column == "published";
}

bool is_grade_column(const std::string& column) {
  return column == "overall" || column == "leadership" || column == "help_protection" || column == "in_care" ||
         column == "care_leavers" || column == "adoption" || column == "lscb";
}

std::string export_csv(const std::vector<InspectionRow>& rows) {
  std::string out;
  const auto& columns = export_columns();
  for (size_t i = 0; i < columns.size(); ++i) out += (i ? "," : "") + columns[i];
  out += "\r\n";
  for (const auto& r : rows) {
    auto values = export_values(r);
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out += ',';
      out += csv_field(values[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string export_json(const std::vector<InspectionRow>& rows) {
  const auto& columns = export_columns();
  auto array = nlohmann::json::array();
  for (const auto& r : rows) {
    auto values = export_values(r);
    nlohmann::json o = nlohmann::json::object();
    for (size_t i = 0; i < columns.size(); ++i) o[columns[i]] = values[i];
    array.push_back(std::move(o));
  }
  // Replace rather than throw on invalid UTF-8: the text came from PDFs.
  return array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<bool> write_export_xlsx(const std::string& path, const std::vector<InspectionRow>& latest,
                               const std::vector<InspectionRow>& history) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return Error{"cannot create workbook " + path};
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDE6F0);
  format_set_bottom(header, LXW_BORDER_THIN);
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "yyyy-mm-dd");
  write_sheet(book, "Latest grades", latest, header, date);
  write_sheet(book, "Full history", history, header, date);
  lxw_error err = workbook_close(book);
  if (err != LXW_NO_ERROR) return Error{"cannot write workbook " + path + ": " + lxw_strerror(err)};
  return true;
}

Result<std::string> export_xlsx(const std::vector<InspectionRow>& latest, const std::vector<InspectionRow>& history) {
  return workbook_bytes([&](const std::string& path) { return write_export_xlsx(path, latest, history); });
}

}  // namespace cscwatch
