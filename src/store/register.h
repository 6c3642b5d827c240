// The register: cscwatch's embedded SQLite database of authorities, documents,
// inspections, judgements, improvement points and page text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/authority.h"
#include "domain/inspection.h"
#include "domain/result.h"
#include "domain/review_item.h"
#include "reader/page.h"
#include "store/sqlite.h"

namespace cscwatch {

// Where the register lives when --db is not given.
inline constexpr const char* kDefaultDatabasePath = "cscwatch.db";

// A document read and parsed, ready to be written in one transaction.
struct DocumentToStore {
  std::string path;
  std::string file_name;
  std::string sha256;
  const std::string* pdf_bytes = nullptr;  // stored so the register can serve the PDF
  const std::vector<Page>* pages = nullptr;
  InspectionRecord record;
  std::string authority_urn;  // resolved against the reference table
  std::string authority_resolution;  // how, when not by the printed name alone (a trust, the file's URN)
  std::vector<ReviewItem> review;    // what falls short of the completeness rules (domain/completeness.h)
};

// What the register already holds for a file's content.
struct StoredDocument {
  int64_t id = 0;
  int parser_version = 0;
  std::string path;
};

// Every authority in the register's authorities table, by name.
std::vector<Authority> read_authorities(const Connection& db);

class Register {
 public:
  // Opens or creates the database and brings its schema up to date.
  static Result<Register> open(const std::string& path, bool read_only = false);

  // Inserts or updates every authority (idempotent), and the known
  // reorganisations between them.
  Result<int> load_authorities(const std::vector<Authority>& authorities);
  std::vector<Authority> authorities() const;
  int authority_count() const;

  std::optional<StoredDocument> find_document(const std::string& sha256) const;

  // Writes a document and everything read from it in one transaction. What
  // an older parser stored for the same content (by hash), or an earlier
  // version of the file at the same path, is replaced, so re-ingesting is
  // idempotent. Files of the same name in other folders are other documents.
  // A re-parsed document keeps its id, so report addresses (/report/<id>)
  // stay valid across parser versions. Returns the document id.
  Result<int64_t> store(const DocumentToStore& document);

  // Records that a known file was seen again at `path` (content unchanged).
  void touch_path(int64_t document_id, const std::string& path);

  Connection& connection() { return db_; }
  const Connection& connection() const { return db_; }

 private:
  explicit Register(Connection db) : db_(std::move(db)) {}
  Connection db_;
};

}  // namespace cscwatch
