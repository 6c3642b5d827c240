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
  return !text.empty() && (text.back() == '.' || text.back() == ';' || text.back() == ':');
}

void append(std::string& to, std::string_view piece) {
  piece = trim(piece);
  if (piece.empty()) return;
  // Re-join words hyphenated at a line end only when the hyphen is a real
  // compound ("under-developed"), which the reports print with the hyphen.
  if (!to.empty() && to.back() != '-') to.push_back(' ');
  to.append(piece);
}

// "12." or "12. Text" -> 12; 0 for any other line.
int item_number(std::string_view n) {
  size_t d = 0;
  while (d < n.size() && d < 3 && std::isdigit(static_cast<unsigned char>(n[d]))) ++d;
  if (d == 0 || d >= n.size() || n[d] != '.' || (d + 1 < n.size() && n[d + 1] != ' ')) return 0;
  int value = 0;
  for (size_t k = 0; k < d; ++k) value = value * 10 + (n[k] - '0');
  return value;
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

std::vector<ImprovementPoint> read_what_needs_to_improve(const DocumentLines& doc, std::vector<ReviewItem>& /*doubts*/) {
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

// Headings that close the local authority's recommendations.
bool closes_recommendations(std::string_view norm) {
  for (std::string_view head : {"summary for children", "the local authority's strengths", "progress since the last",
                                "information about this", "the experiences and progress", "summary of findings",
                                "summary of key findings", "the local safeguarding children board",
                                "executive summary", "inspection findings", "what the inspection judgements mean",
                                "contents", "the effectiveness of the local safeguarding", "section 2",
                                "review of the effectiveness"})
    if (starts_with(norm, head)) return true;
  return false;
}

std::vector<ImprovementPoint> read_recommendations(const DocumentLines& doc, std::vector<ReviewItem>& /*doubts*/) {
  std::vector<ImprovementPoint> points;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    // "Recommendations" (2015-2018); "What does the local authority need to
    // improve?" with "Priority and immediate action" / "Areas for improvement"
    // sub-sections (2014-15 variant, numbered on from the report's paragraphs
    // or bulleted).
    const std::string& heading = doc.lines[i].norm;
    // Some early 2014 reports print only the sub-headings, starting with
    // "Priority and immediate action".
    if (heading != "recommendations" && heading != "recommendations:" &&
        !starts_with(heading, "what does the local authority need to improve") &&
        heading != "priority and immediate action")
      continue;
    // The contents page lists the heading with a page number after it.
    if (i + 1 < doc.lines.size() && is_page_number(doc.lines[i + 1])) continue;
    bool open = false;      // the last point may still continue
    bool sub_list = false;  // bullets under a numbered point that ends "by:"
    for (size_t k = i + 1; k < doc.lines.size() && k < i + 1 + kMaxSectionLines; ++k) {
      const DocLine& line = doc.lines[k];
      if (line.page != doc.lines[i].page && is_running_header(line)) continue;
      if (closes_recommendations(line.norm)) break;
      const int number = item_number(line.norm);
      // "Improve X by:" followed by bullets: the bullets are parts of that
      // point, not points of their own.
      if (number == 0 && line.bullet && !points.empty() &&
          (sub_list || (!points.back().text.empty() && points.back().text.back() == ':'))) {
        std::string& parent = points.back().text;
        if (sub_list) {
          while (!parent.empty() && (parent.back() == '.' || parent.back() == ';')) parent.pop_back();
          parent += ";";
        }
        append(parent, line.text);
        sub_list = true;
        open = true;
        continue;
      }
      if (number > 0) sub_list = false;
      if (number > 0 || line.bullet) {
        if (points.size() >= kMaxPoints) break;
        points.push_back({"", line.page});
        std::string_view rest = line.text;
        if (number > 0) rest = rest.substr(line.norm.find('.') + 1);
        append(points.back().text, rest);
        open = true;
        continue;
      }
      // Sub-headings ("Priority and immediate action", "Capacity"): short, no
      // full stop, in a block of their own after a finished point.
      // Within a block only a shorter line counts ("Areas for improvement",
      // "Leadership, management and governance"): a longer one may be the
      // first line of a point's next sentence.
      const bool new_block = line.block != doc.lines[k - 1].block;
      const bool finished = points.empty() || ends_sentence(points.back().text);
      const std::size_t longest_heading = new_block ? 80 : 50;
      const bool introduces = !line.norm.empty() && line.norm.back() == ':';  // "Areas for improvement:"
      if (finished && (!ends_sentence(line.text) || introduces) && line.norm.size() < longest_heading &&
          std::isupper(static_cast<unsigned char>(line.text[0]))) {
        open = false;
        continue;
      }
      if (open) append(points.back().text, line.text);
    }
    // "There are no areas for priority or immediate action." is not a point.
    std::erase_if(points, [](const ImprovementPoint& p) { return starts_with(p.text, "There are no "); });
    // A sub-heading printed on the same line as the end of a point ("...and
    // care. Areas for improvement") is not part of the point.
    for (auto& point : points) {
      if (ends_sentence(point.text)) continue;
      for (std::string_view head : {". Areas for improvement", ". Priority and immediate action", ". Immediate action"}) {
        auto at = point.text.find(head);
        if (at != std::string::npos) {
          point.text.resize(at + 1);
          break;
        }
      }
    }
    // A heading with no points under it was a contents entry: try the next.
    if (!points.empty()) break;
  }
  return points;
}

}  // namespace cscwatch::parse
