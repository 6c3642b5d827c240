#include "parse/document_lines.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {
// Left edges further apart than this (PDF points) are different positions on
// the page, not rounding.
constexpr float kDistinctEdge = 20;
}  // namespace

size_t DocumentLines::begin_of(int page) const {
  if (page < 1) page = 1;
  if (page > page_count) return lines.size();
  return first_line[static_cast<size_t>(page)];
}

size_t DocumentLines::end_of(int page) const {
  if (page < 1) return begin_of(1);
  if (page >= page_count) return lines.size();
  return first_line[static_cast<size_t>(page) + 1];
}

DocumentLines split_lines(const std::vector<Page>& pages) {
  DocumentLines doc;
  doc.page_count = static_cast<int>(pages.size());
  doc.first_line.assign(pages.size() + 2, 0);
  doc.has_layout.assign(pages.size() + 1, false);
  int block = 0;
  for (size_t p = 0; p < pages.size(); ++p) {
    doc.first_line[p + 1] = doc.lines.size();
    ++block;
    std::string_view text = pages[p].text;
    // Page::lines holds the text's lines in the same order, with their boxes.
    const std::vector<TextLine>& boxes = pages[p].lines;
    size_t next_box = 0;
    float min_x0 = 0, max_x0 = 0;
    bool any_box = false;
    size_t kept = 0;
    size_t pos = 0;
    while (pos <= text.size() && kept < kMaxLinesPerPage) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view raw = text.substr(pos, std::min(nl - pos, kMaxLineChars * 4));
      pos = nl + 1;
      const TextLine* box = nullptr;
      // A raw line cut at the length bound still matches its box's text.
      if (next_box < boxes.size() && starts_with(boxes[next_box].text, raw) &&
          (raw.empty() == boxes[next_box].text.empty()))
        box = &boxes[next_box++];
      std::string cleaned = clean_text(raw);
      if (cleaned.size() > kMaxLineChars) cleaned.resize(kMaxLineChars);
      if (cleaned.empty()) {
        ++block;
        continue;
      }
      DocLine line;
      line.page = static_cast<int>(p) + 1;
      line.block = block;
      line.norm = normalise(cleaned);
      line.bullet = starts_with_bullet(trim(raw));
      line.text = std::move(cleaned);
      if (box) {
        line.has_box = true;
        line.x0 = box->x0;
        line.y0 = box->y0;
        line.x1 = box->x1;
        min_x0 = any_box ? std::min(min_x0, box->x0) : box->x0;
        max_x0 = any_box ? std::max(max_x0, box->x0) : box->x0;
        any_box = true;
      }
      doc.lines.push_back(std::move(line));
      ++kept;
      if (nl == text.size()) break;
    }
    doc.has_layout[p + 1] = any_box && max_x0 - min_x0 > kDistinctEdge;
  }
  doc.first_line[pages.size() + 1] = doc.lines.size();
  return doc;
}

std::string join_text(const DocumentLines& doc, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < doc.lines.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out += doc.lines[i].text;
  }
  return out;
}

std::string join_norm(const DocumentLines& doc, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < doc.lines.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out += doc.lines[i].norm;
  }
  return out;
}

bool starts_with_bullet(std::string_view raw) {
  for (std::string_view glyph : {"\u25FC", "\u25CF", "\u2022", "\u25AA", "\u25A0", "\u25E6", "\u2023", "\u2043"})
    if (starts_with(raw, glyph)) return true;
  // Symbol and Wingdings bullets come through as private-use code points.
  return is_private_use_at(raw, 0);
}

bool is_page_number(const DocLine& line) {
  if (line.norm.empty() || line.norm.size() > 4) return false;
  return std::all_of(line.norm.begin(), line.norm.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace cscwatch::parse
