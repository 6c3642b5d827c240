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

#include "domain/date.h"
#include "domain/grade.h"
#include "parse/document_parser.h"

namespace cscwatch {
namespace {

// Developer aid, disabled by default: prints the record parsed from CSCWATCH_DUMP.
TEST(DevTools, DISABLED_DumpRecord) {
  const char* path = std::getenv("CSCWATCH_DUMP");
  if (!path) GTEST_SKIP() << "set CSCWATCH_DUMP to a PDF path";
  PdfReader reader;
  auto text = reader.read_file(path);
  ASSERT_TRUE(text.ok()) << text.error();
  auto r = parse_inspection_document(text->pages);
  ASSERT_TRUE(r.ok()) << r.error();
  std::printf("kind=%s framework=%s type=%s inferred=%d\nauthority='%s' p%d\n", std::string(to_string(r->kind)).c_str(),
              std::string(to_string(r->framework)).c_str(), std::string(to_string(r->type)).c_str(), r->type_inferred,
              r->authority_printed.value.c_str(), r->authority_printed.page);
  if (r->start) std::printf("start=%s end=%s\n", to_iso(r->start->value).c_str(), to_iso(r->end->value).c_str());
  if (r->published) std::printf("published=%s\n", to_iso(r->published->value).c_str());
  if (r->lead_inspector) std::printf("lead='%s' p%d\n", r->lead_inspector->value.c_str(), r->lead_inspector->page);
  for (const auto& j : r->judgements)
    std::printf("  %s = %s | '%s' | '%s' p%d\n", std::string(to_string(j.area)).c_str(),
                j.grade ? std::string(to_string(*j.grade)).c_str() : "-", j.printed_label.c_str(),
                j.printed_grade.c_str(), j.page);
  if (r->headline) std::printf("headline p%d: %s\n", r->headline->page, r->headline->value.c_str());
  for (const auto& p : r->improvement_points) std::printf("  * p%d %s\n", p.page, p.text.c_str());
}

}  // namespace
}  // namespace cscwatch
