#include "parse/visit_details.h"

#include <algorithm>
#include <cctype>

namespace cscwatch::parse {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Collapses runs of white space (line breaks inside a paragraph) to one space.
std::string one_line(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The paragraphs (blank-line separated) after the heading at `at`, up to the
// next short line that looks like a heading, at most `max_chars`.
std::vector<std::string> paragraphs_after(std::string_view text, size_t at, size_t max_chars) {
  std::vector<std::string> out;
  size_t line_end = text.find('\n', at);
  if (line_end == std::string_view::npos) return out;
  std::string_view rest = text.substr(line_end + 1, max_chars);
  size_t pos = 0;
  while (pos < rest.size()) {
    size_t end = rest.find("\n\n", pos);
    if (end == std::string_view::npos) end = rest.size();
    std::string para = one_line(rest.substr(pos, end - pos));
    pos = end + 2;
    if (para.empty()) continue;
    // A heading (short, no full stop) ends the section once it has content.
    const bool heading = para.size() < 80 && para.find('.') == std::string::npos;
    if (heading && !out.empty()) break;
    if (heading) continue;
    // A bullet list kept as items.
    if (para.rfind("\u2022", 0) == 0 || para.rfind("- ", 0) == 0) para = one_line(para.substr(para.find(' ') + 1));
    out.push_back(para);
  }
  return out;
}

}  // namespace

std::optional<int> ordinal_number(std::string_view word) {
  static constexpr std::string_view kWords[] = {"first", "second", "third", "fourth", "fifth", "sixth",
                                                "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"};
  const std::string w = lower(word);
  for (size_t i = 0; i < std::size(kWords); ++i)
    if (w == kWords[i]) return static_cast<int>(i + 1);
  if (w.size() >= 3 && w.size() <= 4 && std::isdigit(static_cast<unsigned char>(w[0]))) {
    const std::string suffix = w.substr(w.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      int n = 0;
      for (char c : w.substr(0, w.size() - 2)) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        n = n * 10 + (c - '0');
      }
      if (n >= 1 && n <= 30) return n;
    }
  }
  return std::nullopt;
}

VisitDetails read_visit_details(std::string_view text) {
  VisitDetails d;
  text = text.substr(0, 200000);  // a letter is a few pages: bound the work on anything else
  const std::string low = lower(text);
  // "This was the third monitoring visit since ...", wherever the lines break.
  const std::string flat = one_line(low);
  for (std::string_view key : {"this was the ", "this is the "}) {
    size_t at = flat.find(key);
    while (at != std::string::npos && !d.ordinal) {
      size_t w = at + key.size();
      size_t e = flat.find(' ', w);
      if (e != std::string::npos && flat.compare(e + 1, 16, "monitoring visit") == 0)
        d.ordinal = ordinal_number(std::string_view(flat).substr(w, e - w));
      at = flat.find(key, at + 1);
    }
    if (d.ordinal) break;
  }
  if (size_t at = low.find("areas covered by the visit"); at != std::string::npos) {
    auto paras = paragraphs_after(text, at, 3000);
    if (!paras.empty()) d.theme = paras.front().substr(0, 1500);
  }
  // Only as a heading (its own line), not where the letter mentions the term.
  for (size_t at = low.find("areas for priority action"); at != std::string::npos;
       at = low.find("areas for priority action", at + 1)) {
    const size_t line_start = low.rfind('\n', at) == std::string::npos ? 0 : low.rfind('\n', at) + 1;
    size_t line_end = low.find('\n', at);
    if (line_end == std::string::npos) line_end = low.size();
    if (one_line(std::string_view(low).substr(line_start, line_end - line_start)).size() >= 40) continue;
    for (auto& p : paragraphs_after(text, at, 4000))
      if (d.priority_areas.size() < 10) d.priority_areas.push_back(p.substr(0, 1500));
    break;
  }
  return d;
}

}  // namespace cscwatch::parse
