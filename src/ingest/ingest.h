// Ingest: files -> reader -> parser -> register, on every core, one
// transaction per document. A bad file is reported and skipped; the rest of
// the batch goes on.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "domain/authority_directory.h"
#include "parse/parse_options.h"
#include "reader/reference_tables.h"
#include "store/register.h"

namespace cscwatch {

struct IngestFailure {
  std::string path;
  std::string reason;
};

struct IngestSummary {
  int files = 0;
  int ingested = 0;   // newly stored, or re-parsed by a newer parser
  int unchanged = 0;  // same content already stored by this parser version
  int failed = 0;
  int needs_review = 0;  // of `ingested`: stored with review items (domain/completeness.h)
  std::vector<IngestFailure> failures;
  std::vector<IngestFailure> flagged;  // path and what needs review
  double seconds = 0;
};

struct IngestOptions {
  int threads = 2;
  // The parser's rules; tests turn one off to show what it leaves flagged.
  ParseOptions parse_options;
  // Called on the writing thread after each file (done, total, file path).
  std::function<void(int, int, const std::string&)> on_progress;
};

// Files named by `paths`: each file as given, folders searched recursively
// for *.pdf (sorted, so batches are reproducible). Paths that do not exist
// are returned as failures.
std::vector<std::string> collect_pdf_files(const std::vector<std::string>& paths,
                                           std::vector<IngestFailure>& missing);

// Ingests `files` into `reg`. Authorities are resolved with `directory`.
// Publication dates missing from a report are taken from a listing
// (manifest.tsv) found beside the file or in its parent folder, with
// published_source "manifest".
IngestSummary ingest_files(Register& reg, const AuthorityDirectory& directory,
                           const std::vector<std::string>& files, const IngestOptions& options = {});

}  // namespace cscwatch
