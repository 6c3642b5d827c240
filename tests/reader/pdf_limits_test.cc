// The reader's per-document limits, on hostile PDFs built here byte by byte:
// a content stream that inflates to a huge run of operators must fail with a
// message naming the memory or time limit (and the next document still
// reads), and an over-long line is cut, not dropped with its page.
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <string>
#include <vector>

#include "common/pdf_file.h"
#include "reader/pdf_reader.h"

namespace cscwatch {
namespace {

// A one-page PDF whose page content is `content` (Flate-compressed when
// `deflate`), with Helvetica as /F1, and a correct cross-reference table.
std::string make_pdf(const std::string& content, bool deflate) {
  std::string stream = content;
  std::string filter;
  if (deflate) {
    uLongf size = compressBound(static_cast<uLong>(content.size()));
    stream.resize(size);
    EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(stream.data()), &size,
                        reinterpret_cast<const Bytef*>(content.data()), static_cast<uLong>(content.size()), 1),
              Z_OK);
    stream.resize(size);
    filter = " /Filter /FlateDecode";
  }
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
      "<< /Length " + std::to_string(stream.size()) + filter + " >>\nstream\n" + stream + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  return cscwatch::testing::assemble_pdf(objects, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
}

std::string repeat(const std::string& s, size_t bytes) {
  std::string out;
  out.reserve(bytes + s.size());
  while (out.size() < bytes) out += s;
  return out;
}

std::string plain_pdf() { return make_pdf("BT /F1 12 Tf 72 700 Td (Childrens services are good) Tj ET", false); }

TEST(PdfLimits, InflatingContentStreamFailsOnTheMemoryLimitAndTheNextDocumentReads) {
  // 256 MiB of "q " (graphics state saves) compressed to a few hundred KiB:
  // the interpreter's state stack grew without bound (23.9 GB for 1 GiB).
  std::string hostile = make_pdf(repeat("q ", 256u << 20), true);
  ASSERT_LT(hostile.size(), 2u << 20);
  PdfLimits limits;
  limits.max_memory = 64u << 20;
  PdfReader reader(limits);
  auto started = std::chrono::steady_clock::now();
  auto r = reader.read_bytes(hostile, "hostile.pdf");
  ASSERT_FALSE(r) << "read " << r->pages.size() << " pages";
  EXPECT_NE(r.error().find("memory limit of 64 MiB"), std::string::npos) << r.error();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
  // The batch goes on: the same reader reads the next document.
  auto ok = reader.read_bytes(plain_pdf(), "plain.pdf");
  ASSERT_TRUE(ok) << ok.error();
  EXPECT_NE(ok->pages.at(0).text.find("Childrens services are good"), std::string::npos);
}

TEST(PdfLimits, EndlessOperatorsFailOnTheTimeLimit) {
  // Operators that allocate nothing: only the deadline stops them.
  std::string hostile = make_pdf(repeat("q Q ", 200u << 20), true);
  PdfLimits limits;
  limits.max_time = std::chrono::milliseconds(200);
  PdfReader reader(limits);
  auto started = std::chrono::steady_clock::now();
  auto r = reader.read_bytes(hostile, "slow.pdf");
  auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("time limit of 200 ms"), std::string::npos) << r.error();
  EXPECT_LT(took, std::chrono::seconds(3));
  auto ok = reader.read_bytes(plain_pdf(), "plain.pdf");
  ASSERT_TRUE(ok) << ok.error();
}

TEST(PdfLimits, OverlongLineIsCutNotDroppedWithItsPage) {
  std::string word = repeat("abcdefghij", 5000);
  std::string pdf = make_pdf("BT /F1 1 Tf 10 700 Td (" + word + ") Tj ET", false);
  PdfLimits limits;
  limits.max_page_chars = 1000;
  PdfReader reader(limits);
  auto r = reader.read_bytes(pdf, "long-line.pdf");
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->pages.size(), 1u);
  EXPECT_FALSE(r->pages[0].text.empty()) << "the page kept what fits";
  EXPECT_LE(r->pages[0].text.size(), 1000u);
  EXPECT_EQ(r->pages[0].text.substr(0, 20), "abcdefghijabcdefghij");
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].page, 1);
  EXPECT_NE(r->warnings[0].message.find("text cut"), std::string::npos) << r->warnings[0].message;
}

TEST(PdfLimits, OrdinaryDocumentHasNoWarnings) {
  PdfReader reader;
  auto r = reader.read_bytes(plain_pdf(), "plain.pdf");
  ASSERT_TRUE(r) << r.error();
  EXPECT_TRUE(r->warnings.empty());
}

}  // namespace
}  // namespace cscwatch
