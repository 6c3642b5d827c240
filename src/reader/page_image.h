// One page of a stored PDF as a picture, and where given words stand on it:
// MuPDF draws the page to PNG, and its structured text (the same one the
// reader extracts text from) gives the boxes of the words, in the image's
// pixels. The renderer never draws highlights into the image: the boxes are
// returned as data and overlaid in HTML, so that one cached image serves every
// fact on the page, and the page's text stays text for search and screen
// readers (see src/pages/page_image_page.cc).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "domain/result.h"
#include "reader/pdf_reader.h"

namespace cscwatch {

// A rectangle on the rendered image, in pixels, origin top-left.
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
};

// The page as drawn: its size in pixels at the scale used.
struct PageGeometry {
  int page_count = 0;  // pages in the document
  int width = 0, height = 0;
  float scale = 0;  // pixels per PDF point
};

struct RenderedPage {
  PageGeometry geometry;
  std::string png;
};

// Every occurrence of one phrase on the page (case and spacing ignored, across
// line breaks too), each as one rectangle per line it covers.
struct PhraseBoxes {
  std::string phrase;
  std::vector<std::vector<PixelBox>> hits;
};

struct LocatedPhrases {
  PageGeometry geometry;
  std::vector<PhraseBoxes> phrases;  // in the order asked
};

struct PageImageLimits {
  PdfLimits pdf{.max_bytes = 256u << 20, .max_pages = 2000, .max_page_chars = 1u << 20, .max_memory = 256u << 20,
                .max_time = std::chrono::milliseconds(10000)};
  // 1.5 pixels per point (108 dpi): an A4 page is 893 x 1263, legible on a
  // desk and zoomable on a phone, about 150-400 KB of PNG.
  float scale = 1.5f;
  // A page with an absurd media box is drawn smaller, never bigger than this.
  std::size_t max_pixels = 6'000'000;
  int max_hits_per_phrase = 64;
};

// Not thread-safe (one MuPDF context): each thread owns its own.
class PageRenderer {
 public:
  explicit PageRenderer(PageImageLimits limits = {});
  ~PageRenderer();
  PageRenderer(const PageRenderer&) = delete;
  PageRenderer& operator=(const PageRenderer&) = delete;

  // `page` is 1-based. Errors name the problem (not a PDF, damaged, page out
  // of range, over the memory or time limit).
  Result<RenderedPage> render(const std::string& pdf, int page);
  Result<LocatedPhrases> locate(const std::string& pdf, int page, const std::vector<std::string>& phrases);

  // The text MuPDF reads inside a box of a page rendered at `scale` (for
  // checking a box: it must hold the words it was found for).
  Result<std::string> text_in_box(const std::string& pdf, int page, const PixelBox& box);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace cscwatch
