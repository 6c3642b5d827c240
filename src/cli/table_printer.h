// Plain-text tables for the terminal: columns sized to their widest cell
// (counted in characters, not bytes, so names with accents line up).
#pragma once

#include <string>
#include <vector>

namespace cscwatch {

class TablePrinter {
 public:
  explicit TablePrinter(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Number of UTF-8 code points.
std::size_t display_width(const std::string& s);

}  // namespace cscwatch
