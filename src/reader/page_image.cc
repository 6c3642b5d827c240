#include "reader/page_image.h"

#include <mupdf/fitz.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "reader/mupdf_limits.h"

namespace cscwatch {

namespace {

void ignore_message(void* /*user*/, const char* /*message*/) {}

// What one page operation needs after the document is open and the page
// loaded: each does its MuPDF work in its own fz_try wrapper below.
struct OpenPage {
  fz_stream* stream = nullptr;
  fz_document* doc = nullptr;
  fz_page* page = nullptr;
  int page_count = 0;
};

// Each wrapper makes MuPDF calls that may throw (longjmp) and writes results
// only through its pointer arguments, so no C++ local is live across a jump.
// They return MuPDF's message on failure, nullptr on success.
const char* try_open_page(fz_context* ctx, const std::string& bytes, int index, OpenPage* out) {
  fz_try(ctx) {
    out->stream = fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    out->doc = fz_open_document_with_stream(ctx, "application/pdf", out->stream);
    if (fz_needs_password(ctx, out->doc)) fz_throw(ctx, FZ_ERROR_GENERIC, "encrypted PDF: it needs a password to open");
    out->page_count = fz_count_pages(ctx, out->doc);
    if (index >= 0 && index < out->page_count) out->page = fz_load_page(ctx, out->doc, index);
  }
  fz_catch(ctx) { return fz_caught_message(ctx); }
  return nullptr;
}

void close_page(fz_context* ctx, OpenPage& p) {
  fz_drop_page(ctx, p.page);
  fz_drop_document(ctx, p.doc);
  fz_drop_stream(ctx, p.stream);
  p = {};
}

const char* try_bound(fz_context* ctx, fz_page* page, fz_rect* bounds) {
  fz_try(ctx) { *bounds = fz_bound_page(ctx, page); }
  fz_catch(ctx) { return fz_caught_message(ctx); }
  return nullptr;
}

// The transform from page points to image pixels: the configured scale, or
// less for a page so large that it would pass the pixel budget. nullptr when
// the page has no usable size.
const char* page_transform(fz_rect bounds, float scale, std::size_t max_pixels, fz_matrix* ctm, fz_irect* area) {
  float w = bounds.x1 - bounds.x0, h = bounds.y1 - bounds.y0;
  if (!(w >= 1 && h >= 1) || w > 1e5f || h > 1e5f) return "the page has no usable size";
  double pixels = static_cast<double>(w) * h * scale * scale;
  if (pixels > static_cast<double>(max_pixels)) scale = static_cast<float>(std::sqrt(max_pixels / (static_cast<double>(w) * h)));
  *ctm = fz_scale(scale, scale);
  *area = fz_round_rect(fz_transform_rect(bounds, *ctm));
  return nullptr;
}

const char* try_draw_png(fz_context* ctx, fz_page* page, fz_matrix ctm, fz_irect area, fz_cookie* cookie, fz_buffer** png) {
  fz_pixmap* pix = nullptr;
  fz_device* dev = nullptr;
  fz_var(pix);
  fz_var(dev);
  fz_try(ctx) {
    pix = fz_new_pixmap_with_bbox(ctx, fz_device_rgb(ctx), area, nullptr, 0);
    fz_clear_pixmap_with_value(ctx, pix, 0xff);
    dev = fz_new_draw_device(ctx, ctm, pix);
    fz_run_page(ctx, page, dev, fz_identity, cookie);
    fz_close_device(ctx, dev);
    if (cookie->abort) fz_throw(ctx, FZ_ERROR_GENERIC, "drawing stopped");
    *png = fz_new_buffer_from_pixmap_as_png(ctx, pix, fz_default_color_params);
  }
  fz_always(ctx) {
    fz_drop_device(ctx, dev);
    fz_drop_pixmap(ctx, pix);
  }
  fz_catch(ctx) { return fz_caught_message(ctx); }
  return nullptr;
}

// The page's structured text in page points (the reader's own options).
const char* try_stext(fz_context* ctx, fz_page* page, fz_cookie* cookie, fz_stext_page** out) {
  fz_device* dev = nullptr;
  fz_var(dev);
  fz_try(ctx) {
    fz_stext_options options{};
    *out = fz_new_stext_page(ctx, fz_bound_page(ctx, page));
    dev = fz_new_stext_device(ctx, *out, &options);
    fz_run_page(ctx, page, dev, fz_identity, cookie);
    fz_close_device(ctx, dev);
  }
  fz_always(ctx) { fz_drop_device(ctx, dev); }
  fz_catch(ctx) { return fz_caught_message(ctx); }
  return nullptr;
}

const char* try_search(fz_context* ctx, fz_stext_page* stext, const char* needle, int* marks, fz_quad* quads, int max,
                       int* found) {
  fz_try(ctx) { *found = fz_search_stext_page(ctx, stext, needle, marks, quads, max); }
  fz_catch(ctx) { return fz_caught_message(ctx); }
  return nullptr;
}

const char* try_copy_rect(fz_context* ctx, fz_stext_page* stext, fz_rect area, char** out) {
  fz_try(ctx) { *out = fz_copy_rectangle(ctx, stext, area, 0); }
  fz_catch(ctx) { return fz_caught_message(ctx); }
  return nullptr;
}

PixelBox to_pixels(fz_rect r, fz_matrix ctm, fz_irect area) {
  fz_rect t = fz_transform_rect(r, ctm);
  PixelBox b;
  b.x0 = std::clamp(static_cast<int>(std::floor(t.x0)) - area.x0, 0, area.x1 - area.x0);
  b.y0 = std::clamp(static_cast<int>(std::floor(t.y0)) - area.y0, 0, area.y1 - area.y0);
  b.x1 = std::clamp(static_cast<int>(std::ceil(t.x1)) - area.x0, 0, area.x1 - area.x0);
  b.y1 = std::clamp(static_cast<int>(std::ceil(t.y1)) - area.y0, 0, area.y1 - area.y0);
  return b;
}

}  // namespace

struct PageRenderer::Impl {
  PageImageLimits limits;
  MemoryBudget memory;
  fz_alloc_context alloc = budget_allocator(&memory);
  fz_context* ctx = nullptr;

