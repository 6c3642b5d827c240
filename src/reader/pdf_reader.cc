#include "reader/pdf_reader.h"

#include "reader/mupdf_limits.h"

#include <mupdf/fitz.h>
#include <openssl/sha.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

namespace cscwatch {

namespace {

// What a non-PDF file looks like, for the error message.
std::string describe_non_pdf(std::string_view head) {
  std::string lower;
  for (char c : head.substr(0, 512)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  auto has = [&](std::string_view s) { return lower.find(s) != std::string::npos; };
  if (has("<!doctype html") || has("<html") || has("<head") || has("<body"))
    return "an HTML page saved under a .pdf name (typically a web server's error page from a failed download)";
  if (head.substr(0, 2) == "PK") return "a ZIP archive (perhaps a Word or Excel document)";
  if (head.substr(0, 4) == "\xD0\xCF\x11\xE0") return "a legacy Microsoft Office document";
  bool printable = true;
  for (char c : head.substr(0, 512)) {
    auto u = static_cast<unsigned char>(c);
    if (u < 9 || (u > 13 && u < 32)) printable = false;
  }
  return printable ? "a text file, not a PDF" : "binary data without a PDF header";
}

// MuPDF reports problems through callbacks; keep the latest warning so a
// failure can say more than "cannot open".
void on_warning(void* user, const char* message) {
  auto* last = static_cast<std::string*>(user);
  if (last->size() < 4096) {
    if (!last->empty()) *last += "; ";
    *last += message;
  }
}
void on_error(void* /*user*/, const char* /*message*/) {}

void append_utf8(std::string& out, int c) {
  char buf[8];
  int n = fz_runetochar(buf, c);
  out.append(buf, static_cast<size_t>(n));
}

// Cuts `s` to at most `n` bytes without splitting a UTF-8 sequence.
void truncate_utf8(std::string& s, std::size_t n) {
  if (s.size() <= n) return;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
}

// Walks a structured-text page into lines with boxes. Plain C++ with no MuPDF
// calls that can throw, so it runs outside fz_try. Text past max_chars is cut
// (the page keeps what fits, a line is cut mid-way) and a warning says so.
Page collect_page(fz_stext_page* stext, int number, std::size_t max_chars, std::vector<ReaderWarning>& warnings) {
  Page page;
  page.number = number;
  for (fz_stext_block* block = stext->first_block; block; block = block->next) {
    if (block->type != FZ_STEXT_BLOCK_TEXT) continue;
    bool block_has_text = false;
    for (fz_stext_line* line = block->u.t.first_line; line; line = line->next) {
      TextLine tl;
      tl.x0 = line->bbox.x0;
      tl.y0 = line->bbox.y0;
      tl.x1 = line->bbox.x1;
      tl.y1 = line->bbox.y1;
      std::size_t room = max_chars > page.text.size() + 2 ? max_chars - page.text.size() - 2 : 0;
      std::size_t full = 0;
      for (fz_stext_char* ch = line->first_char; ch; ch = ch->next) {
        if (tl.text.size() <= room) append_utf8(tl.text, ch->c);
        else ++full;  // only counted from here on
      }
      if (tl.text.size() > room || full > 0) {
        std::size_t original = tl.text.size() + full;  // bytes (and characters past the cut)
        truncate_utf8(tl.text, room);
        warnings.push_back({number, "text cut at the " + std::to_string(max_chars >> 10) +
                                        " KiB page limit (a line of at least " + std::to_string(original) +
                                        " bytes kept to " + std::to_string(tl.text.size()) +
                                        "; the rest of the page dropped)"});
        if (!tl.text.empty()) {
          page.text += tl.text;
          page.text += '\n';
          page.lines.push_back(std::move(tl));
        }
        return page;
      }
      page.text += tl.text;
      page.text += '\n';
      block_has_text = true;
      page.lines.push_back(std::move(tl));
    }
    if (block_has_text) page.text += '\n';
  }
  return page;
}

// Each wrapper makes MuPDF calls that may throw (longjmp) and writes results
// only through its pointer arguments, so no C++ local is live across a jump.
// They return MuPDF's message on failure, nullptr on success.
const char* try_open(fz_context* ctx, const std::string& bytes, fz_stream** stream, fz_document** doc) {
  fz_try(ctx) {
    *stream = fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    *doc = fz_open_document_with_stream(ctx, "application/pdf", *stream);
  }
  fz_catch(ctx) { return fz_caught_message(ctx); }
  return nullptr;
}

const char* try_count_pages(fz_context* ctx, fz_document* doc, int* count) {
  fz_try(ctx) { *count = fz_count_pages(ctx, doc); }
  fz_catch(ctx) { return fz_caught_message(ctx); }
  return nullptr;
}

// fz_new_stext_page_from_page_number, with a cookie (for the deadline).
const char* try_stext_page(fz_context* ctx, fz_document* doc, int index, const fz_stext_options* options,
                           fz_cookie* cookie, fz_stext_page** out) {
  fz_page* page = nullptr;
  fz_device* dev = nullptr;
  fz_var(page);
  fz_var(dev);
  fz_try(ctx) {
    page = fz_load_page(ctx, doc, index);
    *out = fz_new_stext_page(ctx, fz_bound_page(ctx, page));
    dev = fz_new_stext_device(ctx, *out, options);
    fz_run_page(ctx, page, dev, fz_identity, cookie);
    fz_close_device(ctx, dev);
  }
  fz_always(ctx) {
    fz_drop_device(ctx, dev);
    fz_drop_page(ctx, page);
  }
  fz_catch(ctx) { return fz_caught_message(ctx); }
  return nullptr;
}

}  // namespace

struct PdfReader::Impl {
  fz_context* ctx = nullptr;
  std::string warnings;
  MemoryBudget memory;
  fz_alloc_context alloc = budget_allocator(&memory);
};

PdfReader::PdfReader(PdfLimits limits) : impl_(new Impl), limits_(limits) {
  // The cache is part of the budget, so it gets at most a quarter of it.
  impl_->ctx = fz_new_context(&impl_->alloc, nullptr, std::min<std::size_t>(FZ_STORE_DEFAULT, limits.max_memory / 4));
  if (impl_->ctx) {
    fz_register_document_handlers(impl_->ctx);
    fz_set_warning_callback(impl_->ctx, on_warning, &impl_->warnings);
    fz_set_error_callback(impl_->ctx, on_error, nullptr);
  }
}

PdfReader::~PdfReader() {
  if (impl_->ctx) fz_drop_context(impl_->ctx);
  delete impl_;
}

Result<PdfText> PdfReader::read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Error{"cannot open file"};
  auto size = static_cast<std::size_t>(in.tellg());
  if (size > limits_.max_bytes)
    return Error{"file is " + std::to_string(size >> 20) + " MiB, over the " +
                 std::to_string(limits_.max_bytes >> 20) + " MiB limit"};
  std::string bytes(size, '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) return Error{"cannot read file"};
  auto text = read_bytes(bytes, path);
  if (text) text->sha256 = sha256_hex(bytes);
  return text;
}

Result<PdfText> PdfReader::read_bytes(const std::string& bytes, const std::string& /*name*/) {
  fz_context* ctx = impl_->ctx;
  if (!ctx) return Error{"cannot initialise MuPDF (out of memory)"};
  if (bytes.empty()) return Error{"empty file (0 bytes)"};
  if (bytes.size() > limits_.max_bytes) return Error{"file over the size limit"};
  std::string_view view(bytes);
  // A PDF starts with %PDF- within its first KiB.
  auto header = view.substr(0, 1024).find("%PDF-");
  if (header == std::string_view::npos) return Error{"not a PDF: the file is " + describe_non_pdf(view)};
  // A complete PDF ends with %%EOF (allowing trailing whitespace or padding).
  if (view.substr(view.size() > 2048 ? view.size() - 2048 : 0).find("%%EOF") == std::string_view::npos)
    return Error{"truncated PDF: no end-of-file marker (%%EOF) at the end; the file was cut short"};

  PdfText result;
  impl_->warnings.clear();
  // The budget is per document, on top of what the context holds already
  // (its cache, bounded, which MuPDF empties when an allocation fails).
  impl_->memory.limit = impl_->memory.used + limits_.max_memory;
  impl_->memory.exceeded = false;
  fz_cookie cookie{};
  Deadline deadline(&cookie, limits_.max_time);
  auto over_limit = [&]() -> std::string {
    if (impl_->memory.exceeded)
      return "over the memory limit of " + std::to_string(limits_.max_memory >> 20) +
             " MiB per document (the reader stopped it)";
    if (deadline.expired())
      return "over the time limit of " + std::to_string(limits_.max_time.count()) +
             " ms per document (the reader stopped it)";
    return {};
  };

  fz_stream* stream = nullptr;
  fz_document* doc = nullptr;
  std::string failure;
  if (const char* e = try_open(ctx, bytes, &stream, &doc)) {
    failure = e;
    if (doc) fz_drop_document(ctx, doc);
    if (stream) fz_drop_stream(ctx, stream);
    if (auto limit = over_limit(); !limit.empty()) return Error{"refused PDF: " + limit};
    return Error{"damaged PDF: " + failure};
  }
  if (fz_needs_password(ctx, doc)) {
    fz_drop_document(ctx, doc);
    fz_drop_stream(ctx, stream);
    return Error{"encrypted PDF: it needs a password to open"};
  }
  int page_count = 0;
  if (const char* e = try_count_pages(ctx, doc, &page_count)) failure = e;
  else if (page_count <= 0) failure = "no pages";
  else if (page_count > limits_.max_pages)
    failure = std::to_string(page_count) + " pages, over the limit of " + std::to_string(limits_.max_pages);
  fz_stext_options options{};
  for (int i = 0; failure.empty() && i < page_count; ++i) {
    fz_stext_page* stext = nullptr;
    if (const char* e = try_stext_page(ctx, doc, i, &options, &cookie, &stext)) {
      failure = "page " + std::to_string(i + 1) + ": " + e;
    }
    if (auto limit = over_limit(); !limit.empty()) failure = "page " + std::to_string(i + 1) + ": " + limit;
    if (stext) {
      if (failure.empty()) result.pages.push_back(collect_page(stext, i + 1, limits_.max_page_chars, result.warnings));
      fz_drop_stext_page(ctx, stext);
    }
  }
  fz_drop_document(ctx, doc);
  fz_drop_stream(ctx, stream);
  if (auto limit = over_limit(); !limit.empty() && failure.find(limit) == std::string::npos)
    failure = limit;
  if (!over_limit().empty()) return Error{"refused PDF: " + failure};
  if (!failure.empty()) {
    std::string message = "damaged PDF: " + failure;
    if (!impl_->warnings.empty()) message += " (" + impl_->warnings.substr(0, 300) + ")";
    return Error{message};
  }
  return result;
}

std::string sha256_hex(const std::string& bytes) {
  // OpenSSL's SHA-256 uses the CPU's SHA extensions where present: about ten
  // times MuPDF's portable fz_sha256 on this corpus (it hashes every file).
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out.push_back(hex[b >> 4]);
    out.push_back(hex[b & 15]);
  }
  return out;
}

}  // namespace cscwatch
