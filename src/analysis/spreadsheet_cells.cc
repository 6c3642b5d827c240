#include "analysis/spreadsheet_cells.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cscwatch {

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

std::string spreadsheet_cell_text(const std::string& v) {
  constexpr size_t kMaxCell = 32767 - 16;
  if (v.size() <= kMaxCell) return v;
  size_t cut = kMaxCell;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
  return v.substr(0, cut) + " [cut]";
}

Result<std::string> workbook_bytes(const std::function<Result<bool>(const std::string& path)>& write) {
  std::string pattern = (std::filesystem::temp_directory_path() / "cscwatch-xlsx-XXXXXX").string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) return Error{"cannot create a temporary file for the workbook"};
  ::close(fd);
  auto written = write(pattern);
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
