// Corrections by a person, stored apart from the extracted values (see
// domain/correction.h) and keyed by the document's content hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/correction.h"
#include "domain/result.h"
#include "store/sqlite.h"

namespace cscwatch {

// A document named by its id, its file name, or its SHA-256 (or a prefix of
// at least 8 hex digits). The error says whether none or several matched.
Result<int64_t> find_document(const Connection& db, std::string_view reference);

struct CorrectionRequest {
  int64_t document_id = 0;
  std::string field;
  std::string value;
  int page = 0;
  std::string note;
  std::string corrected_by;
};

// Validates and stores (or replaces) the correction of one field, recording
// what the extractor read at the time. Idempotent for the same request.
Result<Correction> record_correction(Connection& db, const CorrectionRequest& request);

// Every correction of the document, by field.
std::vector<Correction> corrections_of(const Connection& db, int64_t document_id);

}  // namespace cscwatch
