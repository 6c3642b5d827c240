#include "parse_support.h"

namespace cscwatch::testing {

std::vector<Page> make_pages(const std::vector<std::string>& texts) {
  std::vector<Page> pages;
  int number = 1;
  for (const auto& text : texts) {
    Page page;
    page.number = number++;
    page.text = text;
    float y = 50;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      if (nl > pos) page.lines.push_back({70, y, 500, y + 14, text.substr(pos, nl - pos)});
      y += 15;
      pos = nl + 1;
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace cscwatch::testing
