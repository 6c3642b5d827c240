#include "analysis/register_fingerprint.h"

#include <sqlite3.h>

namespace cscwatch {

std::string register_fingerprint(const Connection& db) {
  // The file too: one process may read several registers (the tests do).
  const char* file = sqlite3_db_filename(db.handle(), "main");
  std::string out = file ? file : "";
  out += '|';
  for (const char* sql : {"SELECT count(*) || '/' || COALESCE(max(id), 0) || '/' || COALESCE(max(ingested_at), '') || '/' || "
                          "COALESCE(sum(id * parser_version), 0) FROM documents",
                          "SELECT count(*) || '/' || COALESCE(max(corrected_at), '') FROM corrections"}) {
    auto q = db.prepare(sql);
    if (q.step()) out += q.text(0);
    out += '|';
  }
  return out;
}

}  // namespace cscwatch
