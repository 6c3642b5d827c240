// Developer aid, disabled by default: prints the reader's lines of one PDF with
// page, block and position, to study a layout the parsers misread.
//   CSCWATCH_DUMP=/path/file.pdf parse_tests --gtest_also_run_disabled_tests --gtest_filter='*DumpLines*'
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "reader/pdf_reader.h"

namespace cscwatch {
namespace {

TEST(DevTools, DISABLED_DumpLines) {
  const char* path = std::getenv("CSCWATCH_DUMP");
  if (!path) GTEST_SKIP() << "set CSCWATCH_DUMP to a PDF path";
  PdfReader reader;
  auto text = reader.read_file(path);
  ASSERT_TRUE(text.ok()) << text.error();
  const int max_page = std::getenv("CSCWATCH_DUMP_PAGES") ? std::atoi(std::getenv("CSCWATCH_DUMP_PAGES")) : 3;
  for (const auto& page : text->pages) {
    if (page.number > max_page) break;
    for (const auto& line : page.lines)
      std::printf("p%d [%6.1f %6.1f %6.1f %6.1f] %s\n", page.number, line.x0, line.y0, line.x1, line.y1,
                  line.text.c_str());
    std::printf("---- text of page %d ----\n%s\n", page.number, page.text.c_str());
  }
}

}  // namespace
}  // namespace cscwatch
