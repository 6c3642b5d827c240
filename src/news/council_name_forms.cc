#include "news/council_name_forms.h"

#include <string_view>

namespace cscwatch {
std::string_view council_name_forms_csv();  // generated from data/council_name_forms.csv
}

namespace cscwatch::news {

namespace {

// The table's cells hold no commas or quotes (checked by its test).
std::vector<std::string> cells(std::string_view line) {
  std::vector<std::string> out;
  size_t p = 0;
  while (true) {
    size_t c = line.find(',', p);
    out.emplace_back(line.substr(p, c == std::string_view::npos ? std::string_view::npos : c - p));
    if (c == std::string_view::npos) break;
    p = c + 1;
  }
  return out;
}

std::vector<CouncilNameForm> parse_table(std::string_view text) {
  std::vector<CouncilNameForm> out;
  size_t p = text.find('\n');  // past the header
  while (p != std::string_view::npos && p + 1 < text.size()) {
    size_t e = text.find('\n', p + 1);
    std::string_view line = text.substr(p + 1, e == std::string_view::npos ? std::string_view::npos : e - p - 1);
    p = e;
    auto c = cells(line);
    if (c.size() < 5 || c[0].empty() || c[2].empty()) continue;
    out.push_back({c[0], c[1], c[2], parse_iso_date(c[3]), parse_iso_date(c[4])});
  }
  return out;
}

}  // namespace

const std::vector<CouncilNameForm>& council_name_forms() {
  static const std::vector<CouncilNameForm> forms = parse_table(council_name_forms_csv());
  return forms;
}

bool applies_on(const CouncilNameForm& form, const std::optional<Date>& date) {
  if (!date) return true;
  if (form.from && days_between(*form.from, *date) < 0) return false;
  if (form.to && days_between(*date, *form.to) < 0) return false;
  return true;
}

}  // namespace cscwatch::news
