#include "store/corrections.h"

#include <algorithm>
#include <cctype>

#include "store/inspection_rows.h"

namespace cscwatch {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() <= 12 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool all_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c); });
}

}  // namespace

Result<int64_t> find_document(const Connection& db, std::string_view reference) {
  if (reference.empty()) return Error{"no document named"};
  std::vector<int64_t> ids;
  if (all_digits(reference)) {
    auto q = db.prepare("SELECT id FROM documents WHERE id = ?");
    q.bind(1, static_cast<int64_t>(std::stoll(std::string(reference))));
    if (q.step()) return q.integer(0);
  }
  {
    auto q = db.prepare("SELECT id FROM documents WHERE file_name = ? ORDER BY id");
    q.bind(1, reference);
    while (q.step()) ids.push_back(q.integer(0));
  }
  if (ids.empty() && reference.size() >= 8 && reference.size() <= 64 && all_hex(reference)) {
    std::string prefix(reference);
    std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](unsigned char c) { return std::tolower(c); });
    auto q = db.prepare("SELECT id FROM documents WHERE substr(sha256, 1, ?) = ? ORDER BY id");
    q.bind(1, static_cast<int64_t>(prefix.size())).bind(2, prefix);
    while (q.step()) ids.push_back(q.integer(0));
  }
  if (ids.empty())
    return Error{"no document '" + std::string(reference) + "' in the register (give its id, file name or SHA-256)"};
  if (ids.size() > 1)
    return Error{std::to_string(ids.size()) + " documents match '" + std::string(reference) +
                 "'; give the id or the SHA-256 instead"};
  return ids.front();
}

Result<Correction> record_correction(Connection& db, const CorrectionRequest& request) {
  const CorrectionValue value = normalise_correction_value(request.field, request.value);
  if (!value.error.empty()) return Error{value.error};
  if (request.page < 0) return Error{"--page must be a page number"};
  if (request.note.size() > 2000) return Error{"the note is longer than 2000 bytes"};
  try {
    auto rows = query_inspections(db, InspectionFilter::of_document(request.document_id));
    if (rows.empty()) return Error{"no document " + std::to_string(request.document_id) + " in the register"};
    const InspectionRow& row = rows.front();
    if (request.page > row.page_count)
      return Error{"the document has " + std::to_string(row.page_count) + " pages, not " + std::to_string(request.page)};
    if (request.field == "authority") {
      auto a = db.prepare("SELECT 1 FROM authorities WHERE urn = ?");
      a.bind(1, value.stored);
      if (!a.step()) return Error{"no authority with URN " + value.stored + " in the reference table"};
    }
    // What the extractor read, not an earlier correction's value.
    std::string extracted = request.field == "authority" ? row.authority_urn_extracted : field_value(row, request.field);
    if (const Correction* earlier = row.correction(request.field)) extracted = earlier->extracted;
    Correction c{request.field, value.stored,  extracted, request.page, request.note, request.corrected_by, ""};
    Transaction tx(db);
    db.prepare(R"sql(INSERT INTO corrections(sha256, field, value, extracted, page, note, corrected_by, corrected_at)
        VALUES (?,?,?,?,?,?,?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))
        ON CONFLICT(sha256, field) DO UPDATE SET value = excluded.value, page = excluded.page, note = excluded.note,
          corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at)sql")
        .bind(1, row.sha256).bind(2, c.field).bind(3, c.value).bind(4, c.extracted).bind(5, c.page).bind(6, c.note)
        .bind(7, c.corrected_by)
        .run();
    tx.commit();
    for (const auto& stored : corrections_of(db, request.document_id))
      if (stored.field == c.field) return stored;
    return c;
  } catch (const SqlError& e) {
    return Error{std::string("cannot store the correction: ") + e.what()};
  }
}

std::vector<Correction> corrections_of(const Connection& db, int64_t document_id) {
  auto q = db.prepare(R"sql(
    SELECT c.field, c.value, c.extracted, c.page, c.note, c.corrected_by, c.corrected_at
    FROM corrections c JOIN documents d ON d.sha256 = c.sha256 WHERE d.id = ? ORDER BY c.field)sql");
  q.bind(1, document_id);
  std::vector<Correction> out;
  while (q.step())
    out.push_back({q.text(0), q.text(1), q.text(2), static_cast<int>(q.integer(3)), q.text(4), q.text(5), q.text(6)});
  return out;
}

}  // namespace cscwatch
