#include "reader/pdf_reader.h"

#include <mupdf/fitz.h>
#include <openssl/sha.h>

#include <cstdio>
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

// Walks a structured-text page into lines with boxes. Plain C++ with no MuPDF
// calls that can throw, so it runs outside fz_try.
Page collect_page(fz_stext_page* stext, int number, std::size_t max_chars) {
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
      for (fz_stext_char* ch = line->first_char; ch; ch = ch->next) append_utf8(tl.text, ch->c);
      if (page.text.size() + tl.text.size() + 2 > max_chars) return page;
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

const char* try_stext_page(fz_context* ctx, fz_document* doc, int index, const fz_stext_options* options,
                           fz_stext_page** out) {
  fz_try(ctx) { *out = fz_new_stext_page_from_page_number(ctx, doc, index, options); }
  fz_catch(ctx) { return fz_caught_message(ctx); }
  return nullptr;
}

}  // namespace

struct PdfReader::Impl {
  fz_context* ctx = nullptr;
  std::string warnings;
};

PdfReader::PdfReader(PdfLimits limits) : impl_(new Impl), limits_(limits) {
  impl_->ctx = fz_new_context(nullptr, nullptr, FZ_STORE_DEFAULT);
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

  fz_stream* stream = nullptr;
  fz_document* doc = nullptr;
  std::string failure;
  if (const char* e = try_open(ctx, bytes, &stream, &doc)) {
    failure = e;
    if (doc) fz_drop_document(ctx, doc);
    if (stream) fz_drop_stream(ctx, stream);
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
    if (const char* e = try_stext_page(ctx, doc, i, &options, &stext)) {
      failure = "page " + std::to_string(i + 1) + ": " + e;
    }
    if (stext) {
      result.pages.push_back(collect_page(stext, i + 1, limits_.max_page_chars));
      fz_drop_stext_page(ctx, stext);
    }
  }
  fz_drop_document(ctx, doc);
  fz_drop_stream(ctx, stream);
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
