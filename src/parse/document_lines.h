// A document as the parsers walk it: the non-blank lines of every page in
// reading order, each with its page, its block (runs of lines between blank
// lines in the reader's text) and a normalised copy for matching.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reader/page.h"

namespace cscwatch::parse {

struct DocLine {
  int page = 0;      // 1-based page number
  int block = 0;     // increases at every blank line and page break
  std::string text;  // clean_text of the line (case kept)
  std::string norm;  // normalise of the line
  bool bullet = false;  // the printed line began with a bullet glyph (dropped from text)
  // The line's box on the page (PDF points, origin top-left) when the page
  // gives positions (Page::lines); has_box false otherwise.
  bool has_box = false;
  float x0 = 0, y0 = 0, x1 = 0;
};

struct DocumentLines {
  std::vector<DocLine> lines;
  // Index of the first line of each page number p at first_line[p] (size pages+2;
  // first_line[p+1] is one past its last line).
  std::vector<size_t> first_line;
  int page_count = 0;
  // Per page (index p, 1-based; [0] unused): its lines have boxes that start
  // at more than one left edge, so positions carry the layout (a grade column
  // right of the labels). Text given without real positions (every line at
  // one made-up edge) has none, and rules fall back to the reading order.
  std::vector<bool> has_layout;

  // Lines of pages [from, to] (1-based, inclusive) as an index range.
  size_t begin_of(int page) const;
  size_t end_of(int page) const;
};

// Bounded: at most kMaxLinesPerPage lines per page and kMaxLineChars characters
// per line are kept, so a hostile page cannot make rules quadratic.
inline constexpr size_t kMaxLinesPerPage = 4000;
inline constexpr size_t kMaxLineChars = 1000;

DocumentLines split_lines(const std::vector<Page>& pages);

// Joins the `text` of lines [from, to) with single spaces.
std::string join_text(const DocumentLines& doc, size_t from, size_t to);
std::string join_norm(const DocumentLines& doc, size_t from, size_t to);

// True if `raw` (reader text) starts with a bullet glyph: ◼ ● • ▪ ■ or a
// private-use Symbol-font bullet.
bool starts_with_bullet(std::string_view raw);

// True for a line that is only a page number or running-header noise.
bool is_page_number(const DocLine& line);

}  // namespace cscwatch::parse
