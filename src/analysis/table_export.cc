#include "analysis/table_export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "domain/date.h"

namespace cscwatch {

namespace {

// As the register's export: a cell that starts like a formula is prefixed
// with ' so a spreadsheet shows it as text, never runs it.
std::string csv_field(const std::string& value) {
  std::string v = value;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A cell holds at most 32,767 characters: cut at a character boundary, saying so.
std::string cell_text(const std::string& v) {
  constexpr size_t kMaxCell = 32767 - 16;
  if (v.size() <= kMaxCell) return v;
  size_t cut = kMaxCell;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
  return v.substr(0, cut) + " [cut]";
}

// An integer cell as its value; nullopt when it is not one.
std::optional<long long> integer_of(const std::string& v) {
  long long n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

Result<bool> write_xlsx(const std::string& path, const TextTable& t, const std::string& sheet_name) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return Error{"cannot create workbook " + path};
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDE6F0);
  format_set_bottom(header, LXW_BORDER_THIN);
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name.c_str());
  for (size_t c = 0; c < t.columns.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), t.columns[c].c_str(), header);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 16, nullptr);
  }
  lxw_row_t r = 1;
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < t.columns.size() && c < row.size(); ++c) {
      const std::string& v = row[c];
      if (v.empty()) continue;
      const auto col = static_cast<lxw_col_t>(c);
      if (t.number_columns.count(t.columns[c])) {
        if (auto n = integer_of(v)) {
          worksheet_write_number(sheet, r, col, static_cast<double>(*n), nullptr);
          continue;
        }
      }
      if (t.date_columns.count(t.columns[c])) {
        if (auto d = parse_iso_date(v)) {
          lxw_datetime dt{static_cast<int>(d->year()), static_cast<int>(static_cast<unsigned>(d->month())),
                          static_cast<int>(static_cast<unsigned>(d->day())), 0, 0, 0};
          worksheet_write_datetime(sheet, r, col, &dt, date);
          continue;
        }
      }
      worksheet_write_string(sheet, r, col, cell_text(v).c_str(), nullptr);
    }
    ++r;
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (!t.columns.empty()) worksheet_autofilter(sheet, 0, 0, r - 1, static_cast<lxw_col_t>(t.columns.size() - 1));
  lxw_error err = workbook_close(book);
  if (err != LXW_NO_ERROR) return Error{"cannot write workbook " + path + ": " + lxw_strerror(err)};
  return true;
}

}  // namespace

std::string table_csv(const TextTable& t) {
  std::string out;
  for (size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + csv_field(t.columns[i]);
  out += "\r\n";
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
    out += "\r\n";
  }
  return out;
}

std::string table_json(const TextTable& t) {
  auto array = nlohmann::json::array();
  for (const auto& row : t.rows) {
    nlohmann::json o = nlohmann::json::object();
    for (size_t i = 0; i < t.columns.size(); ++i) {
      nlohmann::json cell = nullptr;
      if (i < row.size() && !row[i].empty()) {
        auto n = t.number_columns.count(t.columns[i]) ? integer_of(row[i]) : std::nullopt;
        cell = n ? nlohmann::json(*n) : nlohmann::json(row[i]);
      }
      o[t.columns[i]] = std::move(cell);
    }
    array.push_back(std::move(o));
  }
  return array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<std::string> table_xlsx(const TextTable& t, const std::string& sheet_name) {
  std::string pattern = (std::filesystem::temp_directory_path() / "cscwatch-xlsx-XXXXXX").string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) return Error{"cannot create a temporary file for the workbook"};
  ::close(fd);
  auto written = write_xlsx(pattern, t, sheet_name);
  std::string bytes;
  if (written) {
    std::ifstream in(pattern, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
  }
  std::remove(pattern.c_str());
  if (!written) return Error{written.error()};
  return bytes;
}

}  // namespace cscwatch
