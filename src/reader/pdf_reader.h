// PDF -> pages of text, in process, with MuPDF's structured-text API.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "domain/result.h"
#include "reader/page.h"

namespace cscwatch {

// Something the reader changed to keep within its limits while still reading
// the document (e.g. a line cut short), and the page it happened on.
struct ReaderWarning {
  int page = 0;  // 1-based
  std::string message;
};

struct PdfText {
  std::string sha256;  // hex digest of the file's bytes (read_file only)
  std::vector<Page> pages;
  // What the reader changed to stay within its limits; the caller decides
  // whether to flag the document.
  std::vector<ReaderWarning> warnings;
};

// Limits on what the reader accepts; documents beyond them are refused with a
// message rather than read (reports are untrusted input).
struct PdfLimits {
  std::size_t max_bytes = 256u << 20;  // 256 MiB
  int max_pages = 2000;
  std::size_t max_page_chars = 1u << 20;  // text kept per page (a longer line is cut, with a warning)
  // Per document: MuPDF's memory (counted by the context's allocator, the
  // cache included) and the time spent interpreting it. A document past
  // either fails with a message naming the limit; the batch goes on.
  std::size_t max_memory = 512u << 20;  // 512 MiB
  std::chrono::milliseconds max_time{60000};
};

// Reads PDFs. Not thread-safe: each thread owns its own PdfReader (one MuPDF
// context per thread, as MuPDF requires).
class PdfReader {
 public:
  explicit PdfReader(PdfLimits limits = {});
  ~PdfReader();
  PdfReader(const PdfReader&) = delete;
  PdfReader& operator=(const PdfReader&) = delete;

  // Reads the file at `path`. Errors say what was wrong with the file: empty,
  // not a PDF (with what it looks like instead, e.g. an HTML page), truncated,
  // encrypted, damaged, too large.
  Result<PdfText> read_file(const std::string& path);

  // Same for bytes already in memory (sha256 left empty: the caller has the
  // bytes and hashes them once); `name` is used in messages only.
  Result<PdfText> read_bytes(const std::string& bytes, const std::string& name);

 private:
  struct Impl;
  Impl* impl_;
  PdfLimits limits_;
};

// Hex SHA-256 of a byte string.
std::string sha256_hex(const std::string& bytes);

}  // namespace cscwatch
