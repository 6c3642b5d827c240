// The real reference data under CSCWATCH_DATA_DIR: where its files are, and
// whether the ones a test needs are there (tests skip when they are not).
#pragma once

#include <filesystem>
#include <string>

namespace cscwatch::testing {

inline std::string data_dir() {
  return CSCWATCH_DATA_DIR;
}
inline std::string reference_authorities_csv() {
  return data_dir() + "/reference/authorities.csv";
}
inline std::string corpus_pdf_dir() {
  return data_dir() + "/corpus/pdf";
}
inline std::string corpus_pdf(const std::string& file) {
  return corpus_pdf_dir() + "/" + file;
}

// The reference table and the corpus's PDFs, which the registers of the whole
// corpus are made from; false (with the reason in *why) when either is absent.
inline bool have_reference_and_corpus(std::string* why) {
  if (std::filesystem::exists(reference_authorities_csv()) && std::filesystem::exists(corpus_pdf_dir())) return true;
  if (why) *why = "shared corpus not found under " + data_dir() + " (set CSCWATCH_DATA_DIR)";
  return false;
}

// The reference table and Dudley's 2016 report, which the fetch tests serve.
inline bool have_reference_and_dudley() {
  return std::filesystem::exists(reference_authorities_csv()) &&
         std::filesystem::exists(corpus_pdf("80464-dudley_2016-04-05.pdf"));
}

}  // namespace cscwatch::testing
