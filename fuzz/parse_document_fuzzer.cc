// libFuzzer target: arbitrary text as the pages of a document (form feed
// separates pages, blank lines separate blocks) through classification and
// every parser. Whatever the input, the parser returns a record or an error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/completeness.h"
#include "parse/document_parser.h"
#include "parse/visit_details.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<cscwatch::Page> pages;
  size_t from = 0;
  while (from <= input.size() && pages.size() < 64) {
    size_t end = input.find('\f', from);
    if (end == std::string::npos) end = input.size();
    cscwatch::Page page;
    page.number = static_cast<int>(pages.size()) + 1;
    page.text = input.substr(from, end - from);
    float y = 40;
    size_t pos = 0;
    while (pos < page.text.size()) {
      size_t nl = page.text.find('\n', pos);
      if (nl == std::string::npos) nl = page.text.size();
      if (nl > pos) page.lines.push_back({60, y, 540, y + 12, page.text.substr(pos, nl - pos)});
      y += 14;
      pos = nl + 1;
    }
    pages.push_back(std::move(page));
    from = end + 1;
  }
  auto record = cscwatch::parse_inspection_document(pages);
  if (record) {
    // Every fact's page must be one of the document's pages (0: not from a page).
    for (const auto& j : record->judgements)
      if (j.page < 0 || j.page > static_cast<int>(pages.size())) __builtin_trap();
    for (const auto& p : record->improvement_points)
      if (p.page < 0 || p.page > static_cast<int>(pages.size())) __builtin_trap();
    // The completeness checks run on whatever the parser made of the input,
    // and so does every page they point a person to.
    for (const auto& item : cscwatch::check_completeness(*record))
      if (item.page < 0 || item.page > static_cast<int>(pages.size()) || item.field.empty()) __builtin_trap();
  }
  // A visit letter's details (ordinal, theme, areas for priority action),
  // read from the same text: bounded whatever the input.
  auto details = cscwatch::parse::read_visit_details(input);
  if (details.ordinal && (*details.ordinal < 1 || *details.ordinal > 30)) __builtin_trap();
  if (details.priority_areas.size() > 10 || details.theme.size() > 1500) __builtin_trap();
  return 0;
}
