// PDF -> pages of text, in process, with MuPDF's structured-text API.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "domain/result.h"
#include "reader/page.h"

namespace cscwatch {

struct PdfText {
  std::string sha256;  // hex digest of the file's bytes (read_file only)
  std::vector<Page> pages;
};

// Limits on what the reader accepts; documents beyond them are refused with a
// message rather than read (reports are untrusted input).
struct PdfLimits {
  std::size_t max_bytes = 256u << 20;  // 256 MiB
  int max_pages = 2000;
  std::size_t max_page_chars = 1u << 20;  // text kept per page
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
