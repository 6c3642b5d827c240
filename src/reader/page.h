// Text of a document page, as read from the PDF.
#pragma once

#include <string>
#include <vector>

namespace cscwatch {

// One line of text with its bounding box in PDF points (origin top-left).
struct TextLine {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;
};

struct Page {
  int number = 0;              // 1-based
  std::string text;            // lines in reading order; blocks separated by a blank line
  std::vector<TextLine> lines;  // same lines with positions
};

}  // namespace cscwatch
