#include "analysis/page_directory.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include <sqlite3.h>

namespace cscwatch {

std::shared_ptr<const PageDirectory> read_page_directory(const Connection& db) {
  auto out = std::make_shared<PageDirectory>();
  std::unordered_map<int64_t, uint32_t> report_index;
  // The same joins and expressions the search's filters used in SQL.
  auto reports = db.prepare(R"sql(
    SELECT d.id, d.file_name, a.name, a.slug, a.region_name, i.framework, d.kind,
           COALESCE(i.start_date, ''), COALESCE(i.published, ''), COALESCE(j.grade, ''),
           COALESCE(NULLIF(j.grade, ''), 'none'),
           CAST(substr(COALESCE(i.start_date, i.published, ''), 1, 4) AS INTEGER)
    FROM documents d
    JOIN inspections i ON i.document_id = d.id
    JOIN authorities a ON a.urn = i.authority_urn
    LEFT JOIN judgements j ON j.inspection_id = i.id AND j.area = 'overall')sql");
  while (reports.step()) {
    DirectoryReport r;
    r.document_id = reports.integer(0);
    r.source_file = reports.text(1);
    r.authority_name = reports.text(2);
    r.authority_slug = reports.text(3);
    r.region_name = reports.text(4);
    r.framework = reports.text(5);
    r.kind = reports.text(6);
    r.inspection_start = reports.text(7);
    r.published = reports.text(8);
    r.overall = reports.text(9);
    r.grade_key = reports.text(10);
    r.year = static_cast<int>(reports.integer(11));
    report_index.emplace(r.document_id, static_cast<uint32_t>(out->reports.size()));
    out->reports.push_back(std::move(r));
  }
  // The (document_id, number) index covers this: the page text is not read.
  auto pages = db.prepare("SELECT id, document_id, number FROM pages");
  while (pages.step()) {
    auto it = report_index.find(pages.integer(1));
    if (it == report_index.end()) continue;  // a document without an inspection is not searched
    out->pages.push_back({pages.integer(0), it->second, static_cast<int>(pages.integer(2))});
  }
  std::sort(out->pages.begin(), out->pages.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

namespace {

// The register's state as one connection sees it: PRAGMA data_version changes
// when another connection commits, the total change count when this one writes.
struct RegisterState {
  int64_t data_version = -1;
  int64_t own_changes = -1;
  bool operator==(const RegisterState&) const = default;
};

RegisterState register_state(const Connection& db) {
  auto q = db.prepare("PRAGMA data_version");
  RegisterState s;
  if (q.step()) s.data_version = q.integer(0);
  s.own_changes = sqlite3_total_changes64(db.handle());
  return s;
}

struct CachedDirectory {
  RegisterState state;
  std::shared_ptr<const PageDirectory> directory;
};

// Directories by connection handle. An entry is removed when its connection
// closes (SQLite calls the destructor of a function registered on it), so a
// later connection that happens to get the same address never sees it.
// Never destroyed: a connection closed during static destruction still finds
// them.
struct DirectoryCache {
  std::mutex mutex;
  std::unordered_map<sqlite3*, CachedDirectory> by_connection;
};
DirectoryCache& directory_cache() {
  static auto* cache = new DirectoryCache;
  return *cache;
}

void forget_connection(void* handle) {
  auto& cache = directory_cache();
  std::lock_guard lock(cache.mutex);
  cache.by_connection.erase(static_cast<sqlite3*>(handle));
}

void no_op(sqlite3_context* context, int, sqlite3_value**) { sqlite3_result_null(context); }

}  // namespace

std::shared_ptr<const PageDirectory> page_directory(const Connection& db) {
  sqlite3* handle = db.handle();
  auto& cache = directory_cache();
  RegisterState now = register_state(db);
  bool known = false;
  {
    std::lock_guard lock(cache.mutex);
    if (auto it = cache.by_connection.find(handle); it != cache.by_connection.end()) {
      known = true;
      if (it->second.state == now) return it->second.directory;
    }
  }
  auto directory = read_page_directory(db);
  // Inside a write transaction the directory shows changes a rollback may
  // undo without changing the state above: use it for this search only.
  if (sqlite3_txn_state(handle, "main") == SQLITE_TXN_WRITE) return directory;
  if (!known) {
    // Ties the entry's life to the connection's; if SQLite refuses (it
    // should not), the directory is used for this search only.
    int rc = sqlite3_create_function_v2(handle, "cscwatch_page_directory_owner", 0, SQLITE_UTF8, handle, &no_op,
                                        nullptr, nullptr, &forget_connection);
    if (rc != SQLITE_OK) return directory;
  }
  std::lock_guard lock(cache.mutex);
  cache.by_connection[handle] = {now, directory};
  return directory;
}

}  // namespace cscwatch
