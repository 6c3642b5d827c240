#include "parse/improvement_points.h"

#include <cctype>

#include "parse/date_phrases.h"
#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {

constexpr size_t kMaxPoints = 60;
constexpr size_t kMaxSectionLines = 400;

bool is_bullet_line(const DocLine& line) {
  return line.bullet || starts_with(line.text, "- ") || starts_with(line.text, "* ");
}

bool ends_sentence(std::string_view text) {
  text = trim(text);
  return !text.empty() && (text.back() == '.' || text.back() == ')' || text.back() == ';');
}

void append(std::string& to, std::string_view piece) {
  piece = trim(piece);
  if (piece.empty()) return;
  // Re-join words hyphenated at a line end only when the hyphen is a real
  // compound ("under-developed"), which the reports print with the hyphen.
  if (!to.empty() && to.back() != '-') to.push_back(' ');
  to.append(piece);
}

}  // namespace

bool is_running_header(const DocLine& line) {
  if (is_page_number(line)) return true;
  if (starts_with(line.norm, "inspection of ") && line.norm.size() < 160 &&
      (contains(line.norm, "children's services") || contains(line.norm, "local safeguarding")))
    return true;
  if (parse_date_range(line.norm) && line.norm.size() < 60 && std::isdigit(static_cast<unsigned char>(line.norm[0])))
    return true;
  return false;
}

std::vector<ImprovementPoint> read_what_needs_to_improve(const DocumentLines& doc) {
  std::vector<ImprovementPoint> points;
  size_t start = doc.lines.size();
  for (size_t i = 0; i < doc.end_of(4); ++i) {
    if (starts_with(doc.lines[i].norm, "what needs to improve")) {
      start = i + 1;
      break;
    }
  }
  // A new point starts at a bullet glyph, or (for reports whose bullets are
  // drawn, not printed) at a new block after a finished sentence.
  int last_block = -1;
  for (size_t i = start; i < doc.lines.size() && i < start + kMaxSectionLines; ++i) {
    const DocLine& line = doc.lines[i];
    if (starts_with(line.norm, "the experiences and progress") || starts_with(line.norm, "the impact of leaders") ||
        starts_with(line.norm, "overall effectiveness") || starts_with(line.norm, "1. "))
      break;
    if (line.norm == "1." || line.norm == "1") break;
    if (line.page != doc.lines[start > 0 ? start - 1 : 0].page && is_running_header(line)) continue;
    if (is_page_number(line)) continue;
    const bool new_point = points.empty() || is_bullet_line(line) ||
                           (line.block != last_block && ends_sentence(points.back().text) &&
                            std::isupper(static_cast<unsigned char>(line.text[0])));
    if (new_point && points.size() < kMaxPoints) {
      points.push_back({"", line.page});
    }
    append(points.back().text, line.text);
    last_block = line.block;
  }
  return points;
}

std::vector<ImprovementPoint> read_recommendations(const DocumentLines& doc) {
  std::vector<ImprovementPoint> points;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    if (doc.lines[i].norm != "recommendations") continue;
    // Item 1 must follow within a few lines (the contents page has a page number).
    size_t j = i + 1;
    while (j < doc.lines.size() && j < i + 4 && is_running_header(doc.lines[j]) && !starts_with(doc.lines[j].norm, "1"))
      ++j;
    if (j >= doc.lines.size() || !starts_with(doc.lines[j].norm, "1.")) continue;
    int expected = 1;
    for (size_t k = j; k < doc.lines.size() && k < j + kMaxSectionLines; ++k) {
      const DocLine& line = doc.lines[k];
      if (line.page != doc.lines[i].page && is_running_header(line)) continue;
      // "3." alone, or "10. Undertake ..."
      const std::string& n = line.norm;
      size_t d = 0;
      while (d < n.size() && d < 3 && std::isdigit(static_cast<unsigned char>(n[d]))) ++d;
      if (d > 0 && d < n.size() && n[d] == '.' && (d + 1 == n.size() || n[d + 1] == ' ')) {
        const int number = std::stoi(n.substr(0, d));
        if (number == expected && points.size() < kMaxPoints) {
          ++expected;
          points.push_back({"", line.page});
          append(points.back().text, std::string_view(line.text).substr(d + 1));
          continue;
        }
        break;
      }
      // A heading ends the list: a short line after a finished item, in a new block.
      if (!points.empty() && ends_sentence(points.back().text) && line.block != doc.lines[k - 1].block &&
          !ends_sentence(line.text) && line.norm.size() < 80)
        break;
      if (points.empty()) break;
      append(points.back().text, line.text);
    }
    break;
  }
  return points;
}

}  // namespace cscwatch::parse