  // One page operation under the limits: opens the document, loads the page,
  // geometry, then `work` (which returns MuPDF's message or nullptr). The
  // error says which limit stopped it, or what was wrong with the file.
  template <typename Work>
  Result<PageGeometry> with_page(const std::string& bytes, int number, Work&& work) {
    if (!ctx) return Error{"cannot initialise MuPDF (out of memory)"};
    if (bytes.empty()) return Error{"the stored PDF is empty"};
    if (bytes.size() > limits.pdf.max_bytes) return Error{"the PDF is over the size limit"};
    if (std::string_view(bytes).substr(0, 1024).find("%PDF-") == std::string_view::npos)
      return Error{"the stored file is not a PDF"};
    memory.limit = memory.used + limits.pdf.max_memory;
    memory.exceeded = false;
    fz_cookie cookie{};
    Deadline deadline(&cookie, limits.pdf.max_time);
    OpenPage open;
    PageGeometry geometry;
    fz_matrix ctm = fz_identity;
    fz_irect area{};
    fz_rect bounds{};
    std::string failure;
    if (const char* e = try_open_page(ctx, bytes, number - 1, &open)) failure = e;
    else if (open.page_count > limits.pdf.max_pages) failure = "too many pages";
    else if (!open.page)
      failure = "there is no page " + std::to_string(number) + " (the document has " + std::to_string(open.page_count) + ")";
    else if (const char* b = try_bound(ctx, open.page, &bounds)) failure = b;
    else if (const char* g = page_transform(bounds, limits.scale, limits.max_pixels, &ctm, &area)) failure = g;
    else if (const char* w = work(open.page, ctm, area, &cookie)) failure = w;
    geometry.page_count = open.page_count;
    geometry.width = area.x1 - area.x0;
    geometry.height = area.y1 - area.y0;
    geometry.scale = ctm.a;
    close_page(ctx, open);
    if (memory.exceeded)
      return Error{"page " + std::to_string(number) + ": over the memory limit of " +
                   std::to_string(limits.pdf.max_memory >> 20) + " MiB (the renderer stopped it)"};
    if (deadline.expired())
      return Error{"page " + std::to_string(number) + ": over the time limit of " +
                   std::to_string(limits.pdf.max_time.count()) + " ms (the renderer stopped it)"};
    if (!failure.empty()) return Error{failure};
    return geometry;
  }
};

PageRenderer::PageRenderer(PageImageLimits limits) : impl_(new Impl) {
  impl_->limits = limits;
  // MuPDF's cache (fonts, images) counts against the budget. Each call opens
  // its document afresh, so little of it is reused: 32 MiB at most, as every
  // server worker thread has its own renderer.
  impl_->ctx = fz_new_context(&impl_->alloc, nullptr, std::min<std::size_t>(limits.pdf.max_memory / 4, 32u << 20));
  if (impl_->ctx) {
    fz_register_document_handlers(impl_->ctx);
    fz_set_warning_callback(impl_->ctx, ignore_message, nullptr);
    fz_set_error_callback(impl_->ctx, ignore_message, nullptr);
  }
}

PageRenderer::~PageRenderer() {
  if (impl_->ctx) fz_drop_context(impl_->ctx);
  delete impl_;
}

Result<RenderedPage> PageRenderer::render(const std::string& pdf, int page) {
  fz_context* ctx = impl_->ctx;
  RenderedPage out;
  auto geometry = impl_->with_page(pdf, page, [&](fz_page* p, fz_matrix ctm, fz_irect area, fz_cookie* cookie) -> const char* {
    fz_buffer* png = nullptr;
    const char* e = try_draw_png(ctx, p, ctm, area, cookie, &png);
    if (png) {
      unsigned char* data = nullptr;
      size_t n = fz_buffer_storage(ctx, png, &data);
      out.png.assign(reinterpret_cast<const char*>(data), n);
      fz_drop_buffer(ctx, png);
    }
    return e;
  });
  if (!geometry) return Error{geometry.error()};
  out.geometry = *geometry;
  return out;
}

Result<LocatedPhrases> PageRenderer::locate(const std::string& pdf, int page, const std::vector<std::string>& phrases) {
  fz_context* ctx = impl_->ctx;
  LocatedPhrases out;
  const int max = std::max(1, impl_->limits.max_hits_per_phrase);
  std::vector<fz_quad> quads(static_cast<size_t>(max));
  std::vector<int> marks(static_cast<size_t>(max));
  auto geometry = impl_->with_page(pdf, page, [&](fz_page* p, fz_matrix ctm, fz_irect area, fz_cookie* cookie) -> const char* {
    fz_stext_page* stext = nullptr;
    const char* e = try_stext(ctx, p, cookie, &stext);
    for (size_t i = 0; !e && i < phrases.size(); ++i) {
      PhraseBoxes boxes;
      boxes.phrase = phrases[i];
      int found = 0;
      // MuPDF compares case-insensitively and treats any run of spaces and a
      // line break alike; an empty needle would match nothing useful.
      if (!phrases[i].empty()) e = try_search(ctx, stext, phrases[i].c_str(), marks.data(), quads.data(), max, &found);
      for (int q = 0; !e && q < found; ++q) {
        if (marks[static_cast<size_t>(q)] || boxes.hits.empty()) boxes.hits.emplace_back();
        PixelBox b = to_pixels(fz_rect_from_quad(quads[static_cast<size_t>(q)]), ctm, area);
        if (b.width() > 0 && b.height() > 0) boxes.hits.back().push_back(b);
      }
      out.phrases.push_back(std::move(boxes));
    }
    fz_drop_stext_page(ctx, stext);
    return e;
  });
  if (!geometry) return Error{geometry.error()};
  out.geometry = *geometry;
  return out;
}

Result<std::string> PageRenderer::text_in_box(const std::string& pdf, int page, const PixelBox& box) {
  fz_context* ctx = impl_->ctx;
  std::string text;
  auto geometry = impl_->with_page(pdf, page, [&](fz_page* p, fz_matrix ctm, fz_irect area, fz_cookie* cookie) -> const char* {
    fz_stext_page* stext = nullptr;
    const char* e = try_stext(ctx, p, cookie, &stext);
    if (!e) {
      fz_rect pixels{static_cast<float>(box.x0 + area.x0), static_cast<float>(box.y0 + area.y0),
                     static_cast<float>(box.x1 + area.x0), static_cast<float>(box.y1 + area.y0)};
      char* copied = nullptr;
      e = try_copy_rect(ctx, stext, fz_transform_rect(pixels, fz_invert_matrix(ctm)), &copied);
      if (copied) {
        text = copied;
        fz_free(ctx, copied);
      }
    }
    fz_drop_stext_page(ctx, stext);
    return e;
  });
  if (!geometry) return Error{geometry.error()};
  return text;
}

}  // namespace cscwatch
