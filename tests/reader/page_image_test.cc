// The page renderer on real corpus reports: the picture is a PNG of the
// page's size, and the boxes found for a judgement's words lie on the page and
// hold those words (checked by asking MuPDF for the text under each box).
// Bad input (not a PDF, a page past the end) fails with a message.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>

#include "common/pdf_file.h"
#include "reader/page_image.h"

namespace cscwatch {
namespace {

std::string corpus_pdf(const std::string& name) {
  std::ifstream in(std::string(CSCWATCH_DATA_DIR) + "/corpus/pdf/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int png_dimension(const std::string& png, size_t offset) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(png[offset + i]); };
  return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

// Norfolk's 2015 SIF report: page 1 prints the overall judgement "Inadequate".
constexpr const char* kNorfolk = "80418-norfolk_2015-10-20.pdf";

TEST(PageImage, RendersAPngOfThePagesSize) {
  std::string pdf = corpus_pdf(kNorfolk);
  if (pdf.empty()) GTEST_SKIP() << "corpus not found under " << CSCWATCH_DATA_DIR;
  PageRenderer renderer;
  auto page = renderer.render(pdf, 1);
  ASSERT_TRUE(page) << page.error();
  ASSERT_GT(page->png.size(), 1000u);
  EXPECT_EQ(page->png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  // IHDR: width and height at bytes 16 and 20.
  EXPECT_EQ(png_dimension(page->png, 16), page->geometry.width);
  EXPECT_EQ(png_dimension(page->png, 20), page->geometry.height);
  // A4 at 1.5 pixels per point.
  EXPECT_NEAR(page->geometry.width, 893, 3);
  EXPECT_NEAR(page->geometry.height, 1263, 3);
  EXPECT_GT(page->geometry.page_count, 10);
}

TEST(PageImage, BoxesOfAGradeLieOnThePageAndHoldItsWords) {
  std::string pdf = corpus_pdf(kNorfolk);
  if (pdf.empty()) GTEST_SKIP() << "corpus not found under " << CSCWATCH_DATA_DIR;
  PageRenderer renderer;
  auto located = renderer.locate(pdf, 1, {"Inadequate", "requires improvement", "Children looked after and achieving permanence",
                                         "no such words on this page"});
  ASSERT_TRUE(located) << located.error();
  ASSERT_EQ(located->phrases.size(), 4u);
  const auto& g = located->geometry;
  for (int i = 0; i < 3; ++i) {
    const PhraseBoxes& p = located->phrases[static_cast<size_t>(i)];
    ASSERT_GE(p.hits.size(), 1u) << p.phrase;
    const std::vector<PixelBox>& boxes = p.hits.front();
    ASSERT_GE(boxes.size(), 1u) << p.phrase;
    std::string under;
    for (const PixelBox& b : boxes) {
      EXPECT_GE(b.x0, 0);
      EXPECT_GE(b.y0, 0);
      EXPECT_LE(b.x1, g.width);
      EXPECT_LE(b.y1, g.height);
      // A word's box: wider than tall, a line's height at this scale.
      EXPECT_GT(b.width(), b.height()) << p.phrase;
      EXPECT_GT(b.height(), 8) << p.phrase;
      EXPECT_LT(b.height(), 60) << p.phrase;
      auto text = renderer.text_in_box(pdf, 1, b);
      ASSERT_TRUE(text) << text.error();
      under += lower(*text) + " ";
    }
    // Every word of the phrase is under its boxes.
    std::istringstream words(lower(p.phrase));
    for (std::string w; words >> w;) EXPECT_NE(under.find(w), std::string::npos) << w << " not under the boxes of " << p.phrase;
  }
  // The area's name is printed over two lines: one box per line.
  EXPECT_EQ(located->phrases[2].hits.size(), 1u);
  EXPECT_EQ(located->phrases[2].hits.front().size(), 2u);
  EXPECT_TRUE(located->phrases[3].hits.empty());
}

TEST(PageImage, APagePastTheEndOrAFileThatIsNoPdfFailsWithAMessage) {
  std::string pdf = corpus_pdf(kNorfolk);
  if (pdf.empty()) GTEST_SKIP() << "corpus not found under " << CSCWATCH_DATA_DIR;
  PageRenderer renderer;
  auto past = renderer.render(pdf, 999);
  ASSERT_FALSE(past);
  EXPECT_NE(past.error().find("no page 999"), std::string::npos) << past.error();
  EXPECT_FALSE(renderer.render(pdf, 0));
  auto html = renderer.render("<html><body>Not found</body></html>", 1);
  ASSERT_FALSE(html);
  EXPECT_NE(html.error().find("not a PDF"), std::string::npos) << html.error();
  auto cut = renderer.locate(pdf.substr(0, pdf.size() / 3), 1, {"Inadequate"});
  // A truncated file either fails or (MuPDF repairs it) still finds page 1;
  // never a crash.
  if (cut) {
    EXPECT_EQ(cut->phrases.size(), 1u);
  }
  // The renderer still works after the failures.
  EXPECT_TRUE(renderer.render(pdf, 2));
}

TEST(PageImage, AHostilePageStopsAtTheTimeOrMemoryLimit) {
  // A content stream of a million tiny filled rectangles: slow to draw.
  std::string content;
  for (int i = 0; i < 400000; ++i) content += "0 0 500 500 re f ";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
  };
  std::string pdf = cscwatch::testing::assemble_pdf(objects);
  PageImageLimits limits;
  limits.pdf.max_time = std::chrono::milliseconds(200);
  PageRenderer renderer(limits);
  auto started = std::chrono::steady_clock::now();
  auto r = renderer.render(pdf, 1);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  ASSERT_FALSE(r) << "rendered in " << ms << " ms";
  EXPECT_NE(r.error().find("time limit"), std::string::npos) << r.error();
  EXPECT_LT(ms, 3000);
}

}  // namespace
}  // namespace cscwatch
